package dev.mcpkit.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.auth.server.JwtBearerAuthenticator;
import dev.mcpkit.auth.spi.InMemoryTokenStore;
import dev.mcpkit.auth.spi.KeySource;
import dev.mcpkit.auth.spi.SecretCipher;
import dev.mcpkit.core.auth.AuthResult;
import dev.mcpkit.core.auth.HttpRequestView;
import dev.mcpkit.core.json.McpJson;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The whole loop against a real OAuth/OIDC server (mock-oauth2-server, which enforces PKCE): our client
 * discovers it, authorizes with PKCE, and our JWT verifier on the MCP side checks its signed tokens.
 */
class RealAuthorizationServerTest {
  static final URI REDIRECT = URI.create("http://127.0.0.1:9/callback");

  MockOAuth2Server as = new MockOAuth2Server();
  MockWebServer mcp = new MockWebServer();
  volatile JwtBearerAuthenticator verifier;
  URI resource;

  @BeforeEach
  void start() throws Exception {
    as.start();
    mcp.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        String path = request.getUrl().encodedPath();
        if (path.equals("/.well-known/oauth-protected-resource/mcp")) {
          return new MockResponse.Builder().code(200)
              .addHeader("Content-Type", "application/json")
              .body(McpJson.write(verifier.protectedResourceMetadata())).build();
        }
        AuthResult result = verifier.authenticate(view(request));
        if (result instanceof AuthResult.Denied denied) {
          return new MockResponse.Builder().code(denied.status())
              .addHeader("WWW-Authenticate", denied.wwwAuthenticate()).body("{}").build();
        }
        return new MockResponse.Builder().code(200).body("{}").build();
      }
    });
    mcp.start(0);
    resource = mcp.url("/mcp").uri();
    verifier = JwtBearerAuthenticator.builder()
        .issuer(as.issuerUrl("default").toString())
        .jwksUri(as.jwksUrl("default").uri())
        .resource(resource)
        .requiredScopes(Set.of("mcp:read"))
        .build();
  }

  @AfterEach
  void stop() {
    mcp.close();
    as.shutdown();
  }

  static HttpRequestView view(RecordedRequest request) {
    return new HttpRequestView() {
      @Override
      public String method() {
        return request.getMethod();
      }

      @Override
      public URI uri() {
        return request.getUrl().uri();
      }

      @Override
      public String header(String name) {
        return request.getHeaders().get(name);
      }
    };
  }

  void issueNextTokenFor(String subject) {
    as.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT",
        List.of(resource.toString()), Map.of("scope", "mcp:read"), 3600));
  }

  McpOAuth.Builder oauth(OAuthServerCredentials credentials) {
    return McpOAuth.builder()
        .tokenStore(new InMemoryTokenStore())
        .cipher(SecretCipher.aesGcm(KeySource.of("k", new byte[16])))
        .redirectUri(REDIRECT)
        .preRegistered(resource, credentials)
        .authorizationHandler(HeadlessAuthorization.catching(REDIRECT));
  }

  @Test
  void aUserAuthorizesWithPkceAndTheMcpServerAcceptsTheSignedToken() throws Exception {
    issueNextTokenFor("alice");
    McpOAuth oauth = oauth(OAuthServerCredentials.builder("mcp-client").clientSecret("s")
        .scope("openid mcp:read").build()).build();
    TokenOwner alice = TokenOwner.user("alice");

    assertThat(McpOAuthFlowTest.status(oauth, alice, resource)).isEqualTo(200);
    AuthorizedConnection connection = oauth.connection(alice, resource);
    assertThat(connection.issuer()).isEqualTo(as.issuerUrl("default").toString());
    assertThat(connection.refreshable()).isTrue();
  }

  @Test
  void aTokenCloseToExpiryIsRefreshedAtTheRealServer() throws Exception {
    issueNextTokenFor("alice");
    MutableClock clock = new MutableClock();
    McpOAuth oauth = oauth(OAuthServerCredentials.builder("mcp-client").clientSecret("s")
        .scope("openid mcp:read").build()).clock(clock).build();
    TokenOwner alice = TokenOwner.user("alice");
    assertThat(McpOAuthFlowTest.status(oauth, alice, resource)).isEqualTo(200);
    String before = oauth.accessToken(alice, resource);

    issueNextTokenFor("alice");
    clock.advance(Duration.ofSeconds(3590));
    String after = oauth.accessToken(alice, resource);
    assertThat(after).isNotEqualTo(before);
    assertThat(verifier.authenticate(McpOAuthFlowTest.bearerView(after)))
        .isInstanceOf(AuthResult.Authenticated.class);
  }

  @Test
  void aServiceAccountGetsTokensWithClientCredentials() throws Exception {
    issueNextTokenFor("svc");
    McpOAuth oauth = oauth(OAuthServerCredentials.builder("svc-client").clientSecret("svc-secret")
        .scope("mcp:read").clientCredentialsGrant().build()).build();
    TokenOwner svc = TokenOwner.shared("crm-sync");
    assertThat(McpOAuthFlowTest.status(oauth, svc, resource)).isEqualTo(200);
    assertThat(oauth.connection(svc, resource).refreshable()).isTrue();
  }

  @Test
  void aServiceAccountAuthenticatesWithClientSecretPostAtTheRealServer() throws Exception {
    issueNextTokenFor("svc");
    McpOAuth oauth = oauth(OAuthServerCredentials.builder("svc-client").clientSecret("svc-secret")
        .authMethod(ClientAuthMethod.CLIENT_SECRET_POST).scope("mcp:read")
        .clientCredentialsGrant().build()).build();
    TokenOwner svc = TokenOwner.shared("crm-sync");

    assertThat(McpOAuthFlowTest.status(oauth, svc, resource)).isEqualTo(200);
    assertThat(tokenRequestBody()).contains("grant_type=client_credentials")
        .contains("client_id=svc-client").contains("client_secret=svc-secret");
    assertThat(oauth.connection(svc, resource).source()).isEqualTo(TokenSource.CLIENT_CREDENTIALS);
  }

  @Test
  void aServiceAccountAuthenticatesWithASignedJwtAssertionAtTheRealServer() throws Exception {
    issueNextTokenFor("svc");
    java.security.KeyPairGenerator generator = java.security.KeyPairGenerator.getInstance("EC");
    generator.initialize(256);
    McpOAuth oauth = oauth(OAuthServerCredentials.builder("svc-client")
        .privateKey(generator.generateKeyPair().getPrivate(), "ES256", "svc-key-1")
        .scope("mcp:read").clientCredentialsGrant().build()).build();
    TokenOwner svc = TokenOwner.shared("crm-sync");

    assertThat(McpOAuthFlowTest.status(oauth, svc, resource)).isEqualTo(200);
    String body = tokenRequestBody();
    assertThat(body).contains("grant_type=client_credentials").contains("client_assertion_type="
        + java.net.URLEncoder.encode("urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            "UTF-8")).contains("client_assertion=").doesNotContain("client_secret");
  }

  /** The body of the first token request mock-oauth2-server received. */
  String tokenRequestBody() {
    while (true) {
      okhttp3.mockwebserver.RecordedRequest r = as.takeRequest(1, TimeUnit.SECONDS);
      if (r.getPath() != null && r.getPath().endsWith("/token")) {
        return r.getBody().readUtf8();
      }
    }
  }

  @Test
  void tokensTheRealServerSignedForAnotherAudienceOrThatExpiredAreRefusedWith401() {
    String elsewhere = as.issueToken("default", "alice", "https://other.example.com/mcp",
        Map.of("scope", "mcp:read"), 3600).serialize();
    AuthResult.Denied wrongAudience =
        (AuthResult.Denied) verifier.authenticate(McpOAuthFlowTest.bearerView(elsewhere));
    assertThat(wrongAudience.status()).isEqualTo(401);
    assertThat(wrongAudience.message()).contains("not issued for this resource");

    String expired = as.issueToken("default", "alice", resource.toString(),
        Map.of("scope", "mcp:read"), -3600).serialize();
    AuthResult.Denied late =
        (AuthResult.Denied) verifier.authenticate(McpOAuthFlowTest.bearerView(expired));
    assertThat(late.status()).isEqualTo(401);
    assertThat(late.wwwAuthenticate()).contains("invalid_token").contains("expired");

    String valid = as.issueToken("default", "alice", resource.toString(),
        Map.of("scope", "mcp:read"), 3600).serialize();
    assertThat(verifier.authenticate(McpOAuthFlowTest.bearerView(valid)))
        .isInstanceOf(AuthResult.Authenticated.class);
  }

  @Test
  void aForgedCallbackIsRefusedWithoutRedeemingAnythingAtTheRealServer() throws Exception {
    issueNextTokenFor("alice");
    McpOAuth oauth = oauth(OAuthServerCredentials.builder("mcp-client").clientSecret("s")
        .scope("openid mcp:read").build()).authorizationHandler(AuthorizationHandler.DEFER).build();
    TokenOwner alice = TokenOwner.user("alice");
    AuthorizationLink link = oauth.begin(alice, resource);
    URI callback = HeadlessAuthorization.catching(REDIRECT).follow(link.authorizationUrl());
    URI forged = URI.create(callback.toString().replaceAll("state=[^&]+", "state=forged"));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> oauth.complete(alice, forged))
        .isInstanceOf(McpAuthException.class)
        .hasMessageContaining("matches no pending authorization");
    assertThat(oauth.connection(alice, resource)).isNull();

    assertThat(oauth.complete(alice, callback).issuer())
        .isEqualTo(as.issuerUrl("default").toString());
  }
}
