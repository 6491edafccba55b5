package dev.mcpkit.auth.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.oauth2.sdk.dpop.JWKThumbprintConfirmation;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPIssuer;
import com.nimbusds.oauth2.sdk.dpop.verifiers.DPoPTokenRequestVerifier;
import com.nimbusds.oauth2.sdk.dpop.verifiers.InvalidDPoPNonceException;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import com.nimbusds.openid.connect.sdk.Nonce;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A test stand-in for an authorization server that issues DPoP-bound tokens, because
 * mock-oauth2-server does not speak DPoP. Not a product: it serves RFC 8414 metadata advertising ES256
 * proofs, checks each token request's proof with Nimbus's {@link DPoPTokenRequestVerifier}, demands its
 * nonce first (RFC 9449 section 8), and answers the client credentials grant with an {@code at+jwt}
 * whose {@code cnf.jkt} is the proof key's thumbprint and {@code token_type} DPoP.
 */
public final class DPoPAuthorizationServer implements AutoCloseable {
  public static final String NONCE = "as-nonce-1";

  public final MockWebServer server = new MockWebServer();
  public final RSAKey signingKey;
  /** One line per token request: the outcome, e.g. "use_dpop_nonce" or "issued". */
  public final List<String> tokenRequests = new CopyOnWriteArrayList<>();
  private volatile String resource;
  private volatile String subject = "service-account";

  public DPoPAuthorizationServer() throws Exception {
    signingKey = new RSAKeyGenerator(2048).keyID("as").generate();
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return request.getUrl().encodedPath().equals("/token") ? token(request) : metadata();
      }
    });
    server.start(0);
  }

  public String issuer() {
    String url = server.url("/").toString();
    return url.substring(0, url.length() - 1);
  }

  /** The audience of the tokens it issues. */
  public void resource(URI resource) {
    this.resource = resource.toString();
  }

  private MockResponse metadata() {
    return json(200, "{\"issuer\":\"" + issuer() + "\",\"token_endpoint\":\"" + issuer()
        + "/token\",\"authorization_endpoint\":\"" + issuer() + "/authorize\","
        + "\"response_types_supported\":[\"code\"],\"grant_types_supported\":"
        + "[\"client_credentials\"],\"code_challenge_methods_supported\":[\"S256\"],"
        + "\"token_endpoint_auth_methods_supported\":[\"client_secret_basic\"],"
        + "\"dpop_signing_alg_values_supported\":[\"ES256\"]}", null);
  }

  private MockResponse token(RecordedRequest request) {
    Map<String, List<String>> params = URLUtils.parseParameters(request.getBody().utf8());
    String proof = request.getHeaders().get("DPoP");
    if (proof == null) {
      tokenRequests.add("no proof");
      return json(400, "{\"error\":\"invalid_dpop_proof\"}", null);
    }
    try {
      DPoPTokenRequestVerifier verifier = new DPoPTokenRequestVerifier(
          new java.util.HashSet<>(Set.of(JWSAlgorithm.ES256)), URI.create(issuer() + "/token"),
          60, null);
      JWKThumbprintConfirmation cnf = verifier.verify(new DPoPIssuer("client"),
          SignedJWT.parse(proof), new Nonce(NONCE));
      JWTClaimsSet claims = new JWTClaimsSet.Builder().issuer(issuer()).subject(subject)
          .audience(resource).claim("scope", String.join(" ", params.getOrDefault("scope",
              List.of("mcp:tools"))))
          .claim("cnf", Map.of("jkt", cnf.getValue().toString()))
          .expirationTime(Date.from(Instant.now().plusSeconds(3600))).build();
      SignedJWT token = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("as")
          .type(new JOSEObjectType("at+jwt")).build(), claims);
      token.sign(new RSASSASigner(signingKey));
      tokenRequests.add("issued");
      return json(200, "{\"access_token\":\"" + token.serialize()
          + "\",\"token_type\":\"DPoP\",\"expires_in\":3600}", null);
    } catch (InvalidDPoPNonceException e) {
      tokenRequests.add("use_dpop_nonce");
      return json(400, "{\"error\":\"use_dpop_nonce\"}", NONCE);
    } catch (Exception e) {
      tokenRequests.add("invalid proof: " + e.getMessage());
      return json(400, "{\"error\":\"invalid_dpop_proof\"}", null);
    }
  }

  private static MockResponse json(int code, String body, String nonce) {
    MockResponse.Builder b = new MockResponse.Builder().code(code)
        .addHeader("Content-Type", "application/json").body(body);
    if (nonce != null) {
      b.addHeader("DPoP-Nonce", nonce);
    }
    return b.build();
  }

  @Override
  public void close() {
    server.close();
  }
}
