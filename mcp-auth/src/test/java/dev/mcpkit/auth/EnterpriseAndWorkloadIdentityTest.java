package dev.mcpkit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import dev.mcpkit.auth.server.JwtBearerAuthenticator;
import dev.mcpkit.auth.spi.KeySource;
import dev.mcpkit.auth.spi.SecretCipher;
import dev.mcpkit.auth.testing.IdJagIdentityProvider;
import dev.mcpkit.client.ClientTransport;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.ToolDefinition;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.mockwebserver.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tokens without a browser, end to end: mcp-client with {@link McpOAuth#interceptor} calls an
 * mcp-server endpoint protected by {@link JwtBearerAuthenticator}; mock-oauth2-server is the MCP
 * server's authorization server (its JWT bearer grant issues the access tokens) and issues the users'
 * ID tokens and the workloads' platform JWTs; {@link IdJagIdentityProvider} stands in for the
 * enterprise identity provider's ID-JAG exchange, which mock-oauth2-server lacks.
 */
class EnterpriseAndWorkloadIdentityTest {
  static final String JWT_BEARER = "urn:ietf:params:oauth:grant-type:jwt-bearer";

  final MockOAuth2Server as = new MockOAuth2Server();
  final MutableClock clock = new MutableClock();
  final AtomicInteger browserPrompts = new AtomicInteger();
  IdJagIdentityProvider idp;
  McpHttpServer http;
  URI resource;

  @BeforeEach
  void start() throws Exception {
    as.start();
    idp = new IdJagIdentityProvider(as.issuerUrl("idp").toString(),
        JWKSet.load(as.jwksUrl("idp").url()), "mcp-client");
    McpServer server = McpServer.builder().name("protected").version("1.0.0")
        .tool(ToolDefinition.builder("whoami").description("Names the caller")
            .handler((args, ctx) -> CallToolResult.text(ctx.principal().subject())).build())
        .build();
    http = McpHttpServer.builder().port(0)
        .endpoint(McpEndpoint.at("/placeholder", server)).start();
    resource = URI.create(http.baseUri() + "/mcp");
    http.addEndpoint(McpEndpoint.builder(server).path("/mcp").authenticator(
        JwtBearerAuthenticator.builder().issuer(as.issuerUrl("default").toString())
            .jwksUri(as.jwksUrl("default").uri()).resource(resource)
            .requiredScopes(Set.of("mcp:tools")).build()).build());
  }

  @AfterEach
  void stop() {
    http.close();
    idp.close();
    as.shutdown();
  }

  /** The next access token the MCP server's authorization server issues: for this resource. */
  void nextAccessTokenFor(String subject) {
    as.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT",
        List.of(resource.toString()), Map.of("scope", "mcp:tools"), 3600));
  }

  String idToken(String user) {
    return as.issueToken("idp", "mcp-host", new DefaultOAuth2TokenCallback("idp", user, "JWT",
        List.of("mcp-host"), Map.of(), 3600)).serialize();
  }

  McpOAuth oauth(OAuthServerCredentials credentials) {
    return McpOAuth.builder()
        .cipher(SecretCipher.aesGcm(KeySource.of("k", new byte[32])))
        .clock(clock)
        .redirectUri(URI.create("http://127.0.0.1:9/callback"))
        .preRegistered(resource, credentials)
        .authorizationHandler((owner, server, url) -> {
          browserPrompts.incrementAndGet();
          return null;
        })
        .build();
  }

  OAuthServerCredentials enterprise(IdentityAssertionProvider assertions) {
    return OAuthServerCredentials.builder("mcp-client").clientSecret("client-secret")
        .scope("mcp:tools")
        .enterpriseManaged(EnterpriseAuthorization.builder(idp.tokenEndpoint(), "mcp-host")
            .assertions(assertions).build())
        .build();
  }

  String whoami(McpOAuth oauth, TokenOwner owner) throws IOException {
    try (McpClient client = McpClient.builder()
        .transport(ClientTransport.http(resource.toString()))
        .addHttpInterceptor(oauth.interceptor(owner, resource))
        .connect()) {
      return ((Content.Text) client.callTool("whoami", Map.of()).content().get(0)).text();
    }
  }

  List<String> tokenRequestBodies() throws InterruptedException {
    List<String> bodies = new java.util.ArrayList<>();
    while (true) {
      RecordedRequest r;
      try {
        r = as.takeRequest(50, TimeUnit.MILLISECONDS);
      } catch (RuntimeException none) { // mock-oauth2-server: nothing more was received
        return bodies;
      }
      if (r.getPath() != null && r.getPath().endsWith("/token")) {
        bodies.add(r.getBody().readUtf8());
      }
    }
  }

  @Test
  void aUserTheIdentityProviderVouchesForCallsWithoutABrowserStep() throws Exception {
    String aliceIdToken = idToken("alice");
    McpOAuth oauth = oauth(enterprise(owner -> owner.id().equals("alice") ? aliceIdToken : null));
    nextAccessTokenFor("alice");

    assertThat(whoami(oauth, TokenOwner.user("alice"))).isEqualTo("alice");

    assertThat(browserPrompts).hasValue(0);
    assertThat(idp.exchanges).hasValue(1);
    Map<String, List<String>> exchange = idp.requests.get(0);
    assertThat(exchange.get("audience")).containsExactly(as.issuerUrl("default").toString());
    assertThat(exchange.get("resource")).containsExactly(resource.toString());
    assertThat(exchange.get("client_id")).containsExactly("mcp-host");
    assertThat(tokenRequestBodies()).singleElement().asString()
        .contains("grant_type=" + java.net.URLEncoder.encode(JWT_BEARER, "UTF-8"))
        .contains("assertion=");
    AuthorizedConnection connection = oauth.connection(TokenOwner.user("alice"), resource);
    assertThat(connection.source()).isEqualTo(TokenSource.ENTERPRISE);
    assertThat(connection.refreshable()).isTrue();
  }

  @Test
  void aUserTheIdentityProviderDoesNotVouchForIsAskedToConnectInstead() {
    McpOAuth oauth = oauth(enterprise(IdentityAssertionProvider.NONE));

    assertThatThrownBy(() -> oauth.accessToken(TokenOwner.user("bob"), resource))
        .isInstanceOf(AuthorizationRequiredException.class);
    assertThat(browserPrompts).hasValue(1);
    assertThat(idp.exchanges).hasValue(0);
  }

  @Test
  void anIdentityProviderRefusalIsReportedWithoutTheAssertion() {
    String aliceIdToken = idToken("alice");
    McpOAuth oauth = oauth(enterprise(owner -> aliceIdToken));
    idp.refuseWith = "invalid_grant";

    assertThatThrownBy(() -> oauth.accessToken(TokenOwner.user("alice"), resource))
        .isInstanceOf(McpAuthException.class)
        .hasMessageContaining("invalid_grant")
        .hasMessageContaining(idp.tokenEndpoint().toString())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(aliceIdToken));
    assertThat(idp.exchanges).hasValue(1);
    assertThat(browserPrompts).hasValue(0);
  }

  @Test
  void anExpiringEnterpriseTokenIsRenewedThroughTheIdentityProviderWithoutTheUser()
      throws Exception {
    String aliceIdToken = idToken("alice");
    McpOAuth oauth = oauth(enterprise(owner -> aliceIdToken));
    nextAccessTokenFor("alice");
    String first = oauth.accessToken(TokenOwner.user("alice"), resource);

    nextAccessTokenFor("alice");
    clock.advance(Duration.ofSeconds(3590));
    String second = oauth.accessToken(TokenOwner.user("alice"), resource);

    assertThat(second).isNotEqualTo(first);
    assertThat(idp.exchanges).hasValue(2);
    assertThat(browserPrompts).hasValue(0);
  }

  @Test
  void aWorkloadPresentsItsPlatformJwtFromAFileAndCallsAsItself(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("token");
    String platformJwt = as.issueToken("platform", "agent-runner",
        new DefaultOAuth2TokenCallback("platform", "system:serviceaccount:agents:runner", "JWT",
            List.of(as.issuerUrl("default").toString()), Map.of(), 600)).serialize();
    Files.writeString(file, platformJwt + "\n");
    McpOAuth oauth = oauth(OAuthServerCredentials.builder("agent-runner").scope("mcp:tools")
        .workloadIdentity(WorkloadIdentity.file(file)).build());
    nextAccessTokenFor("system:serviceaccount:agents:runner");

    assertThat(whoami(oauth, TokenOwner.shared("runner")))
        .isEqualTo("system:serviceaccount:agents:runner");

    assertThat(tokenRequestBodies()).singleElement().asString()
        .contains("grant_type=" + java.net.URLEncoder.encode(JWT_BEARER, "UTF-8"))
        .contains("assertion=" + platformJwt)
        .doesNotContain("client_secret");
    AuthorizedConnection connection = oauth.connection(TokenOwner.shared("runner"), resource);
    assertThat(connection.source()).isEqualTo(TokenSource.WORKLOAD_IDENTITY);
    assertThat(browserPrompts).hasValue(0);
  }

  @Test
  void aRotatedWorkloadFileIsReadAgainWhenTheTokenIsRenewed(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("token");
    Files.writeString(file, as.issueToken("platform", "agent-runner").serialize());
    McpOAuth oauth = oauth(OAuthServerCredentials.builder("agent-runner").scope("mcp:tools")
        .workloadIdentity(WorkloadIdentity.file(file)).build());
    nextAccessTokenFor("runner");
    oauth.accessToken(TokenOwner.shared("runner"), resource);
    tokenRequestBodies();

    String rotated = as.issueToken("platform", "agent-runner").serialize();
    Files.writeString(file, rotated);
    nextAccessTokenFor("runner");
    clock.advance(Duration.ofSeconds(3590));
    oauth.accessToken(TokenOwner.shared("runner"), resource);

    assertThat(tokenRequestBodies()).singleElement().asString().contains("assertion=" + rotated);
  }

  @Test
  void anUnreadableOrMalformedWorkloadIdentityFailsBeforeAnyTokenRequest(@TempDir Path dir)
      throws Exception {
    McpOAuth missing = oauth(OAuthServerCredentials.builder("agent-runner")
        .workloadIdentity(WorkloadIdentity.file(dir.resolve("absent"))).build());
    assertThatThrownBy(() -> missing.accessToken(TokenOwner.shared("runner"), resource))
        .isInstanceOf(IOException.class);

    Path garbage = dir.resolve("garbage");
    Files.writeString(garbage, "SECRET-NOT-A-JWT");
    McpOAuth malformed = oauth(OAuthServerCredentials.builder("agent-runner")
        .workloadIdentity(WorkloadIdentity.file(garbage)).build());
    assertThatThrownBy(() -> malformed.accessToken(TokenOwner.shared("runner"), resource))
        .isInstanceOf(McpAuthException.class)
        .hasMessageContaining("not a signed JWT")
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain("SECRET-NOT-A-JWT"));
    assertThat(tokenRequestBodies()).isEmpty();
  }
}
