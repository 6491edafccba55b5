package dev.mcpkit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.crypto.ECDSAVerifier;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jwt.SignedJWT;
import dev.mcpkit.auth.spi.InMemoryTokenStore;
import dev.mcpkit.auth.spi.KeySource;
import dev.mcpkit.auth.spi.SecretCipher;
import dev.mcpkit.auth.testing.FakeAuthorizationServer;
import dev.mcpkit.auth.testing.FakeMcpServer;
import java.net.URI;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Service accounts: the client credentials grant with each token endpoint auth method. */
class ClientCredentialsTest {
  FakeAuthorizationServer as;
  FakeMcpServer mcp;
  final TokenOwner svc = TokenOwner.shared("nightly-report");

  @BeforeEach
  void start() throws Exception {
    as = new FakeAuthorizationServer();
    mcp = new FakeMcpServer(as);
    mcp.challengeScope = "mcp:read";
  }

  @AfterEach
  void stop() {
    mcp.close();
    as.close();
  }

  McpOAuth oauth(OAuthServerCredentials credentials) {
    return McpOAuth.builder()
        .tokenStore(new InMemoryTokenStore())
        .cipher(SecretCipher.aesGcm(KeySource.of("k", new byte[32])))
        .preRegistered(URI.create(mcp.url()), credentials)
        .build();
  }

  @Test
  void aClientSecretBasicServiceAccountGetsAndReusesATokenWithoutAnyUser() throws Exception {
    as.tokenEndpointAuthMethods = List.of("client_secret_basic");
    McpOAuth oauth = oauth(OAuthServerCredentials.builder("svc").clientSecret("svc-secret")
        .clientCredentialsGrant().build());
    URI server = URI.create(mcp.url());
    assertThat(McpOAuthFlowTest.status(oauth, svc, server)).isEqualTo(200);
    assertThat(McpOAuthFlowTest.status(oauth, svc, server)).isEqualTo(200);

    assertThat(as.grantTypes()).containsExactly("client_credentials");
    assertThat(as.tokenRequests.get(0).get("scope")).isEqualTo("mcp:read");
    assertThat(as.tokenRequests.get(0).get("resource")).isEqualTo(mcp.url());
    assertThat(as.tokenAuthorizationHeaders.get(0)).isEqualTo(
        "Basic " + Base64.getEncoder().encodeToString("svc:svc-secret".getBytes()));
    assertThat(as.authorizationRequests).isEmpty();
  }

  @Test
  void theClientCredentialsGrantNeedsNoPkceSupport() throws Exception {
    as.codeChallengeMethods = null;
    as.tokenEndpointAuthMethods = List.of("client_secret_basic");
    McpOAuth oauth = oauth(OAuthServerCredentials.builder("svc").clientSecret("svc-secret")
        .clientCredentialsGrant().build());
    assertThat(McpOAuthFlowTest.status(oauth, svc, URI.create(mcp.url()))).isEqualTo(200);
  }

  @Test
  void anExpiredServiceTokenIsReplacedByRepeatingTheGrant() throws Exception {
    as.tokenEndpointAuthMethods = List.of("client_secret_post");
    McpOAuth oauth = oauth(OAuthServerCredentials.builder("svc").clientSecret("svc-secret")
        .clientCredentialsGrant().build());
    URI server = URI.create(mcp.url());
    assertThat(McpOAuthFlowTest.status(oauth, svc, server)).isEqualTo(200);
    as.revokeAllTokens();
    assertThat(McpOAuthFlowTest.status(oauth, svc, server)).isEqualTo(200);
    assertThat(as.grantTypes()).containsExactly("client_credentials", "client_credentials");
    assertThat(as.tokenRequests.get(1).get("client_secret")).isEqualTo("svc-secret");
  }

  @Test
  void privateKeyJwtSignsAnAssertionForTheIssuer() throws Exception {
    as.tokenEndpointAuthMethods = List.of("private_key_jwt");
    ECKey key = new ECKeyGenerator(Curve.P_256).keyID("svc-key").generate();
    String pem = "-----BEGIN PRIVATE KEY-----\n"
        + Base64.getMimeEncoder().encodeToString(key.toECPrivateKey().getEncoded())
        + "\n-----END PRIVATE KEY-----\n";
    McpOAuth oauth = oauth(OAuthServerCredentials.builder("svc-jwt")
        .privateKeyPem(pem, "ES256", "svc-key").clientCredentialsGrant().build());
    URI server = URI.create(mcp.url());

    assertThat(McpOAuthFlowTest.status(oauth, svc, server)).isEqualTo(200);

    Map<String, String> request = as.tokenRequests.get(0);
    assertThat(request.get("client_assertion_type"))
        .isEqualTo("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");
    SignedJWT assertion = SignedJWT.parse(request.get("client_assertion"));
    assertThat(assertion.verify(new ECDSAVerifier(key.toPublicJWK()))).isTrue();
    assertThat(assertion.getJWTClaimsSet().getIssuer()).isEqualTo("svc-jwt");
    assertThat(assertion.getJWTClaimsSet().getSubject()).isEqualTo("svc-jwt");
    assertThat(assertion.getJWTClaimsSet().getAudience()).containsExactly(as.issuer());
  }

  @Test
  void enterpriseAuthorizationIsNotTriedWhereTheServerListsNoJwtBearerGrant() {
    as.grantTypesSupported = List.of("authorization_code", "refresh_token");
    AtomicInteger asked = new AtomicInteger();
    McpOAuth oauth = McpOAuth.builder()
        .cipher(SecretCipher.aesGcm(KeySource.of("k", new byte[32])))
        .redirectUri(URI.create("http://127.0.0.1:9/callback"))
        .preRegistered(URI.create(mcp.url()), OAuthServerCredentials.builder("assistant")
            .clientSecret("s").enterpriseManaged(EnterpriseAuthorization
                .builder(URI.create("http://127.0.0.1:9/idp/token"), "assistant")
                .assertions(owner -> {
                  asked.incrementAndGet();
                  return "unused";
                }).build()).build())
        .build();

    assertThatThrownBy(() -> oauth.accessToken(TokenOwner.user("alice"), URI.create(mcp.url())))
        .isInstanceOf(AuthorizationRequiredException.class);
    assertThat(asked).hasValue(0);
    assertThat(as.tokenRequests).isEmpty();
  }
}
