package dev.mcpkit.policy.spi;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.policy.AgentConnector;
import dev.mcpkit.policy.ApprovalRequest;
import dev.mcpkit.policy.Approvers;
import dev.mcpkit.policy.AuditEvent;
import dev.mcpkit.policy.Connection;
import dev.mcpkit.policy.ConnectionMethod;
import dev.mcpkit.policy.ServerRegistration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Sample values for the SPI contract tests. */
public final class Samples {
  static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

  private Samples() {}

  public static ServerRegistration server(String id) {
    return ServerRegistration.builder(id).name("Server " + id).url("https://" + id + ".example/mcp")
        .build();
  }

  public static AgentConnector connector(String agent, String server) {
    return AgentConnector.perUser(agent, server);
  }

  public static Connection personal(String server, String user) {
    return new Connection(UUID.randomUUID().toString(), server, ConnectionMethod.PER_USER, user,
        "conn", Connection.Status.PENDING, List.of(), T0);
  }

  public static ApprovalRequest approval(String id, String principal, Instant created) {
    ObjectNode args = JsonNodeFactory.instance.objectNode().put("a", 1);
    return new ApprovalRequest(id, principal, "agent", "server", "tool", args, "hash", "rev",
        Approvers.REQUESTER, created, created.plusSeconds(900), ApprovalRequest.Status.PENDING,
        null, null, "corr-" + id);
  }

  public static AuditEvent event(String principal, String agent, Instant time) {
    return event(principal, agent, time, "corr");
  }

  public static AuditEvent event(String principal, String agent, Instant time,
      String correlationId) {
    return new AuditEvent(UUID.randomUUID().toString(), time, AuditEvent.Type.CALL, principal,
        agent, "server", "tool", null, null, null, null, "completed", correlationId, null);
  }

  public static Connection shared(String server, String admin) {
    return new Connection(UUID.randomUUID().toString(), server, ConnectionMethod.SHARED, admin,
        "service", Connection.Status.CONNECTED, List.of(), T0);
  }
}
