package dev.mcpkit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.mcpkit.policy.spi.ConnectorStore;
import dev.mcpkit.policy.spi.InMemoryApprovalStore;
import dev.mcpkit.policy.spi.InMemoryConnectorStore;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class FailureTest extends GovernanceFixture {
  final AtomicBoolean storesFail = new AtomicBoolean();
  final AtomicBoolean auditFails = new AtomicBoolean();
  final InMemoryConnectorStore connectors = new InMemoryConnectorStore();
  final InMemoryApprovalStore approvals = new InMemoryApprovalStore();

  @Override
  McpGovernance.Builder configure(McpGovernance.Builder builder) {
    ConnectorStore failing = new ConnectorStore() {
      @Override
      public void put(AgentConnector c) throws IOException {
        check();
        connectors.put(c);
      }

      @Override
      public AgentConnector find(String agentId, String serverId) throws IOException {
        check();
        return connectors.find(agentId, serverId);
      }

      @Override
      public List<AgentConnector> list(String agentId) throws IOException {
        check();
        return connectors.list(agentId);
      }

      @Override
      public boolean remove(String agentId, String serverId) throws IOException {
        check();
        return connectors.remove(agentId, serverId);
      }
    };
    return builder.connectors(failing).approvals(approvals).audit(event -> {
      if (auditFails.get()) {
        throw new IOException("audit database is down");
      }
      audit.record(event);
    }, audit);
  }

  void check() throws IOException {
    if (storesFail.get()) {
      throw new IOException("connector database is down");
    }
  }

  @Test
  void aStoreThatThrowsFailsTheCallClosedAndNothingRuns() throws Exception {
    connect(alice);
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    storesFail.set(true);
    CallOutcome outcome = gov.invoke(alice, AGENT, "crm", "echo", message("x"));
    assertThat(outcome).isInstanceOf(CallOutcome.Failed.class);
    assertThat(((CallOutcome.Failed) outcome).reason()).contains("was not made")
        .contains("connector database is down");
    assertThat(crm.calls("echo")).isZero();
    assertThat(audit.byPrincipal("alice", 10).get(0).type()).isEqualTo(AuditEvent.Type.FAILURE);

    storesFail.set(false);
    assertThat(text(gov.invoke(alice, AGENT, "crm", "echo", message("y")))).isEqualTo("echo:y");
  }

  @Test
  void anAuditSinkThatThrowsKeepsTheCallFromRunning() throws Exception {
    connect(alice);
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    auditFails.set(true);
    CallOutcome outcome = gov.invoke(alice, AGENT, "crm", "echo", message("x"));
    assertThat(((CallOutcome.Failed) outcome).reason()).contains("audit database is down");
    assertThat(crm.calls("echo")).isZero();
  }

  @Test
  void anApprovalWhoseStoreFailsRunsNothing() throws Exception {
    connect(alice);
    var required = (CallOutcome.ApprovalRequired) gov.invoke(alice, AGENT, "crm", "echo",
        message("x"));
    storesFail.set(true);
    assertThat(gov.approve(required.approvalId(), alice)).isInstanceOf(CallOutcome.Failed.class);
    assertThat(crm.calls("echo")).isZero();
    storesFail.set(false);
    assertThat(text(gov.approve(required.approvalId(), alice))).isEqualTo("echo:x");
  }

  @Test
  void aServerThatIsDownIsAFailedOutcomeAndALoggedEvent() throws Exception {
    connect(alice);
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    crm.close();
    CallOutcome outcome = gov.invoke(alice, AGENT, "crm", "echo", message("x"));
    assertThat(outcome).isInstanceOf(CallOutcome.Failed.class);
    assertThat(((CallOutcome.Failed) outcome).reason()).contains("server 'CRM'");
    assertThat(audit.byPrincipal("alice", 10)).extracting(AuditEvent::outcome).contains("failed");
  }

  @Test
  void aServerThatAnswersGarbageIsAFailedOutcome() throws Exception {
    HttpServer garbage = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    garbage.createContext("/", exchange -> {
      byte[] body = "<html>not MCP</html>".getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().set("Content-Type", "text/html");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    garbage.start();
    try {
      gov.registerServer(root, ServerRegistration.builder("junk").name("Junk")
          .url("http://127.0.0.1:" + garbage.getAddress().getPort() + "/mcp").apiKey(null).build());
      gov.share(root, "junk", Sharing.team());
      gov.attach(root, AgentConnector.perUser(AGENT, "junk"));
      Connection c = gov.openConnection(alice, "junk");
      gov.saveApiKey(alice, c.id(), "any-key-at-all");
      CallOutcome outcome = gov.invoke(alice, AGENT, "junk", "echo", message("x"));
      assertThat(outcome).isInstanceOf(CallOutcome.Failed.class);
      assertThat(((CallOutcome.Failed) outcome).reason()).contains("server 'Junk'");
      assertThat(audit.byPrincipal("alice", 10).get(0).type()).isEqualTo(AuditEvent.Type.FAILURE);
    } finally {
      garbage.stop(0);
    }
  }

  @Test
  void aCallThatTakesLongerThanTheConnectorTimeoutFails() throws Exception {
    connect(alice);
    reconfigure(c -> c.withCallTimeout(Duration.ofMillis(300)));
    allow("slow", ToolPermission.ALWAYS_ALLOW);
    CallOutcome outcome = gov.invoke(alice, AGENT, "crm", "slow", message("x"));
    assertThat(((CallOutcome.Failed) outcome).reason()).contains("did not answer in time");
    assertThat(audit.byPrincipal("alice", 10).get(0).outcome()).isEqualTo("failed");
  }
}
