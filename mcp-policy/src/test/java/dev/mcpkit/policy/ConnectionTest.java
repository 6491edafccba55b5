package dev.mcpkit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConnectionTest extends GovernanceFixture {

  @Test
  void aUserWithoutAConnectionIsAskedToConnectThenTheSameCallSucceeds() throws Exception {
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    CallOutcome first = gov.invoke(alice, AGENT, "crm", "echo", message("hi"));
    assertThat(first).isInstanceOf(CallOutcome.ConnectionRequired.class);
    var required = (CallOutcome.ConnectionRequired) first;
    assertThat(required.auth()).isEqualTo(ServerRegistration.Auth.API_KEY);
    assertThat(required.authorizationUrl()).isNull();
    assertThat(crm.calls("echo")).isZero();

    gov.saveApiKey(alice, required.connectionId(), keys.issue("alice", Set.of()).key());
    assertThat(text(gov.invoke(alice, AGENT, "crm", "echo", message("hi")))).isEqualTo("echo:hi");
    assertThat(audit.byPrincipal("alice", 100)).filteredOn(e -> e.type() == AuditEvent.Type.CALL)
        .extracting(AuditEvent::tokenSource).containsExactly("api_key");
  }

  @Test
  void skippingThePromptIsRecordedAndTheUserIsAskedAgainNextTime() throws Exception {
    assertThat(gov.invoke(alice, AGENT, "crm", "echo", message("x")))
        .isInstanceOf(CallOutcome.ConnectionRequired.class);
    gov.skipConnection(alice, AGENT, "crm");
    assertThat(gov.invoke(alice, AGENT, "crm", "echo", message("x")))
        .isInstanceOf(CallOutcome.ConnectionRequired.class);
    assertThat(gov.history(alice, 10)).extracting(AuditEvent::outcome).contains("skipped");
  }

  @Test
  void listToolsAsksForTheMissingConnectionInsteadOfListing() throws Exception {
    AgentTools tools = gov.listTools(alice, AGENT);
    assertThat(tools.tools()).isEmpty();
    assertThat(tools.connectionsNeeded()).extracting(CallOutcome.ConnectionRequired::serverId)
        .containsExactly("crm");
  }

  @Test
  void aConnectionCanBeRenamedOnlyByItsOwner() throws Exception {
    Connection c = connect(alice);
    assertThat(gov.renameConnection(alice, c.id(), "My CRM").name()).isEqualTo("My CRM");
    assertThatThrownBy(() -> gov.renameConnection(bob, c.id(), "Mine"))
        .isInstanceOf(PolicyDeniedException.class)
        .hasMessageContaining("another user's personal connection");
  }

  @Test
  void deletingAConnectionRemovesTheCredentialsSoTheUserMustConnectAgain() throws Exception {
    Connection c = connect(alice);
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    assertThat(text(gov.invoke(alice, AGENT, "crm", "echo", message("1")))).isEqualTo("echo:1");
    gov.deleteConnection(alice, c.id());
    assertThat(gov.invoke(alice, AGENT, "crm", "echo", message("2")))
        .isInstanceOf(CallOutcome.ConnectionRequired.class);
    assertThat(crm.calls("echo")).isEqualTo(1);
    assertThat(gov.history(alice, 20)).extracting(AuditEvent::outcome).contains("deleted");
  }

  @Test
  void reconnectingReplacesTheCredentials() throws Exception {
    Connection c = connect(alice);
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    var issued = keys.issue("alice-new", Set.of());
    gov.saveApiKey(alice, c.id(), issued.key());
    gov.invoke(alice, AGENT, "crm", "echo", message("x"));
    assertThat(crm.lastPrincipal).isEqualTo("alice-new");
  }

  @Test
  void aSharedConnectionIsSetUpByAWorkspaceAdminAndUsedByThoseItIsSharedWith() throws Exception {
    gov.share(root, "crm", Sharing.team());
    assertThatThrownBy(() -> gov.openSharedConnection(alice, "crm", "CRM service", List.of()))
        .isInstanceOf(PolicyDeniedException.class).hasMessageContaining("workspace admins");
    Connection shared = gov.openSharedConnection(wsAdmin, "crm", "CRM service",
        List.of(ConnectionShare.group("sales", ConnectionShare.Permission.USE)));
    gov.saveApiKey(wsAdmin, shared.id(), keys.issue("svc", Set.of()).key());
    gov.attach(wsAdmin, AgentConnector.shared("team-agent", "crm", shared.id()));
    gov.setPermission(root, "team-agent", "crm", "echo", ToolPermission.ALWAYS_ALLOW);

    assertThat(text(gov.invoke(carol, "team-agent", "crm", "echo", message("s"))))
        .isEqualTo("echo:s");
    assertThat(crm.lastPrincipal).isEqualTo("svc");
    CallOutcome bobs = gov.invoke(bob, "team-agent", "crm", "echo", message("s"));
    assertThat(((CallOutcome.Denied) bobs).rule()).isEqualTo("shared-connection");

    assertThatThrownBy(() -> gov.renameConnection(carol, shared.id(), "Mine"))
        .isInstanceOf(PolicyDeniedException.class);
    gov.shareConnection(wsAdmin, shared.id(), List.of(
        ConnectionShare.group("sales", ConnectionShare.Permission.USE),
        ConnectionShare.user("bob", ConnectionShare.Permission.MANAGE)));
    assertThat(text(gov.invoke(bob, "team-agent", "crm", "echo", message("b"))))
        .isEqualTo("echo:b");
    assertThat(gov.renameConnection(bob, shared.id(), "Shared CRM").name())
        .isEqualTo("Shared CRM");
  }

  @Test
  void aSharedConnectionNotYetAuthorizedIsDeniedWithoutAPrompt() throws Exception {
    Connection shared = gov.openSharedConnection(wsAdmin, "crm", "CRM service",
        List.of(ConnectionShare.team(ConnectionShare.Permission.USE)));
    gov.attach(root, AgentConnector.shared("team-agent", "crm", shared.id()));
    CallOutcome outcome = gov.invoke(alice, "team-agent", "crm", "echo", message("x"));
    assertThat(((CallOutcome.Denied) outcome).reason()).contains("has not been authorized yet");
  }
}
