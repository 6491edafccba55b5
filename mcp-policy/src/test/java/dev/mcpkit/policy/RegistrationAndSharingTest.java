package dev.mcpkit.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.api.Test;

class RegistrationAndSharingTest extends GovernanceFixture {

  @Test
  void onlyOrganizationAdminsMayRegisterServers() throws Exception {
    ServerRegistration wiki = ServerRegistration.builder("wiki").name("Wiki")
        .url("https://wiki.example/mcp").build();
    assertThatThrownBy(() -> gov.registerServer(alice, wiki))
        .isInstanceOf(PolicyDeniedException.class)
        .hasMessageContaining("only organization admins can register servers")
        .hasMessageContaining("alice");
    assertThatThrownBy(() -> gov.registerServer(wsAdmin, wiki))
        .isInstanceOf(PolicyDeniedException.class);
    assertThat(gov.registerServer(root, wiki).name()).isEqualTo("Wiki");
  }

  @Test
  void aRegistrationWithABadUrlIsRefusedNamingTheField() {
    assertThatThrownBy(() -> ServerRegistration.builder("wiki").name("Wiki")
        .url("http://wiki.example/mcp").build())
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("url must use https");
    assertThatThrownBy(() -> ServerRegistration.builder("wiki").name("Wiki")
        .url("ftp://wiki.example/mcp").build())
        .hasMessageContaining("url must be an https URL");
    assertThatThrownBy(() -> ServerRegistration.builder("wiki").name(" ")
        .url("https://wiki.example/mcp").build())
        .hasMessageContaining("name is required");
    assertThatThrownBy(() -> ServerRegistration.builder("bad id").name("Wiki")
        .url("https://wiki.example/mcp").build())
        .hasMessageContaining("id must be");
  }

  @Test
  void transportAndAuthenticationMustBeConsistent() {
    assertThatThrownBy(() -> new ServerRegistration("wiki", "Wiki", "", URI.create(
        "https://wiki.example/mcp"), null, ServerRegistration.Transport.SSE,
        ServerRegistration.Auth.API_KEY, null,
        new ServerRegistration.OAuthClient("id", null, null, false), false))
        .hasMessageContaining("cannot have a custom OAuth client");
    assertThatThrownBy(() -> new ServerRegistration("wiki", "Wiki", "", URI.create(
        "https://wiki.example/mcp"), null, ServerRegistration.Transport.STREAMABLE_HTTP,
        ServerRegistration.Auth.OAUTH, "X-API-Key", null, false))
        .hasMessageContaining("has no API key header");
  }

  @Test
  void aClientSecretIsStoredEncryptedAndNeverReturnedOrPrinted() throws Exception {
    ServerRegistration wiki = ServerRegistration.builder("wiki").name("Wiki")
        .url("https://wiki.example/mcp")
        .oauthClient("wiki-client", "read", URI.create("https://host.example/cb")).build();
    ServerRegistration stored = gov.registerServer(root, wiki, "s3cret-value");
    assertThat(stored.oauthClient().hasClientSecret()).isTrue();
    assertThat(stored.toString()).doesNotContain("s3cret-value");
    assertThat(audit.all().toString()).doesNotContain("s3cret-value");
    assertThatThrownBy(() -> gov.registerServer(root, ServerRegistration.builder("crm2")
        .name("x").url("https://x.example").apiKey(null).build(), "secret"))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no custom OAuth client");
  }

  @Test
  void aServerIsUsableOnlyByThoseItIsSharedWith() throws Exception {
    connect(alice);
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    CallOutcome denied = gov.invoke(bob, AGENT, "crm", "echo", message("x"));
    assertThat(((CallOutcome.Denied) denied).rule()).isEqualTo("server-sharing");
    assertThat(((CallOutcome.Denied) denied).reason()).contains("not shared with 'bob'");
    assertThatThrownBy(() -> gov.openConnection(bob, "crm"))
        .isInstanceOf(PolicyDeniedException.class);
    assertThat(text(gov.invoke(alice, AGENT, "crm", "echo", message("x")))).isEqualTo("echo:x");
  }

  @Test
  void aGroupShareLetsItsMembersIn() throws Exception {
    connect(carol);
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    assertThat(text(gov.invoke(carol, AGENT, "crm", "echo", message("g")))).isEqualTo("echo:g");
  }

  @Test
  void teamAccessOpensTheServerToEveryoneInTheOrganization() throws Exception {
    assertThat(gov.invoke(bob, AGENT, "crm", "echo", message("x")))
        .isInstanceOf(CallOutcome.Denied.class);
    gov.share(root, "crm", Sharing.team());
    assertThat(gov.invoke(bob, AGENT, "crm", "echo", message("x")))
        .isInstanceOf(CallOutcome.ConnectionRequired.class);
  }

  @Test
  void removingAPersonOrAGroupTakesEffectOnTheirNextCall() throws Exception {
    connect(alice);
    connect(carol);
    allow("echo", ToolPermission.ALWAYS_ALLOW);
    assertThat(text(gov.invoke(alice, AGENT, "crm", "echo", message("1")))).isEqualTo("echo:1");
    gov.share(root, "crm", Sharing.withUsers("alice").plusGroup("sales").minusUser("alice"));
    assertThat(gov.invoke(alice, AGENT, "crm", "echo", message("2")))
        .isInstanceOf(CallOutcome.Denied.class);

    assertThat(text(gov.invoke(carol, AGENT, "crm", "echo", message("3")))).isEqualTo("echo:3");
    directory.put(Principal.user("carol", "security"));
    assertThat(gov.invoke(carol, AGENT, "crm", "echo", message("4")))
        .isInstanceOf(CallOutcome.Denied.class);
    assertThat(crm.calls("echo")).isEqualTo(2);
  }

  @Test
  void onlyUsersItIsSharedWithMayAttachItAndOnlyAdminsSetPermissions() throws Exception {
    assertThatThrownBy(() -> gov.attach(bob, AgentConnector.perUser("bobs-agent", "crm")))
        .isInstanceOf(PolicyDeniedException.class).hasMessageContaining("not shared with them");
    assertThat(gov.attach(alice, AgentConnector.perUser("alices-agent", "crm")).serverId())
        .isEqualTo("crm");
    assertThatThrownBy(() -> gov.attach(alice, AgentConnector.perUser("alices-agent", "crm")
        .withNewToolPermission(ToolPermission.ALWAYS_ALLOW)))
        .isInstanceOf(PolicyDeniedException.class).hasMessageContaining("only organization admins");
    assertThatThrownBy(() -> gov.setPermission(alice, "alices-agent", "crm", "echo",
        ToolPermission.ALWAYS_ALLOW)).isInstanceOf(PolicyDeniedException.class);
  }

  @Test
  void aServerNotAttachedToTheAgentIsDenied() throws Exception {
    CallOutcome outcome = gov.invoke(alice, "other-agent", "crm", "echo", message("x"));
    assertThat(((CallOutcome.Denied) outcome).rule()).isEqualTo("agent-connector");
  }

  @Test
  void everyAdminChangeIsInTheActivityLog() throws Exception {
    assertThat(gov.history(root, 100)).filteredOn(e -> e.type() == AuditEvent.Type.ADMIN_CHANGE)
        .extracting(AuditEvent::detail)
        .anySatisfy(d -> assertThat(d).contains("registered server 'CRM'"))
        .anySatisfy(d -> assertThat(d).contains("shared server 'crm'"))
        .anySatisfy(d -> assertThat(d).contains("attached server 'CRM' to agent 'helper'"));
  }
}
