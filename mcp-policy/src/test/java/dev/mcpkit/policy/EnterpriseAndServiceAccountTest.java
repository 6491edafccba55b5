package dev.mcpkit.policy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.jwk.JWKSet;
import dev.mcpkit.auth.EnterpriseAuthorization;
import dev.mcpkit.auth.HeadlessAuthorization;
import dev.mcpkit.auth.McpOAuth;
import dev.mcpkit.auth.server.JwtBearerAuthenticator;
import dev.mcpkit.auth.spi.InMemoryTokenStore;
import dev.mcpkit.core.auth.AuthResult;
import dev.mcpkit.core.auth.HttpRequestView;
import dev.mcpkit.core.auth.McpAuthenticator;
import dev.mcpkit.policy.spi.InMemoryAuditLog;
import dev.mcpkit.policy.spi.InMemoryDirectory;
import java.net.URI;
import java.util.List;
import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tokens that come without a "connect your account" prompt, through the governance facade against a
 * real authorization server (mock-oauth2-server: its JWT bearer and client credentials grants, its ID
 * tokens) and an identity provider stand-in for the ID-JAG exchange; the activity log says which way
 * each call's token came.
 */
class EnterpriseAndServiceAccountTest {
  static final URI REDIRECT = URI.create("http://127.0.0.1:9/callback");
  static final String AGENT = "helper";

  final MockOAuth2Server as = new MockOAuth2Server();
  final InMemoryDirectory directory = new InMemoryDirectory();
  final InMemoryAuditLog audit = new InMemoryAuditLog(1000, false);
  final Principal root = Principal.admin("root");
  final Principal alice = Principal.user("alice");
  final Principal bob = Principal.user("bob");
  volatile McpAuthenticator verifier;
  IdentityProviderStandIn idp;
  CrmServer crm;
  McpGovernance gov;

  @BeforeEach
  void start() throws Exception {
    as.start();
    idp = new IdentityProviderStandIn(JWKSet.load(as.jwksUrl("idp").url()), "policy-client");
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
    verifier = JwtBearerAuthenticator.builder().issuer(as.issuerUrl("default").toString())
        .jwksUri(as.jwksUrl("default").uri()).resource(crm.url()).build();
    directory.put(root).put(alice).put(bob);
    String aliceIdToken = as.issueToken("idp", "host-app", new DefaultOAuth2TokenCallback("idp",
        "alice", "JWT", List.of("host-app"), Map.of(), 3600)).serialize();
    gov = McpGovernance.builder().directory(directory).audit(audit, audit)
        .cipher(GovernanceFixture.CIPHER).tokenStore(new InMemoryTokenStore())
        .oauth(McpOAuth.builder().redirectUri(REDIRECT))
        // the host's single sign-on knows alice's ID token; bob did not sign in through the IdP
        .enterpriseAuthorization(EnterpriseAuthorization.builder(idp.tokenEndpoint(), "host-app")
            .assertions(owner -> owner.id().equals("alice") ? aliceIdToken : null).build())
        .build();
    gov.registerServer(root, ServerRegistration.builder("crm").name("CRM").url(crm.url())
        .oauthClient("policy-client", "openid mcp:read", null).build(), "client-secret-xyz");
    gov.share(root, "crm", Sharing.withUsers("alice", "bob"));
    gov.attach(root, AgentConnector.perUser(AGENT, "crm"));
    gov.setPermission(root, AGENT, "crm", "echo", ToolPermission.ALWAYS_ALLOW);
  }

  @AfterEach
  void stop() {
    gov.close();
    crm.close();
    idp.close();
    as.shutdown();
  }

  void issueNextTokenFor(String subject) {
    as.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT",
        List.of(crm.url().toString()), Map.of("scope", "mcp:read"), 3600));
  }

  List<String> tokenSources(String principal, AuditEvent.Type type) throws Exception {
    return audit.byPrincipal(principal, 100).stream().filter(e -> e.type() == type)
        .map(AuditEvent::tokenSource).toList();
  }

  @Test
  void aUserTheIdentityProviderVouchesForCallsWithoutBeingAskedToConnect() throws Exception {
    issueNextTokenFor("alice");

    CallOutcome first = gov.invoke(alice, AGENT, "crm", "echo", GovernanceFixture.message("hi"));

    assertThat(GovernanceFixture.text(first)).isEqualTo("echo:hi");
    assertThat(crm.lastPrincipal).isEqualTo("alice");
    assertThat(idp.exchanges).hasValue(1);
    assertThat(tokenSources("alice", AuditEvent.Type.CONNECTION_CHANGE))
        .containsExactly("enterprise");
    assertThat(tokenSources("alice", AuditEvent.Type.CALL_ALLOWED)).containsExactly("enterprise");
    assertThat(tokenSources("alice", AuditEvent.Type.CALL)).containsExactly("enterprise");

    assertThat(GovernanceFixture.text(gov.invoke(alice, AGENT, "crm", "echo",
        GovernanceFixture.message("again")))).isEqualTo("echo:again");
    assertThat(idp.exchanges).as("the connection is kept; no second exchange").hasValue(1);
  }

  @Test
  void aUserTheIdentityProviderDoesNotVouchForConnectsTheirAccountAsBefore() throws Exception {
    CallOutcome first = gov.invoke(bob, AGENT, "crm", "echo", GovernanceFixture.message("hi"));
    assertThat(first).isInstanceOf(CallOutcome.ConnectionRequired.class);
    assertThat(idp.exchanges).hasValue(0);

    var required = (CallOutcome.ConnectionRequired) first;
    issueNextTokenFor("bob");
    gov.completeAuthorization(bob, required.connectionId(),
        HeadlessAuthorization.catching(REDIRECT).follow(required.authorizationUrl()));
    assertThat(GovernanceFixture.text(gov.invoke(bob, AGENT, "crm", "echo",
        GovernanceFixture.message("hi")))).isEqualTo("echo:hi");
    assertThat(tokenSources("bob", AuditEvent.Type.CALL)).containsExactly("user_oauth");
  }

  @Test
  void aSharedConnectionConnectsAsAServiceAccountWithClientCredentials() throws Exception {
    Connection shared = gov.openSharedConnection(root, "crm", "CRM service",
        List.of(ConnectionShare.user("alice", ConnectionShare.Permission.USE)));
    issueNextTokenFor("crm-service-account");

    Connection connected = gov.connectWithClientCredentials(root, shared.id());

    assertThat(connected.status()).isEqualTo(Connection.Status.CONNECTED);
    gov.attach(root, AgentConnector.shared("team", "crm", shared.id()));
    gov.setPermission(root, "team", "crm", "echo", ToolPermission.ALWAYS_ALLOW);
    assertThat(GovernanceFixture.text(gov.invoke(alice, "team", "crm", "echo",
        GovernanceFixture.message("s")))).isEqualTo("echo:s");
    assertThat(crm.lastPrincipal).as("a client credentials token names the client")
        .isEqualTo("policy-client");
    assertThat(tokenSources("alice", AuditEvent.Type.CALL)).containsExactly("client_credentials");
    assertThat(tokenSources("root", AuditEvent.Type.CONNECTION_CHANGE))
        .contains("client_credentials");
    assertThat(idp.exchanges).as("shared connections never use the identity provider")
        .hasValue(0);
    assertThat(audit.all().toString()).doesNotContain("client-secret-xyz");
  }
}
