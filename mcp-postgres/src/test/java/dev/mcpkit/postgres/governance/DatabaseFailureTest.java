package dev.mcpkit.postgres.governance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mcpkit.auth.server.ApiKeyAuthenticator;
import dev.mcpkit.auth.spi.InMemoryApiKeyStore;
import dev.mcpkit.policy.AgentConnector;
import dev.mcpkit.policy.AuditEvent;
import dev.mcpkit.policy.CallOutcome;
import dev.mcpkit.policy.Connection;
import dev.mcpkit.policy.McpGovernance;
import dev.mcpkit.policy.Principal;
import dev.mcpkit.policy.ServerRegistration;
import dev.mcpkit.policy.Sharing;
import dev.mcpkit.policy.ToolPermission;
import dev.mcpkit.policy.spi.InMemoryDirectory;
import dev.mcpkit.postgres.McpPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A governance instance whose database goes away: calls fail closed (the tool never runs), and
 * every audit event acknowledged before is there when the database comes back. Uses a PostgreSQL
 * server of its own, since it stops it.
 */
class DatabaseFailureTest {
  final Principal root = Principal.admin("root");
  final Principal alice = Principal.user("alice");

  @Test
  void aFailedDatabaseFailsCallsClosedAndLosesNoAcknowledgedAuditEvent() throws Exception {
    Path data = Files.createTempDirectory("mcp-pg-failure");
    int port;
    List<AuditEvent> acknowledged;
    ApiKeyAuthenticator keys = ApiKeyAuthenticator.builder().store(new InMemoryApiKeyStore()).build();
    try (ToolServer crm = new ToolServer(keys)) {
      EmbeddedPostgres pg = EmbeddedPostgres.builder().setDataDirectory(data)
          .setCleanDataDirectory(false).start();
      port = pg.getPort();
      McpPostgres stores = McpPostgres.builder().dataSource(dataSource(port)).schema("mcp").build();
      InMemoryDirectory directory = new InMemoryDirectory();
      directory.put(root).put(alice);
      var log = stores.auditLog();
      McpGovernance gov = McpGovernance.builder().directory(directory)
          .registry(stores.registryStore()).sharing(stores.sharingStore())
          .connectors(stores.connectorStore()).connections(stores.connectionStore())
          .approvals(stores.approvalStore()).audit(log, log).tokenStore(stores.tokenStore())
          .cipher(MultiInstanceGovernanceTest.CIPHER).build();
      try {
        gov.registerServer(root, ServerRegistration.builder("crm").name("CRM").url(crm.url())
            .apiKey(null).build());
        gov.share(root, "crm", Sharing.withUsers("alice"));
        gov.attach(root, AgentConnector.perUser("helper", "crm"));
        gov.setPermission(root, "helper", "crm", "echo", ToolPermission.ALWAYS_ALLOW);
        Connection c = gov.openConnection(alice, "crm");
        gov.saveApiKey(alice, c.id(), keys.issue("alice", Set.of()).key());
        for (int i = 0; i < 5; i++) {
          assertThat(gov.invoke(alice, "helper", "crm", "echo", message("m" + i)))
              .isInstanceOf(CallOutcome.Completed.class);
        }
        acknowledged = log.byPrincipal("alice", 1000);
        assertThat(crm.echoes.get()).isEqualTo(5);

        pg.close();

        CallOutcome outcome = gov.invoke(alice, "helper", "crm", "echo", message("down"));
        assertThat(outcome).isNotInstanceOf(CallOutcome.Completed.class);
        assertThat(crm.echoes.get()).as("the tool never ran without its audit event").isEqualTo(5);
      } finally {
        gov.close();
      }
    }

    try (EmbeddedPostgres again = EmbeddedPostgres.builder().setDataDirectory(data)
        .setCleanDataDirectory(false).setPort(port).start()) {
      McpPostgres stores = McpPostgres.builder().dataSource(dataSource(port)).schema("mcp").build();
      assertThat(stores.auditLog().byPrincipal("alice", 1000))
          .containsExactlyElementsOf(acknowledged);
      assertThat(acknowledged).filteredOn(e -> e.type() == AuditEvent.Type.CALL).hasSize(5);
    }
  }

  static DataSource dataSource(int port) {
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL("jdbc:postgresql://localhost:" + port + "/postgres?user=postgres&connectTimeout=5");
    return ds;
  }

  static com.fasterxml.jackson.databind.node.ObjectNode message(String text) {
    return JsonNodeFactory.instance.objectNode().put("message", text);
  }
}
