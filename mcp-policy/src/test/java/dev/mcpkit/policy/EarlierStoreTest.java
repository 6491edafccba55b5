package dev.mcpkit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpkit.policy.spi.ApprovalStore;
import dev.mcpkit.policy.spi.ConnectionStore;
import dev.mcpkit.policy.spi.InMemoryApprovalStore;
import dev.mcpkit.policy.spi.InMemoryConnectionStore;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Stores written before the read side existed (only the original methods): every governed call
 * still works; only the queries that need the new methods fail, saying which method to implement.
 */
class EarlierStoreTest extends GovernanceFixture {
  @Override
  McpGovernance.Builder configure(McpGovernance.Builder builder) {
    InMemoryConnectionStore connections = new InMemoryConnectionStore();
    InMemoryApprovalStore approvals = new InMemoryApprovalStore();
    return builder.connections(new ConnectionStore() {
      @Override
      public void put(Connection connection) {
        connections.put(connection);
      }

      @Override
      public Connection find(String connectionId) {
        return connections.find(connectionId);
      }

      @Override
      public Connection findPersonal(String serverId, String userId) {
        return connections.findPersonal(serverId, userId);
      }

      @Override
      public boolean remove(String connectionId) {
        return connections.remove(connectionId);
      }
    }).approvals(new ApprovalStore() {
      @Override
      public void create(ApprovalRequest request) {
        approvals.create(request);
      }

      @Override
      public ApprovalRequest find(String id) {
        return approvals.find(id);
      }

      @Override
      public boolean decide(ApprovalRequest decided) {
        return approvals.decide(decided);
      }

      @Override
      public List<ApprovalRequest> pending(String principalId) {
        return approvals.pending(principalId);
      }
    });
  }

  @Test
  void governedCallsWorkAndTheNewQueriesNameTheMethodToImplement() throws Exception {
    connect(alice);
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    assertThat(text(gov.invoke(alice, AGENT, "crm", "echo", message("still works"))))
        .isEqualTo("echo:still works");
    allow("lookup", ToolPermission.NEEDS_APPROVAL);
    var asked = (CallOutcome.ApprovalRequired) gov.invoke(alice, AGENT, "crm", "lookup",
        message("x"));
    assertThat(text(gov.approve(asked.approvalId(), root))).isEqualTo("lookup:x");

    assertThatThrownBy(() -> gov.connections(alice, "crm", null, 10))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("implement ConnectionStore.listByServer");
    assertThatThrownBy(() -> gov.approvals(root, null, 10))
        .isInstanceOf(IOException.class)
        .hasMessageContaining("implement ApprovalStore.listPending");
  }
}
