package dev.mcpkit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.auth.HeadlessAuthorization;
import dev.mcpkit.auth.server.JwtBearerAuthenticator;
import dev.mcpkit.auth.spi.InMemoryTokenStore;
import dev.mcpkit.auth.spi.TokenKey;
import dev.mcpkit.core.auth.AuthResult;
import dev.mcpkit.core.auth.HttpRequestView;
import dev.mcpkit.core.auth.McpAuthenticator;
import dev.mcpkit.policy.spi.InMemoryAuditLog;
import dev.mcpkit.policy.spi.InMemoryDirectory;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Per-user and shared OAuth connections against a real authorization server (mock-oauth2-server,
 * which enforces PKCE) and our MCP server verifying its signed tokens with mcp-auth.
 */
class OAuthConnectionTest {
  static final URI REDIRECT = URI.create("http://127.0.0.1:9/callback");
  static final String AGENT = "helper";

  final MockOAuth2Server as = new MockOAuth2Server();
  final InMemoryDirectory directory = new InMemoryDirectory();
  final InMemoryAuditLog audit = new InMemoryAuditLog(1000, false);
  final InMemoryTokenStore tokens = new InMemoryTokenStore();
  final Principal root = Principal.admin("root");
  final Principal alice = Principal.user("alice");
  volatile McpAuthenticator verifier;
  CrmServer crm;
  McpGovernance gov;

  @BeforeEach
  void start() throws Exception {
    as.start();
    crm = new CrmServer(new McpAuthenticator() {
      @Override
      public AuthResult authenticate(HttpRequestView request) {
        return verifier.authenticate(request);
      }

      @Override
      public JsonNode protectedResourceMetadata() {
        return verifier.protectedResourceMetadata();
      }
    });
    verifier = JwtBearerAuthenticator.builder()
        .issuer(as.issuerUrl("default").toString())
        .jwksUri(as.jwksUrl("default").uri())
        .resource(crm.url())
        .build();
    directory.put(root).put(alice);
    gov = McpGovernance.builder().directory(directory).audit(audit, audit)
        .cipher(GovernanceFixture.CIPHER).tokenStore(tokens)
        .oauthSettings(o -> o.redirectUri(REDIRECT)).build();
    gov.registerServer(root, ServerRegistration.builder("crm").name("CRM").url(crm.url())
        .oauthClient("policy-client", "openid mcp:read", null).build(), "client-secret-xyz");
    gov.share(root, "crm", Sharing.withUsers("alice"));
    gov.attach(root, AgentConnector.perUser(AGENT, "crm"));
    gov.setPermission(root, AGENT, "crm", "echo", ToolPermission.ALWAYS_ALLOW);
  }

  @AfterEach
  void stop() {
    gov.close();
    crm.close();
    as.shutdown();
  }

