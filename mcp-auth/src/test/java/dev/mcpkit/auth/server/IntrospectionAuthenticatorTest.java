package dev.mcpkit.auth.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpkit.core.auth.AuthResult;
import java.io.UncheckedIOException;
import java.net.URI;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IntrospectionAuthenticatorTest {
  static final URI RESOURCE = URI.create("https://mcp.example.com/mcp");
  MockWebServer as = new MockWebServer();
  AtomicReference<String> answer = new AtomicReference<>();
  AtomicInteger calls = new AtomicInteger();
  AtomicReference<String> lastAuth = new AtomicReference<>();
  IntrospectionAuthenticator verifier;

  @BeforeEach
  void start() throws Exception {
    as.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        calls.incrementAndGet();
        lastAuth.set(request.getHeaders().get("Authorization"));
        if (answer.get() == null) {
          return new MockResponse.Builder().code(503).body("down").build();
        }
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .body(answer.get()).build();
      }
    });
    as.start(0);
    verifier = IntrospectionAuthenticator.builder()
        .introspectionEndpoint(as.url("/introspect").uri())
        .clientCredentials("mcp-server", "rs-secret")
        .metadata(ProtectedResourceMetadata.of(RESOURCE, "https://as.example.com"))
        .requiredScopes(Set.of("mcp:read"))
        .build();
  }

  @AfterEach
  void stop() {
    as.close();
  }

  static String active(String aud, String scope) {
    return "{\"active\":true,\"sub\":\"alice\",\"client_id\":\"c1\",\"scope\":\"" + scope
        + "\",\"aud\":\"" + aud + "\",\"exp\":" + (Instant.now().getEpochSecond() + 600) + "}";
  }

  @Test
  void anActiveTokenForThisResourceIsAcceptedAndTheAnswerCached() {
    answer.set(active(RESOURCE.toString(), "mcp:read"));
    AuthResult first = verifier.authenticate(Requests.bearer("opaque-1"));
    AuthResult second = verifier.authenticate(Requests.bearer("opaque-1"));
    assertThat(first).isInstanceOf(AuthResult.Authenticated.class);
    assertThat(((AuthResult.Authenticated) second).principal().subject()).isEqualTo("alice");
    assertThat(calls.get()).isEqualTo(1);
    assertThat(lastAuth.get()).startsWith("Basic ");
  }

  @Test
  void anInactiveTokenGets401() {
    answer.set("{\"active\":false}");
    AuthResult.Denied d = (AuthResult.Denied) verifier.authenticate(Requests.bearer("x"));
    assertThat(d.status()).isEqualTo(401);
    assertThat(d.wwwAuthenticate()).contains("invalid_token");
  }

  @Test
  void aTokenForAnotherAudienceGets401() {
    answer.set(active("https://other.example.com", "mcp:read"));
    AuthResult.Denied d = (AuthResult.Denied) verifier.authenticate(Requests.bearer("x"));
    assertThat(d.status()).isEqualTo(401);
    assertThat(d.message()).contains("not issued for this resource");
  }

  @Test
  void anActiveAnswerWhoseExpiryHasPassedGets401() {
    answer.set("{\"active\":true,\"sub\":\"alice\",\"scope\":\"mcp:read\",\"aud\":\""
        + RESOURCE + "\",\"exp\":" + (Instant.now().getEpochSecond() - 60) + "}");
    AuthResult.Denied d = (AuthResult.Denied) verifier.authenticate(Requests.bearer("x"));
    assertThat(d.status()).isEqualTo(401);
    assertThat(d.message()).contains("expired");
  }

  @Test
  void aTokenFromAnotherIssuerGets401WhenAnIssuerIsConfigured() {
    IntrospectionAuthenticator strict = IntrospectionAuthenticator.builder()
        .introspectionEndpoint(as.url("/introspect").uri())
        .metadata(ProtectedResourceMetadata.of(RESOURCE, "https://as.example.com"))
        .issuer("https://as.example.com")
        .build();
    answer.set(active(RESOURCE.toString(), "mcp:read").replace("{",
        "{\"iss\":\"https://evil.example.com\","));
    AuthResult.Denied d = (AuthResult.Denied) strict.authenticate(Requests.bearer("x"));
    assertThat(d.status()).isEqualTo(401);
    assertThat(d.message()).contains("untrusted issuer");

    answer.set(active(RESOURCE.toString(), "mcp:read").replace("{",
        "{\"iss\":\"https://as.example.com\","));
    assertThat(strict.authenticate(Requests.bearer("y")))
        .isInstanceOf(AuthResult.Authenticated.class);
  }

  @Test
  void aTokenWithoutTheRequiredScopeGets403() {
    answer.set(active(RESOURCE.toString(), "mcp:write"));
    AuthResult.Denied d = (AuthResult.Denied) verifier.authenticate(Requests.bearer("x"));
    assertThat(d.status()).isEqualTo(403);
  }

  @Test
  void anUnreachableIntrospectionEndpointFailsTheRequestInsteadOfBlamingTheToken() {
    answer.set(null);
    assertThatThrownBy(() -> verifier.authenticate(Requests.bearer("secret-token-value")))
        .isInstanceOf(UncheckedIOException.class)
        .hasMessageContaining("introspection")
        .hasMessageNotContaining("secret-token-value");
  }
}
