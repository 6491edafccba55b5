package dev.mcpkit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A server registered with the legacy SSE transport, and a connection shared with the team. */
class TransportAndTeamTest extends GovernanceFixture {

  @Test
  void aServerRegisteredWithTheSseTransportIsCalledEndToEnd() throws Exception {
    gov.registerServer(root, ServerRegistration.builder("crm").name("CRM (SSE)")
        .url(crm.url().resolve("/sse")).transport(ServerRegistration.Transport.SSE)
        .apiKey(null).build());
    connect(alice);
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    assertThat(text(gov.invoke(alice, AGENT, "crm", "echo", message("over sse"))))
        .isEqualTo("echo:over sse");
    assertThat(crm.calls("echo")).isEqualTo(1);
  }

  @Test
  void aConnectionSharedWithTheWholeTeamServesSomeoneNamedNowhere() throws Exception {
    gov.share(root, "crm", Sharing.team());
    Connection service = gov.openSharedConnection(wsAdmin, "crm", "CRM service",
        List.of(ConnectionShare.team(ConnectionShare.Permission.USE)));
    gov.saveApiKey(wsAdmin, service.id(), keys.issue("svc", Set.of()).key());
    gov.attach(root, AgentConnector.shared("team-agent", "crm", service.id()));
    gov.setPermission(root, "team-agent", "crm", "echo", ToolPermission.ALWAYS_ALLOW);

    assertThat(text(gov.invoke(bob, "team-agent", "crm", "echo", message("b"))))
        .isEqualTo("echo:b");
    assertThat(gov.connections(bob, "crm", null, 10).items()).extracting(Connection::id)
        .containsExactly(service.id());
    assertThatThrownBy(() -> gov.renameConnection(bob, service.id(), "mine"))
        .isInstanceOf(PolicyDeniedException.class);
  }

  @Test
  void aCapabilityTokenInAServerUrlStaysOutOfTheActivityLogAndFailureReasons() throws Exception {
    String token = "Zm9vYmFyYmF6cXV4cXV1eGNvcmdl";
    gov.registerServer(root, ServerRegistration.builder("crm").name("CRM")
        .url(crm.url().resolve("/mcp/v1/" + token + "/mcp")).apiKey(null).build());
    connect(alice);
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    CallOutcome outcome = gov.invoke(alice, AGENT, "crm", "echo", message("x"));
    assertThat(outcome).isInstanceOf(CallOutcome.Failed.class);
    assertThat(((CallOutcome.Failed) outcome).reason()).contains("/mcp/v1/[REDACTED]/mcp")
        .doesNotContain(token);
    assertThat(audit.all().toString()).contains("/mcp/v1/[REDACTED]/mcp").doesNotContain(token);
  }
}
