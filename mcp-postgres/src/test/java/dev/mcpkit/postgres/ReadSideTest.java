package dev.mcpkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.policy.ApprovalRequest;
import dev.mcpkit.policy.Approvers;
import dev.mcpkit.policy.AuditEvent;
import dev.mcpkit.policy.AuditFilter;
import dev.mcpkit.policy.Connection;
import dev.mcpkit.policy.ConnectionMethod;
import dev.mcpkit.policy.ConnectionShare;
import dev.mcpkit.policy.PayloadPolicy;
import dev.mcpkit.policy.ServerRegistration;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The PostgreSQL stores keep every component of the records they hold, including those added with
 * the governance read side, and a schema created before the read side is upgraded in place.
 */
class ReadSideTest {
  static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123456789Z");

  @Test
  void aRegistrationKeepsItsPayloadPolicyAndEveryOtherComponent() throws Exception {
    McpPostgres pg = TestDatabase.freshStores("readside");
    ServerRegistration crm = ServerRegistration.builder("crm").name("CRM")
        .description("Customers and deals").url("https://crm.example/mcp")
        .icon(URI.create("data:image/png;base64,iVBORw0KGgo="))
        .transport(ServerRegistration.Transport.STREAMABLE_HTTP)
        .oauthClient("client-1", "crm.read", URI.create("https://console.example/callback"))
        .payloadPolicy(PayloadPolicy.METADATA_ONLY).build();
    pg.registryStore().put(crm);

    ServerRegistration back = pg.registryStore().find("crm");
    assertThat(back).isEqualTo(crm);
    assertThat(back.payloadPolicy()).isEqualTo(PayloadPolicy.METADATA_ONLY);
  }

  @Test
  void anEventKeepsItsTokenSourceAndItsTimeToTheNanosecond() throws Exception {
    McpPostgres pg = TestDatabase.freshStores("readside");
    ObjectNode input = JsonNodeFactory.instance.objectNode().put("q", "acme");
    AuditEvent e = new AuditEvent("e1", T0, AuditEvent.Type.CALL, "alice", "helper", "crm",
        "search", input, null, null, Duration.ofMillis(12), "completed", "c1", null,
        "shared connection");
    pg.auditLog().record(e);

    List<AuditEvent> found = pg.auditLog().search(AuditFilter.correlation("c1"), null, 10);
    assertThat(found).containsExactly(e);
    assertThat(found.get(0).tokenSource()).isEqualTo("shared connection");
    assertThat(found.get(0).time()).isEqualTo(T0);
  }

  @Test
  void retentionComparesToTheNanosecondAsInstantDoes() throws Exception {
    McpPostgres pg = TestDatabase.freshStores("readside");
    AuditEvent before = event("a", T0.minusNanos(1), "c1");
    AuditEvent at = event("b", T0, "c1");
    pg.auditLog().record(before);
    pg.auditLog().record(at);

    assertThat(pg.auditLog().purgeBefore(T0)).isEqualTo(1);
    assertThat(pg.auditLog().search(AuditFilter.ALL, null, 10)).containsExactly(at);
  }

  @Test
  void searchByServerFindsOnlyThatServersEventsAndRefusesANegativeLimit() throws Exception {
    McpPostgres pg = TestDatabase.freshStores("readside");
    AuditEvent crm = event("a", T0, "c1");
    AuditEvent wiki = new AuditEvent("b", T0, AuditEvent.Type.CALL, "alice", "helper", "wiki",
        "page", null, null, null, null, "completed", "c2", null);
    pg.auditLog().record(crm);
    pg.auditLog().record(wiki);

    assertThat(pg.auditLog().search(new AuditFilter(null, null, "wiki", null), null, 10))
        .containsExactly(wiki);
    assertThat(pg.auditLog().search(AuditFilter.ALL, "no-such-event", 10)).isEmpty();
    assertThatThrownBy(() -> pg.auditLog().search(AuditFilter.ALL, null, -1))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aConnectionKeepsItsSharesAndAnApprovalItsArguments() throws Exception {
    McpPostgres pg = TestDatabase.freshStores("readside");
    Connection shared = new Connection("k1", "crm", ConnectionMethod.SHARED, "admin", "service",
        Connection.Status.CONNECTED, List.of(ConnectionShare.team(ConnectionShare.Permission.USE),
            ConnectionShare.user("bob", ConnectionShare.Permission.MANAGE)), T0);
    pg.connectionStore().put(shared);
    assertThat(pg.connectionStore().listByServer("crm")).containsExactly(shared);

    ObjectNode sealed = JsonNodeFactory.instance.objectNode().put("sealed", "AAECAw==");
    ApprovalRequest req = new ApprovalRequest("r1", "alice", "helper", "crm", "delete", sealed,
        "hash", "rev", Approvers.anotherAdmin(), T0, T0.plusSeconds(900),
        ApprovalRequest.Status.PENDING, null, null, "c9");
    pg.approvalStore().create(req);
    assertThat(pg.approvalStore().listPending()).containsExactly(req);
  }

  @Test
  void aSchemaCreatedBeforeTheReadSideIsUpgradedAndItsOldEventsAreSearchable() throws Exception {
    String schema = TestDatabase.freshSchema("upgrade");
    String quoted = '"' + schema + '"';
    byte[] v1;
    try (InputStream in = getClass().getResourceAsStream(
        "/dev/mcpkit/postgres/migrations/V1__stores.sql")) {
      v1 = in.readAllBytes();
    }
    AuditEvent old = event("old", T0, "c-old");
    String doc = dev.mcpkit.core.json.McpJson.mapper().copy()
        .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
        .writeValueAsString(old);
    try (java.sql.Connection c = TestDatabase.dataSource().getConnection();
        Statement s = c.createStatement()) {
      s.execute("CREATE SCHEMA " + quoted);
      s.execute("CREATE TABLE " + quoted + ".schema_migrations (version integer PRIMARY KEY, "
          + "description text NOT NULL, checksum text NOT NULL, applied_at timestamptz NOT NULL "
          + "DEFAULT now())");
      s.execute(new String(v1, StandardCharsets.UTF_8).replace("${schema}", quoted));
      s.execute("INSERT INTO " + quoted + ".schema_migrations (version, description, checksum) "
          + "VALUES (1, 'stores', '" + HexFormat.of().formatHex(
              MessageDigest.getInstance("SHA-256").digest(v1)) + "')");
      try (var ps = c.prepareStatement("INSERT INTO " + quoted + ".audit_events (id, principal_id, "
          + "agent_id, doc) VALUES (?, ?, ?, ?::jsonb)")) {
        ps.setString(1, old.id());
        ps.setString(2, old.principalId());
        ps.setString(3, old.agentId());
        ps.setString(4, doc);
        ps.executeUpdate();
      }
    }

    McpPostgres pg = McpPostgres.builder().dataSource(TestDatabase.dataSource()).schema(schema)
        .build();
    assertThat(pg.auditLog().search(AuditFilter.correlation("c-old"), null, 10))
        .containsExactly(old);
    assertThat(pg.auditLog().search(new AuditFilter(null, null, "crm", null), null, 10))
        .containsExactly(old);
    assertThat(pg.auditLog().purgeBefore(T0)).isZero();
    assertThat(pg.auditLog().purgeBefore(T0.plusNanos(1))).isEqualTo(1);
  }

  private static AuditEvent event(String id, Instant time, String correlationId) {
    return new AuditEvent(id, time, AuditEvent.Type.CALL, "alice", "helper", "crm", "search",
        null, null, null, null, "completed", correlationId, null);
  }
}
