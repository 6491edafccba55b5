package dev.mcpkit.auth.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import dev.mcpkit.core.auth.AuthResult;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
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

class JwtBearerAuthenticatorTest {
  static final String ISSUER = "https://as.example.com";
  static final URI RESOURCE = URI.create("https://mcp.example.com/mcp");

  MockWebServer jwks = new MockWebServer();
  AtomicReference<JWKSet> published = new AtomicReference<>();
  AtomicInteger fetches = new AtomicInteger();
  RSAKey key1;
  JwtBearerAuthenticator verifier;

  @BeforeEach
  void start() throws Exception {
    key1 = new RSAKeyGenerator(2048).keyID("k1").generate();
    published.set(new JWKSet(key1.toPublicJWK()));
    jwks.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        fetches.incrementAndGet();
        return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
            .body(published.get().toString()).build();
      }
    });
    jwks.start(0);
    verifier = JwtBearerAuthenticator.builder()
        .issuer(ISSUER)
        .resource(RESOURCE)
        .jwksUri(jwks.url("/jwks").uri())
        .requiredScopes(Set.of("mcp:read"))
        .jwksRefetchMinInterval(Duration.ofMillis(1))
        .build();
  }

  @AfterEach
  void stop() {
    jwks.close();
  }

  static JWTClaimsSet.Builder claims() {
    return new JWTClaimsSet.Builder()
        .issuer(ISSUER)
        .subject("alice")
        .audience(RESOURCE.toString())
        .expirationTime(Date.from(Instant.now().plusSeconds(600)))
        .claim("scope", "mcp:read mcp:write");
  }

  static String sign(RSAKey key, JWTClaimsSet claims) throws Exception {
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID())
        .type(new JOSEObjectType("at+jwt")).build(), claims);
    jwt.sign(new RSASSASigner(key));
    return jwt.serialize();
  }

  @Test
  void aValidTokenYieldsItsSubjectAndScopes() throws Exception {
    AuthResult result = verifier.authenticate(Requests.bearer(sign(key1, claims().build())));
    assertThat(result).isInstanceOf(AuthResult.Authenticated.class);
    var principal = ((AuthResult.Authenticated) result).principal();
    assertThat(principal.subject()).isEqualTo("alice");
    assertThat(principal.scopes()).containsExactlyInAnyOrder("mcp:read", "mcp:write");
    assertThat(principal.claims()).containsEntry("iss", ISSUER).doesNotContainKey("token");
  }

  @Test
  void aRequestWithoutATokenGets401PointingAtTheResourceMetadata() {
    AuthResult.Denied denied = (AuthResult.Denied) verifier.authenticate(Requests.with(null, null));
    assertThat(denied.status()).isEqualTo(401);
    assertThat(denied.wwwAuthenticate())
        .startsWith("Bearer")
        .contains("resource_metadata=\"https://mcp.example.com/.well-known/oauth-protected-resource/mcp\"")
        .contains("scope=\"mcp:read\"")
        .doesNotContain("error=");
  }

  @Test
  void anExpiredTokenIsRefusedWith401() throws Exception {
    String token = sign(key1, claims()
        .expirationTime(Date.from(Instant.now().minusSeconds(600))).build());
    AuthResult.Denied denied = (AuthResult.Denied) verifier.authenticate(Requests.bearer(token));
    assertThat(denied.status()).isEqualTo(401);
    assertThat(denied.wwwAuthenticate()).contains("error=\"invalid_token\"").contains("expired");
    assertThat(denied.message()).doesNotContain(token);
  }

  @Test
  void aTokenWithoutAnExpiryIsRefusedAsLackingAClaimNotAsFromAnotherIssuer() throws Exception {
    String token = sign(key1, claims().expirationTime(null).build());
    AuthResult.Denied denied = (AuthResult.Denied) verifier.authenticate(Requests.bearer(token));
    assertThat(denied.status()).isEqualTo(401);
    assertThat(denied.message()).contains("lacks a required claim").doesNotContain("issuer");
  }

  @Test
  void aTokenNotValidYetIsRefused() throws Exception {
    String token = sign(key1, claims().notBeforeTime(Date.from(Instant.now().plusSeconds(600)))
        .build());
    AuthResult.Denied denied = (AuthResult.Denied) verifier.authenticate(Requests.bearer(token));
    assertThat(denied.status()).isEqualTo(401);
    assertThat(denied.message()).contains("not valid yet");
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() throws Exception {
    String token = sign(key1, claims().audience("https://other.example.com/mcp").build());
    AuthResult.Denied denied = (AuthResult.Denied) verifier.authenticate(Requests.bearer(token));
    assertThat(denied.status()).isEqualTo(401);
    assertThat(denied.message()).contains("not issued for this resource");
  }

  @Test
  void aTokenFromAnotherIssuerIsRefused() throws Exception {
    String token = sign(key1, claims().issuer("https://evil.example.com").build());
    AuthResult.Denied denied = (AuthResult.Denied) verifier.authenticate(Requests.bearer(token));
    assertThat(denied.status()).isEqualTo(401);
    assertThat(denied.message()).contains("untrusted issuer");
  }

  @Test
  void aTamperedTokenIsRefused() throws Exception {
    String token = sign(key1, claims().build());
    String[] parts = token.split("\\.");
    String forged = com.nimbusds.jose.util.Base64URL.encode(
        claims().claim("scope", "mcp:read mcp:admin").build().toString()).toString();
    AuthResult.Denied denied = (AuthResult.Denied) verifier.authenticate(
        Requests.bearer(parts[0] + "." + forged + "." + parts[2]));
    assertThat(denied.status()).isEqualTo(401);
    assertThat(denied.message()).contains("signature");
  }

  @Test
  void garbageIsRefused() {
    AuthResult.Denied denied =
        (AuthResult.Denied) verifier.authenticate(Requests.bearer("not-a-jwt"));
    assertThat(denied.status()).isEqualTo(401);
  }

  @Test
  void aTokenLackingARequiredScopeGets403InsufficientScope() throws Exception {
    String token = sign(key1, claims().claim("scope", "mcp:write").build());
    AuthResult.Denied denied = (AuthResult.Denied) verifier.authenticate(Requests.bearer(token));
    assertThat(denied.status()).isEqualTo(403);
    assertThat(denied.wwwAuthenticate())
        .contains("error=\"insufficient_scope\"")
        .contains("scope=\"mcp:read\"")
        .contains("resource_metadata=");
  }

  @Test
  void theJwksIsFetchedOnceAndCachedForLaterTokens() throws Exception {
    for (int i = 0; i < 5; i++) {
      assertThat(verifier.authenticate(Requests.bearer(sign(key1, claims().subject("u" + i).build()))))
          .isInstanceOf(AuthResult.Authenticated.class);
    }
    assertThat(fetches.get()).isEqualTo(1);
  }

  @Test
  void whenTheAuthorizationServerRotatesKeysNewTokensVerifyWithoutRestart() throws Exception {
    assertThat(verifier.authenticate(Requests.bearer(sign(key1, claims().build()))))
        .isInstanceOf(AuthResult.Authenticated.class);
    RSAKey key2 = new RSAKeyGenerator(2048).keyID("k2").generate();
    published.set(new JWKSet(List.of(key2.toPublicJWK())));
    int before = fetches.get();

    assertThat(verifier.authenticate(Requests.bearer(sign(key2, claims().build()))))
        .isInstanceOf(AuthResult.Authenticated.class);
    assertThat(fetches.get()).isGreaterThan(before);
  }

  @Test
  void aTokenSignedByAnUnknownKeyIsRefused() throws Exception {
    RSAKey stranger = new RSAKeyGenerator(2048).keyID("k1").generate();
    AuthResult.Denied denied = (AuthResult.Denied) verifier.authenticate(
        Requests.bearer(sign(stranger, claims().build())));
    assertThat(denied.status()).isEqualTo(401);
  }

  @Test
  void theProtectedResourceMetadataNamesTheResourceIssuerAndScopes() {
    var json = verifier.protectedResourceMetadata();
    assertThat(json.get("resource").asText()).isEqualTo(RESOURCE.toString());
    assertThat(json.get("authorization_servers").get(0).asText()).isEqualTo(ISSUER);
    assertThat(json.get("scopes_supported").get(0).asText()).isEqualTo("mcp:read");
    assertThat(verifier.metadata().metadataUrl().toString())
        .isEqualTo("https://mcp.example.com/.well-known/oauth-protected-resource/mcp");
  }
}
