package dev.mcpkit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import dev.mcpkit.auth.server.DPoPVerification;
import dev.mcpkit.auth.server.JwtBearerAuthenticator;
import dev.mcpkit.auth.spi.KeySource;
import dev.mcpkit.auth.spi.SecretCipher;
import dev.mcpkit.auth.testing.DPoPAuthorizationServer;
import dev.mcpkit.client.ClientTransport;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.ToolDefinition;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * DPoP on both sides of a real connection: mcp-client with {@link McpOAuth} ({@code dpop(true)}) gets a
 * DPoP-bound token from an authorization server that demands a nonce, and calls an mcp-server endpoint
 * whose {@link JwtBearerAuthenticator} requires DPoP proofs with its own nonces and refuses replays.
 */
class DPoPEndToEndTest {
  DPoPAuthorizationServer as;
  McpHttpServer http;
  URI resource;

  @BeforeEach
  void start() throws Exception {
    as = new DPoPAuthorizationServer();
    McpServer server = McpServer.builder().name("protected").version("1.0.0")
        .tool(ToolDefinition.builder("whoami").description("Names the caller")
            .handler((args, ctx) -> CallToolResult.text(ctx.principal().subject())).build())
        .build();
    http = McpHttpServer.builder().port(0)
        .endpoint(McpEndpoint.at("/placeholder", server)).start();
    resource = URI.create(http.baseUri() + "/mcp");
    as.resource(resource);
    http.addEndpoint(McpEndpoint.builder(server).path("/mcp").authenticator(
        JwtBearerAuthenticator.builder().issuer(as.issuer()).resource(resource)
            .jwkSet(new JWKSet(as.signingKey.toPublicJWK()))
            .requiredScopes(Set.of("mcp:tools"))
            .dpop(DPoPVerification.builder().required(true)
                .requireNonce(new byte[32], Duration.ofMinutes(5)).build())
            .build()).build());
  }

  @AfterEach
  void stop() {
    http.close();
    as.close();
  }

  McpOAuth oauth(boolean dpop) {
    return McpOAuth.builder()
        .cipher(SecretCipher.aesGcm(KeySource.of("k", new byte[32])))
        .preRegistered(resource, OAuthServerCredentials.builder("svc").clientSecret("s3cret")
            .scope("mcp:tools").clientCredentialsGrant().build())
        .dpop(dpop)
        .build();
  }

  @Test
  void aServiceAccountGetsABoundTokenThroughBothNonceDancesAndCallsTheTool() throws Exception {
    McpOAuth oauth = oauth(true);
    TokenOwner svc = TokenOwner.shared("svc");
    List<String> seen = new CopyOnWriteArrayList<>();
    Interceptor network = chain -> {
      Response response = chain.proceed(chain.request());
      seen.add(response.code() + " "
          + String.valueOf(chain.request().header("Authorization")).split(" ")[0]
          + " " + response.header("WWW-Authenticate", ""));
      return response;
    };

    try (McpClient client = McpClient.builder()
        .transport(ClientTransport.http(resource.toString()))
        .addHttpInterceptor(oauth.interceptor(svc, resource))
        .addHttpInterceptor(network)
        .connect()) {
      for (int i = 0; i < 3; i++) {
        CallToolResult result = client.callTool("whoami", Map.of());
        assertThat(((Content.Text) result.content().get(0)).text()).isEqualTo("service-account");
      }
    }

    assertThat(as.tokenRequests).containsExactly("use_dpop_nonce", "issued");
    assertThat(seen.get(0)).as("the first request, before any token").startsWith("401 null DPoP");
    assertThat(seen).filteredOn(s -> s.contains("use_dpop_nonce"))
        .as("one nonce challenge; the nonce is remembered afterwards")
        .singleElement().asString().startsWith("401 DPoP");
    assertThat(seen).filteredOn(s -> s.startsWith("401")).hasSize(2);
    assertThat(seen).filteredOn(s -> !s.startsWith("401")).isNotEmpty()
        .allMatch(s -> s.startsWith("200 DPoP") || s.startsWith("202 DPoP"), "sent as DPoP");
    AuthorizedConnection connection = oauth.connection(svc, resource);
    assertThat(connection.senderConstrained()).isTrue();
    assertThat(connection.source()).isEqualTo(TokenSource.CLIENT_CREDENTIALS);
  }

  @Test
  void aClientWithoutDPoPIsRefusedByAServerThatRequiresIt() {
    McpOAuth oauth = oauth(false);
    assertThatThrownBy(() -> McpClient.builder()
            .transport(ClientTransport.http(resource.toString()))
            .addHttpInterceptor(oauth.interceptor(TokenOwner.shared("svc"), resource))
            .connect().close())
        .hasMessageContaining("token endpoint");
    assertThat(as.tokenRequests).containsExactly("no proof");
  }
}
