package dev.mcpkit.auth.testing;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.token.TokenTypeURI;
import com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import java.net.URI;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A test stand-in for an enterprise identity provider's token exchange endpoint, because
 * mock-oauth2-server cannot issue ID-JAGs (its token exchange answers with access tokens). It is not a
 * product: it accepts RFC 8693 requests for {@code urn:ietf:params:oauth:token-type:id-jag} whose
 * subject token is an ID token signed by a trusted issuer (mock-oauth2-server's), and answers with an
 * ID-JAG ({@code typ oauth-id-jag+jwt}) for the requested audience, resource and client. Messages are
 * parsed and built with Nimbus.
 */
public final class IdJagIdentityProvider implements AutoCloseable {
  public static final String ID_JAG = "urn:ietf:params:oauth:token-type:id-jag";

  public final MockWebServer server = new MockWebServer();
  public final AtomicInteger exchanges = new AtomicInteger();
  public final List<Map<String, List<String>>> requests = new CopyOnWriteArrayList<>();
  /** When set, every exchange is refused with this OAuth error code. */
  public volatile String refuseWith;
  private final ECKey key;
  private final DefaultJWTProcessor<SecurityContext> idTokens = new DefaultJWTProcessor<>();
  private final String trustedIssuer;
  private final String mcpClientId;

  /**
   * @param trustedIssuer the issuer of the ID tokens it accepts
   * @param trustedKeys that issuer's keys
   * @param mcpClientId the client id it names in the ID-JAG (the client at the MCP server's AS)
   */
  public IdJagIdentityProvider(String trustedIssuer, JWKSet trustedKeys, String mcpClientId)
      throws Exception {
    this.key = new ECKeyGenerator(Curve.P_256).keyID("idp").generate();
    this.trustedIssuer = trustedIssuer;
    this.mcpClientId = mcpClientId;
    idTokens.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
        new ImmutableJWKSet<>(trustedKeys)));
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        return exchange(request);
      }
    });
    server.start(0);
  }

  public URI tokenEndpoint() {
    return server.url("/token").uri();
  }

  private MockResponse exchange(RecordedRequest request) {
    exchanges.incrementAndGet();
    Map<String, List<String>> params = URLUtils.parseParameters(request.getBody().utf8());
    requests.add(params);
    if (refuseWith != null) {
      return error(refuseWith);
    }
    try {
      TokenExchangeGrant grant = TokenExchangeGrant.parse(params);
      if (!TokenTypeURI.ID_TOKEN.equals(grant.getSubjectTokenType())
          || grant.getRequestedTokenType() == null
          || !ID_JAG.equals(grant.getRequestedTokenType().getURI().toString())
          || grant.getAudience() == null || params.get("resource") == null) {
        return error("invalid_request");
      }
      JWTClaimsSet idToken = idTokens.process(grant.getSubjectToken().getValue(), null);
      if (!trustedIssuer.equals(idToken.getIssuer())) {
        return error("invalid_grant");
      }
      JWTClaimsSet jag = new JWTClaimsSet.Builder()
          .issuer(server.url("/").toString())
          .subject(idToken.getSubject())
          .audience(grant.getAudience().get(0).getValue())
          .claim("resource", params.get("resource").get(0))
          .claim("client_id", mcpClientId)
          .jwtID(UUID.randomUUID().toString())
          .issueTime(new Date())
          .expirationTime(Date.from(Instant.now().plusSeconds(300)))
          .build();
      SignedJWT signed = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
          .type(new JOSEObjectType("oauth-id-jag+jwt")).keyID("idp").build(), jag);
      signed.sign(new ECDSASigner(key));
      return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body("{\"access_token\":\"" + signed.serialize() + "\",\"issued_token_type\":\""
              + ID_JAG + "\",\"token_type\":\"N_A\",\"expires_in\":300}").build();
    } catch (Exception e) {
      return error("invalid_grant");
    }
  }

  private static MockResponse error(String code) {
    return new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
        .body("{\"error\":\"" + code + "\"}").build();
  }

  @Override
  public void close() {
    server.close();
  }
}
