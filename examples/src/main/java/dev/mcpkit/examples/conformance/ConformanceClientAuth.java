package dev.mcpkit.examples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.auth.EnterpriseAuthorization;
import dev.mcpkit.auth.HeadlessAuthorization;
import dev.mcpkit.auth.McpOAuth;
import dev.mcpkit.auth.OAuthServerCredentials;
import dev.mcpkit.auth.TokenOwner;
import dev.mcpkit.auth.WorkloadIdentity;
import dev.mcpkit.auth.spi.KeySource;
import dev.mcpkit.auth.spi.SecretCipher;
import dev.mcpkit.client.McpClient;
import java.net.URI;
import java.security.SecureRandom;

/**
 * OAuth for the conformance client's {@code auth/*} scenarios: mcp-auth's interceptor in the client's
 * auth slot, with a headless authorization handler (the suite's authorization server approves without
 * a user), the suite's client metadata document URL, DPoP where the authorization server offers it,
 * and pre-registered credentials when the scenario's context carries them (client credentials, a
 * workload's JWT for workload identity federation, or an ID token and identity provider for
 * enterprise-managed authorization).
 */
final class ConformanceClientAuth {
  static final URI REDIRECT = URI.create("http://localhost:3000/callback");
  static final URI CLIENT_METADATA =
      URI.create("https://conformance-test.local/client-metadata.json");

  private ConformanceClientAuth() {}

  static void configure(McpClient.Builder builder, String url, String scenario, JsonNode context) {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    URI server = URI.create(url);
    McpOAuth.Builder oauth = McpOAuth.builder()
        .cipher(SecretCipher.aesGcm(KeySource.of("conformance", key)))
        .redirectUri(REDIRECT)
        .clientName("mcpkit-conformance-client")
        .clientMetadataDocument(CLIENT_METADATA)
        .authorizationHandler(HeadlessAuthorization.catching(REDIRECT))
        .dpop(true); // used only where the authorization server advertises DPoP
    String clientId = context == null ? null : context.path("client_id").asText(null);
    String secret = context == null ? null : context.path("client_secret").asText(null);
    if (clientId != null) {
      OAuthServerCredentials.Builder credentials = OAuthServerCredentials.builder(clientId);
      if (secret != null) {
        credentials.clientSecret(secret);
      }
      String pem = context.path("private_key_pem").asText(null);
      if (pem != null) {
        credentials.privateKeyPem(pem, context.path("signing_algorithm").asText("ES256"), null);
      }
      if (scenario.startsWith("auth/client-credentials")) {
        credentials.clientCredentialsGrant();
      }
      String workloadJwt = context.path("valid_jwt").asText(null);
      if (workloadJwt != null) {
        credentials.workloadIdentity(WorkloadIdentity.of(workloadJwt));
      }
      String idToken = context.path("idp_id_token").asText(null);
      String idpTokenEndpoint = context.path("idp_token_endpoint").asText(null);
      if (idToken != null && idpTokenEndpoint != null) {
        credentials.enterpriseManaged(EnterpriseAuthorization
            .builder(URI.create(idpTokenEndpoint), context.path("idp_client_id").asText(clientId))
            .assertions(owner -> idToken) // the host's single sign-on would supply this
            .build());
      }
      oauth.preRegistered(server, credentials.build());
    }
    builder.addHttpInterceptor(oauth.build().interceptor(TokenOwner.user("conformance"), server));
  }
}