  void issueNextTokenFor(String subject) {
    as.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT",
        List.of(crm.url().toString()), Map.of("scope", "mcp:read"), 3600));
  }

  @Test
  void aUserIsSentToTheAuthorizationServerAndAfterConsentTheSameCallSucceeds() throws Exception {
    CallOutcome first = gov.invoke(alice, AGENT, "crm", "echo",
        GovernanceFixture.message("hi"));
    assertThat(first).isInstanceOf(CallOutcome.ConnectionRequired.class);
    var required = (CallOutcome.ConnectionRequired) first;
    assertThat(required.authorizationUrl().toString())
        .startsWith(as.issuerUrl("default").toString())
        .contains("client_id=policy-client").contains("code_challenge=");
    assertThat(crm.calls("echo")).isZero();

    issueNextTokenFor("alice");
    URI callback = HeadlessAuthorization.catching(REDIRECT).follow(required.authorizationUrl());
    Connection connected = gov.completeAuthorization(alice, required.connectionId(), callback);
    assertThat(connected.status()).isEqualTo(Connection.Status.CONNECTED);

    assertThat(GovernanceFixture.text(gov.invoke(alice, AGENT, "crm", "echo",
        GovernanceFixture.message("hi")))).isEqualTo("echo:hi");
    assertThat(crm.lastPrincipal).isEqualTo("alice");
  }

  @Test
  void theCustomClientSecretIsKeptOnlyEncryptedInTheTokenStore() throws Exception {
    List<TokenKey> keys = tokens.keys(dev.mcpkit.auth.TokenOwner.shared(
        "server-registration:crm"));
    assertThat(keys).hasSize(1);
    byte[] sealed = tokens.get(keys.get(0));
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain("client-secret-xyz");
    assertThat(audit.all().toString()).doesNotContain("client-secret-xyz");
  }

  @Test
  void deletingAnOAuthConnectionDropsItsTokensAndTheUserIsAskedAgain() throws Exception {
    var required = (CallOutcome.ConnectionRequired) gov.invoke(alice, AGENT, "crm", "echo",
        GovernanceFixture.message("x"));
    issueNextTokenFor("alice");
    gov.completeAuthorization(alice, required.connectionId(),
        HeadlessAuthorization.catching(REDIRECT).follow(required.authorizationUrl()));
    assertThat(gov.invoke(alice, AGENT, "crm", "echo", GovernanceFixture.message("x")))
        .isInstanceOf(CallOutcome.Completed.class);

    gov.deleteConnection(alice, required.connectionId());
    assertThat(tokens.keys(dev.mcpkit.auth.TokenOwner.user("alice"))).isEmpty();
    assertThat(gov.invoke(alice, AGENT, "crm", "echo", GovernanceFixture.message("x")))
        .isInstanceOf(CallOutcome.ConnectionRequired.class);
  }

  @Test
  void aWorkspaceAdminConnectsASharedOAuthConnectionForEveryone() throws Exception {
    Connection shared = gov.openSharedConnection(root, "crm", "CRM service",
        List.of(ConnectionShare.user("alice", ConnectionShare.Permission.USE)));
    issueNextTokenFor("service-account");
    URI url = gov.authorize(root, shared.id());
    gov.completeAuthorization(root, shared.id(),
        HeadlessAuthorization.catching(REDIRECT).follow(url));
    gov.attach(root, AgentConnector.shared("team", "crm", shared.id()));
    gov.setPermission(root, "team", "crm", "echo", ToolPermission.ALWAYS_ALLOW);

    assertThat(GovernanceFixture.text(gov.invoke(alice, "team", "crm", "echo",
        GovernanceFixture.message("s")))).isEqualTo("echo:s");
    assertThat(crm.lastPrincipal).isEqualTo("service-account");
    assertThat(Set.copyOf(audit.byPrincipal("root", 50).stream().map(AuditEvent::outcome)
        .toList())).contains("created", "authorization_started", "connected");
  }

  @Test
  void aServersOwnScopeAndRedirectUrlAreWhatTheUserIsSentWithAndReconnectingReplacesTheToken()
      throws Exception {
    URI crmCallback = URI.create("http://127.0.0.1:9/crm-callback");
    gov.registerServer(root, ServerRegistration.builder("crm").name("CRM").url(crm.url())
        .oauthClient("policy-client", "openid crm:write", crmCallback).build(), "client-secret-xyz");
    var required = (CallOutcome.ConnectionRequired) gov.invoke(alice, AGENT, "crm", "echo",
        GovernanceFixture.message("x"));
    String url = required.authorizationUrl().toString();
    assertThat(url).contains("crm%3Awrite")
        .contains("redirect_uri=http%3A%2F%2F127.0.0.1%3A9%2Fcrm-callback");
    issueNextTokenFor("alice");
    gov.completeAuthorization(alice, required.connectionId(),
        HeadlessAuthorization.catching(crmCallback).follow(required.authorizationUrl()));
    gov.invoke(alice, AGENT, "crm", "echo", GovernanceFixture.message("x"));
    assertThat(crm.lastPrincipal).isEqualTo("alice");

    // reconnect: the same connection is authorized again (here as another account)
    URI again = gov.authorize(alice, required.connectionId());
    issueNextTokenFor("alice-second-account");
    Connection reconnected = gov.completeAuthorization(alice, required.connectionId(),
        HeadlessAuthorization.catching(crmCallback).follow(again));
    assertThat(reconnected.id()).isEqualTo(required.connectionId());
    assertThat(reconnected.status()).isEqualTo(Connection.Status.CONNECTED);
    assertThat(GovernanceFixture.text(gov.invoke(alice, AGENT, "crm", "echo",
        GovernanceFixture.message("y")))).isEqualTo("echo:y");
    assertThat(crm.lastPrincipal).isEqualTo("alice-second-account");
    assertThat(tokens.keys(dev.mcpkit.auth.TokenOwner.user("alice"))).hasSize(1);
  }
}
