package dev.mcpkit.auth.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.DefaultDPoPProofFactory;
import com.nimbusds.oauth2.sdk.dpop.JWKThumbprintConfirmation;
import com.nimbusds.oauth2.sdk.id.JWTID;
import com.nimbusds.oauth2.sdk.token.DPoPAccessToken;
import com.nimbusds.openid.connect.sdk.Nonce;
import dev.mcpkit.core.auth.AuthResult;
import dev.mcpkit.core.auth.HttpRequestView;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The resource-server side of DPoP against real proofs made by Nimbus's proof factory: each broken
 * property of a proof is refused with a {@code WWW-Authenticate: DPoP error="invalid_dpop_proof"} that
 * names it, freshness and replay are judged by the injected clock, and nonces are demanded and
 * honoured.
 */
class DPoPVerificationTest {
  static final String ISSUER = "https://as.example.com";
  static final URI RESOURCE = URI.create("https://mcp.example.com/mcp");

  final AtomicReference<Instant> now = new AtomicReference<>(Instant.now());
  final Clock clock = new Clock() {
    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now.get();
    }
  };
  RSAKey asKey;
  ECKey clientKey;
  DefaultDPoPProofFactory proofs;
  String token;

  @BeforeEach
  void keys() throws Exception {
    asKey = new RSAKeyGenerator(2048).keyID("as").generate();
    clientKey = new ECKeyGenerator(Curve.P_256).generate();
    proofs = new DefaultDPoPProofFactory(clientKey, JWSAlgorithm.ES256);
    token = accessToken(clientKey);
  }

  String accessToken(ECKey boundTo) throws Exception {
    JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().issuer(ISSUER).subject("alice")
        .audience(RESOURCE.toString()).claim("scope", "mcp:read")
        .expirationTime(Date.from(Instant.now().plusSeconds(3600)));
    if (boundTo != null) {
      claims.claim("cnf", Map.of("jkt",
          JWKThumbprintConfirmation.of(boundTo.toPublicJWK()).getValue().toString()));
    }
    SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("as")
        .type(new JOSEObjectType("at+jwt")).build(), claims.build());
    jwt.sign(new RSASSASigner(asKey));
    return jwt.serialize();
  }

  JwtBearerAuthenticator verifier(DPoPVerification.Builder dpop) {
    return JwtBearerAuthenticator.builder().issuer(ISSUER).resource(RESOURCE)
        .jwkSet(new JWKSet(asKey.toPublicJWK())).requiredScopes(Set.of("mcp:read"))
        .dpop(dpop.clock(clock).build()).build();
  }

  String proof(String method, URI uri, String accessToken, String nonce) throws Exception {
    return proofs.createDPoPJWT(new JWTID(), method, uri, Date.from(now.get()),
        accessToken == null ? null : new DPoPAccessToken(accessToken),
        nonce == null ? null : new Nonce(nonce)).serialize();
  }

  static HttpRequestView request(String method, String authorization, String proof) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (authorization != null) {
      headers.put("Authorization", authorization);
    }
    if (proof != null) {
      headers.put("DPoP", proof);
    }
    return new HttpRequestView() {
      @Override
      public String method() {
        return method;
      }

      @Override
      public URI uri() {
        return URI.create(RESOURCE + "?session=1");
      }

      @Override
      public String header(String name) {
        return headers.get(name);
      }
    };
  }

  AuthResult.Denied refused(AuthResult result, String error) {
    assertThat(result).isInstanceOf(AuthResult.Denied.class);
    AuthResult.Denied denied = (AuthResult.Denied) result;
    assertThat(denied.status()).isEqualTo(401);
    assertThat(denied.wwwAuthenticate()).startsWith("DPoP ").contains("error=\"" + error + "\"")
        .contains("resource_metadata=");
    assertThat(denied.wwwAuthenticate() + denied.message()).doesNotContain(token);
    return denied;
  }

  @Test
  void aFreshProofForThisRequestAndKeyIsAccepted() throws Exception {
    AuthResult result = verifier(DPoPVerification.builder()).authenticate(
        request("POST", "DPoP " + token, proof("POST", RESOURCE, token, null)));
    assertThat(result).isInstanceOf(AuthResult.Authenticated.class);
    assertThat(((AuthResult.Authenticated) result).principal().subject()).isEqualTo("alice");
  }

  @Test
  void aProofForAnotherMethodIsRefused() throws Exception {
    AuthResult.Denied denied = refused(verifier(DPoPVerification.builder()).authenticate(
        request("POST", "DPoP " + token, proof("GET", RESOURCE, token, null))),
        "invalid_dpop_proof");
    assertThat(denied.wwwAuthenticate()).contains("htm");
  }

  @Test
  void aProofForAnotherUriIsRefused() throws Exception {
    AuthResult.Denied denied = refused(verifier(DPoPVerification.builder()).authenticate(
        request("POST", "DPoP " + token,
            proof("POST", URI.create("https://other.example.com/mcp"), token, null))),
        "invalid_dpop_proof");
    assertThat(denied.wwwAuthenticate()).contains("htu");
  }

  @Test
  void aReplayedProofIsRefusedTheSecondTime() throws Exception {
    JwtBearerAuthenticator verifier = verifier(DPoPVerification.builder());
    String once = proof("POST", RESOURCE, token, null);
    assertThat(verifier.authenticate(request("POST", "DPoP " + token, once)))
        .isInstanceOf(AuthResult.Authenticated.class);
    AuthResult.Denied denied = refused(
        verifier.authenticate(request("POST", "DPoP " + token, once)), "invalid_dpop_proof");
    assertThat(denied.wwwAuthenticate()).contains("already used");
  }

  @Test
  void aStaleProofIsRefusedByTheInjectedClock() throws Exception {
    JwtBearerAuthenticator verifier = verifier(DPoPVerification.builder()
        .maxProofAge(Duration.ofSeconds(30)).clockSkew(Duration.ofSeconds(2)));
    String made = proof("POST", RESOURCE, token, null);
    now.set(now.get().plusSeconds(33));
    AuthResult.Denied denied = refused(
        verifier.authenticate(request("POST", "DPoP " + token, made)), "invalid_dpop_proof");
    assertThat(denied.wwwAuthenticate()).contains("too old");
  }

  @Test
  void aProofFromTheFutureIsRefused() throws Exception {
    now.set(now.get().plusSeconds(60));
    String made = proof("POST", RESOURCE, token, null);
    now.set(now.get().minusSeconds(60));
    refused(verifier(DPoPVerification.builder()).authenticate(
        request("POST", "DPoP " + token, made)), "invalid_dpop_proof");
  }

  @Test
  void aProofWithoutTheAccessTokenHashIsRefused() throws Exception {
    AuthResult.Denied denied = refused(verifier(DPoPVerification.builder()).authenticate(
        request("POST", "DPoP " + token, proof("POST", RESOURCE, null, null))),
        "invalid_dpop_proof");
    assertThat(denied.wwwAuthenticate()).contains("ath");
  }

  @Test
  void aProofSignedWithAnotherKeyThanTheTokenIsBoundToIsRefused() throws Exception {
    proofs = new DefaultDPoPProofFactory(new ECKeyGenerator(Curve.P_256).generate(),
        JWSAlgorithm.ES256);
    AuthResult.Denied denied = refused(verifier(DPoPVerification.builder()).authenticate(
        request("POST", "DPoP " + token, proof("POST", RESOURCE, token, null))),
        "invalid_dpop_proof");
    assertThat(denied.wwwAuthenticate()).contains("another key");
  }

  @Test
  void aMissingOrDoubledProofIsRefused() throws Exception {
    JwtBearerAuthenticator verifier = verifier(DPoPVerification.builder());
    refused(verifier.authenticate(request("POST", "DPoP " + token, null)), "invalid_dpop_proof");
    String p = proof("POST", RESOURCE, token, null);
    refused(verifier.authenticate(request("POST", "DPoP " + token, p + ", " + p)),
        "invalid_dpop_proof");
  }

  @Test
  void aBoundTokenPresentedAsBearerIsRefused() throws Exception {
    AuthResult result = verifier(DPoPVerification.builder()).authenticate(
        request("POST", "Bearer " + token, null));
    assertThat(result).isInstanceOf(AuthResult.Denied.class);
    assertThat(((AuthResult.Denied) result).wwwAuthenticate()).contains("invalid_token")
        .contains("DPoP scheme");
  }

  @Test
  void anUnboundTokenWithTheDPoPSchemeIsRefused() throws Exception {
    String unbound = accessToken(null);
    refused(verifier(DPoPVerification.builder()).authenticate(
        request("POST", "DPoP " + unbound, proof("POST", RESOURCE, unbound, null))),
        "invalid_token");
  }

  @Test
  void whenDPoPIsRequiredBearerTokensAreRefusedAndTheChallengeIsDPoPOnly() throws Exception {
    JwtBearerAuthenticator verifier = verifier(DPoPVerification.builder().required(true));
    refused(verifier.authenticate(request("POST", "Bearer " + accessToken(null), null)),
        "invalid_token");
    AuthResult.Denied missing = (AuthResult.Denied) verifier.authenticate(
        request("POST", null, null));
    assertThat(missing.wwwAuthenticate()).startsWith("DPoP ").doesNotContain("Bearer")
        .contains("algs=");
    assertThat(verifier.protectedResourceMetadata().path("dpop_bound_access_tokens_required")
        .asBoolean()).isTrue();
  }

  @Test
  void withoutATokenBothSchemesAreOfferedWhenDPoPIsOptional() {
    AuthResult.Denied missing = (AuthResult.Denied) verifier(DPoPVerification.builder())
        .authenticate(request("POST", null, null));
    assertThat(missing.wwwAuthenticate()).startsWith("Bearer ").contains(", DPoP ");
  }

  @Test
  void aServerNonceIsDemandedThenHonouredAndRotates() throws Exception {
    JwtBearerAuthenticator verifier = verifier(DPoPVerification.builder()
        .requireNonce(new byte[32], Duration.ofMinutes(1)));
    AuthResult.Denied first = refused(verifier.authenticate(
        request("POST", "DPoP " + token, proof("POST", RESOURCE, token, null))), "use_dpop_nonce");
    String nonce = first.headers().get("DPoP-Nonce");
    assertThat(nonce).isNotBlank();
    assertThat(verifier.authenticate(
        request("POST", "DPoP " + token, proof("POST", RESOURCE, token, nonce))))
        .isInstanceOf(AuthResult.Authenticated.class);

    now.set(now.get().plus(Duration.ofMinutes(1)));
    assertThat(verifier.authenticate(
        request("POST", "DPoP " + token, proof("POST", RESOURCE, token, nonce))))
        .as("the previous period's nonce is still accepted")
        .isInstanceOf(AuthResult.Authenticated.class);
    now.set(now.get().plus(Duration.ofMinutes(1)));
    AuthResult.Denied stale = refused(verifier.authenticate(
        request("POST", "DPoP " + token, proof("POST", RESOURCE, token, nonce))), "use_dpop_nonce");
    assertThat(stale.headers().get("DPoP-Nonce")).isNotEqualTo(nonce);
  }

  @Test
  void aFullReplayCacheRefusesNewProofsUntilOldOnesExpire() throws Exception {
    JwtBearerAuthenticator verifier = verifier(DPoPVerification.builder().replayCacheSize(3)
        .maxProofAge(Duration.ofSeconds(10)).clockSkew(Duration.ZERO));
    for (int i = 0; i < 3; i++) {
      assertThat(verifier.authenticate(
          request("POST", "DPoP " + token, proof("POST", RESOURCE, token, null))))
          .isInstanceOf(AuthResult.Authenticated.class);
    }
    AuthResult.Denied full = refused(verifier.authenticate(
        request("POST", "DPoP " + token, proof("POST", RESOURCE, token, null))),
        "invalid_dpop_proof");
    assertThat(full.wwwAuthenticate()).contains("retry shortly");

    now.set(now.get().plusSeconds(11));
    assertThat(verifier.authenticate(
        request("POST", "DPoP " + token, proof("POST", RESOURCE, token, null))))
        .isInstanceOf(AuthResult.Authenticated.class);
  }

  @Test
  void garbageInTheProofHeaderIsRefusedWithoutEchoingIt() throws Exception {
    AuthResult.Denied denied = refused(verifier(DPoPVerification.builder()).authenticate(
        request("POST", "DPoP " + token, "not.a.jwt-GARBAGE")), "invalid_dpop_proof");
    assertThat(denied.wwwAuthenticate() + denied.message()).doesNotContain("GARBAGE");
  }
}
