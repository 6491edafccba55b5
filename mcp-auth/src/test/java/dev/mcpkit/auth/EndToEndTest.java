package dev.mcpkit.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpkit.auth.server.JwtBearerAuthenticator;
import dev.mcpkit.auth.spi.KeySource;
import dev.mcpkit.auth.spi.SecretCipher;
import dev.mcpkit.client.ClientTransport;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.ToolDefinition;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import okhttp3.Interceptor;
import okhttp3.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * mcp-auth on both sides of a real connection: mcp-client with {@link McpOAuth#interceptor} talks to an
 * mcp-server endpoint protected by {@link JwtBearerAuthenticator}, with tokens from mock-oauth2-server.
 * The client starts with nothing but the server's URL: the server's 401 and its protected resource
 * metadata lead it to the authorization server.
 */
class EndToEndTest {
  static final URI REDIRECT = URI.create("http://127.0.0.1:9/callback");

  final MockOAuth2Server as = new MockOAuth2Server();
  McpHttpServer http;
  URI resource;

  @BeforeEach
  void start() {
    as.start();
    McpServer server = McpServer.builder().name("protected").version("1.0.0")
        .tool(ToolDefinition.builder("whoami").description("Names the caller")
            .handler((args, ctx) -> CallToolResult.text(ctx.principal().subject())).build())
        .build();
    // the resource URI names the port, so the protected endpoint is added once the server listens
    http = McpHttpServer.builder().port(0)
        .endpoint(McpEndpoint.at("/placeholder", server)).start();
    resource = URI.create(http.baseUri() + "/mcp");
    JwtBearerAuthenticator verifier = JwtBearerAuthenticator.builder()
        .issuer(as.issuerUrl("default").toString())
        .jwksUri(as.jwksUrl("default").uri())
        .resource(resource)
        .requiredScopes(Set.of("mcp:tools"))
        .build();
    http.addEndpoint(McpEndpoint.builder(server).path("/mcp").authenticator(verifier).build());
  }

  @AfterEach
  void stop() {
    http.close();
    as.shutdown();
  }

  void issueNextTokenFor(String subject) {
    as.enqueueCallback(new DefaultOAuth2TokenCallback("default", subject, "JWT",
        List.of(resource.toString()), Map.of("scope", "mcp:tools"), 3600));
  }

  @Test
  void aClientWithOnlyTheServerUrlIsChallengedDiscoversAuthorizesAndCallsAsTheUser()
      throws Exception {
    issueNextTokenFor("alice");
    McpOAuth oauth = McpOAuth.builder()
        .cipher(SecretCipher.aesGcm(KeySource.of("k", new byte[32])))
        .redirectUri(REDIRECT)
        // mock-oauth2-server runs OpenID Connect, which wants the openid scope
        .preRegistered(resource, OAuthServerCredentials.builder("mcp-client")
            .clientSecret("client-secret").scope("openid mcp:tools").build())
        .authorizationHandler(HeadlessAuthorization.catching(REDIRECT))
        .build();
    TokenOwner alice = TokenOwner.user("alice");
    List<String> seen = new CopyOnWriteArrayList<>();
    Interceptor network = chain -> {
      Response response = chain.proceed(chain.request());
      seen.add(response.code() + " " + response.header("WWW-Authenticate", ""));
      return response;
    };

    try (McpClient client = McpClient.builder()
        .transport(ClientTransport.http(resource.toString()))
        .addHttpInterceptor(oauth.interceptor(alice, resource))
        .addHttpInterceptor(network)
        .connect()) {
      CallToolResult result = client.callTool("whoami", Map.of());
      assertThat(((Content.Text) result.content().get(0)).text()).isEqualTo("alice");
    }

    assertThat(seen.get(0)).startsWith("401 Bearer")
        .contains("resource_metadata=\"" + http.baseUri()
            + "/.well-known/oauth-protected-resource/mcp\"")
        .contains("scope=\"mcp:tools\"");
    assertThat(seen.subList(1, seen.size())).allMatch(s -> !s.startsWith("401"));
    AuthorizedConnection connection = oauth.connection(alice, resource);
    assertThat(connection.issuer()).isEqualTo(as.issuerUrl("default").toString());
    assertThat(connection.scopes()).contains("mcp:tools");
  }

  @Test
  void aClientWithoutCredentialsIsTurnedAwayWithTheChallenge() {
    assertThatThrownBy(() -> McpClient.builder()
            .transport(ClientTransport.http(resource.toString())).connect().close())
        .hasMessageContaining("401");
  }
}
