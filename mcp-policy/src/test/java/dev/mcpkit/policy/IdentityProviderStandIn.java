package dev.mcpkit.policy;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.oauth2.sdk.tokenexchange.TokenExchangeGrant;
import com.nimbusds.oauth2.sdk.util.URLUtils;
import java.net.URI;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A test stand-in for the enterprise identity provider's ID-JAG exchange (mock-oauth2-server issues
 * the ID tokens but cannot issue ID-JAGs). Not a product: it verifies the ID token's signature against
 * the trusted issuer's keys and answers with an ID-JAG for the requested audience and resource.
 */
final class IdentityProviderStandIn implements AutoCloseable {
  final MockWebServer server = new MockWebServer();
  final AtomicInteger exchanges = new AtomicInteger();

  IdentityProviderStandIn(JWKSet trustedKeys, String mcpClientId) throws Exception {
    var key = new ECKeyGenerator(Curve.P_256).generate();
    DefaultJWTProcessor<SecurityContext> idTokens = new DefaultJWTProcessor<>();
    idTokens.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256,
        new ImmutableJWKSet<>(trustedKeys)));
    server.setDispatcher(new Dispatcher() {
      @Override
      public MockResponse dispatch(RecordedRequest request) {
        exchanges.incrementAndGet();
        try {
          Map<String, List<String>> params = URLUtils.parseParameters(request.getBody().utf8());
          TokenExchangeGrant grant = TokenExchangeGrant.parse(params);
          JWTClaimsSet user = idTokens.process(grant.getSubjectToken().getValue(), null);
          SignedJWT jag = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.ES256)
              .type(new JOSEObjectType("oauth-id-jag+jwt")).build(),
              new JWTClaimsSet.Builder().issuer(server.url("/").toString())
                  .subject(user.getSubject()).audience(grant.getAudience().get(0).getValue())
                  .claim("resource", params.get("resource").get(0))
                  .claim("client_id", mcpClientId).jwtID(UUID.randomUUID().toString())
                  .issueTime(new Date())
                  .expirationTime(new Date(System.currentTimeMillis() + 300_000)).build());
          jag.sign(new ECDSASigner(key));
          return new MockResponse.Builder().code(200)
              .addHeader("Content-Type", "application/json")
              .body("{\"access_token\":\"" + jag.serialize() + "\",\"issued_token_type\":"
                  + "\"urn:ietf:params:oauth:token-type:id-jag\",\"token_type\":\"N_A\"}")
              .build();
        } catch (Exception e) {
          return new MockResponse.Builder().code(400)
              .addHeader("Content-Type", "application/json")
              .body("{\"error\":\"invalid_grant\"}").build();
        }
      }
    });
    server.start(0);
  }

  URI tokenEndpoint() {
    return server.url("/token").uri();
  }

  @Override
  public void close() {
    server.close();
  }
}
