package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.auth.AuthResult;
import dev.mcpkit.core.auth.McpAuthenticator;
import dev.mcpkit.core.auth.McpPrincipal;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import java.net.http.HttpRequest;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Authentication, Host checks, per-session limits. */
class SecurityTest {
  private ServerFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  /** Bearer tokens "alice" and "bob" are valid; anything else is refused. */
  private static final McpAuthenticator BEARER = new McpAuthenticator() {
    @Override
    public AuthResult authenticate(dev.mcpkit.core.auth.HttpRequestView request) {
      String auth = request.header("Authorization");
      if (auth == null || !auth.startsWith("Bearer ")) {
        return AuthResult.unauthorized("Bearer resource_metadata=\"http://localhost/.well-known/"
            + "oauth-protected-resource/mcp\"", "a bearer token is required");
      }
      String who = auth.substring(7);
      if (!Set.of("alice", "bob").contains(who)) {
        return AuthResult.unauthorized("Bearer error=\"invalid_token\"", "the token is invalid");
      }
      return AuthResult.authenticated(new McpPrincipal(who, Set.of("tools"), Map.of()));
    }

    @Override
    public JsonNode protectedResourceMetadata() {
      return McpJson.object().put("resource", "http://localhost/mcp");
    }
  };

  private ServerFixture authenticated() {
    McpServer server = TestTools.server()
        .tool(ToolDefinition.builder("whoami").description("Says who calls")
            .handler((a, ctx) -> CallToolResult.text(ctx.principal().subject())).build())
        .build();
    return new ServerFixture(server, McpHttpOptions.defaults(),
        McpEndpoint.builder(server).path("/mcp").authenticator(BEARER).build());
  }

  @Test
  void theExplorerPageIsBehindTheEndpointsAuthenticationAndShowsItsHeaderForm() {
    McpServer server = TestTools.server().build();
    fixture = new ServerFixture(server, McpHttpOptions.defaults(),
        McpEndpoint.builder(server).path("/mcp").authenticator(BEARER)
            .explorerPage(dev.mcpkit.server.explorer.AuthHint.apiKeyHeader("X-Api-Key")).build());
    HttpRequest.Builder page = HttpRequest.newBuilder(fixture.http.url()).GET()
        .header("Accept", "text/html");

    RawClient.Response anonymous = fixture.client.send(page.build());
    RawClient.Response alice = fixture.client.send(page.header("Authorization", "Bearer alice")
        .build());

    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.body()).doesNotContain("data-tool");
    assertThat(alice.status()).isEqualTo(200);
    assertThat(alice.body()).contains("data-tool=\"echo\"", "X-Api-Key:${MCP_API_KEY}",
        "id=\"run-credential\"").doesNotContain("alice");
  }

  @Test
  void missingCredentialsGet401WithWwwAuthenticate() {
    fixture = authenticated();
    RawClient.Response r = fixture.client.post(fixture.client.request("initialize", "{}"));

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate").orElse(""))
        .contains("resource_metadata");
  }

  @Test
  void invalidCredentialsGet401() {
    fixture = authenticated();
    RawClient.Response r = fixture.client.post(fixture.client.request("initialize", "{}"),
        "Authorization", "Bearer mallory");

    assertThat(r.status()).isEqualTo(401);
    assertThat(r.headers().firstValue("WWW-Authenticate").orElse("")).contains("invalid_token");
  }

  @Test
  void theCallersPrincipalReachesTheToolHandler() {
    fixture = authenticated();
    RawClient c = fixture.client;
    String init = c.request("initialize", "{\"protocolVersion\":\"2025-11-25\",\"capabilities\":"
        + "{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}");
    RawClient.Response r = c.post(init, "Authorization", "Bearer alice");
    c.sessionId = r.headers().firstValue("Mcp-Session-Id").orElseThrow();

    JsonNode result = c.post(c.request("tools/call", "{\"name\":\"whoami\",\"arguments\":{}}"),
        "Authorization", "Bearer alice").message().path("result");

    assertThat(result.path("content").get(0).path("text").asText()).isEqualTo("alice");
  }

  @Test
  void aSessionIsInvisibleToAnotherPrincipal() {
    fixture = authenticated();
    RawClient c = fixture.client;
    RawClient.Response r = c.post(c.request("initialize", "{\"protocolVersion\":\"2025-11-25\","
        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}"),
        "Authorization", "Bearer alice");
    c.sessionId = r.headers().firstValue("Mcp-Session-Id").orElseThrow();

    assertThat(c.post(c.request("tools/list", null), "Authorization", "Bearer bob").status())
        .isEqualTo(404);
  }

  @Test
  void protectedResourceMetadataIsServedAtTheWellKnownPath() {
    fixture = authenticated();
    RawClient.Response r = fixture.client.send(HttpRequest.newBuilder(fixture.http.baseUri()
        .resolve("/.well-known/oauth-protected-resource/mcp")).GET().build());

    assertThat(r.status()).isEqualTo(200);
    assertThat(RawClient.json(r.body()).path("resource").asText()).isEqualTo("http://localhost/mcp");
  }

  @Test
  void foreignHostHeaderOnLoopbackGets403() {
    fixture = new ServerFixture(TestTools.server().build());
    // java.net.http does not let a caller set Host; the policy is tested on a fake call instead
    assertThat(new dev.mcpkit.server.internal.http.OriginPolicyProbe().refusesHost(
        "evil.example.com:8080")).isTrue();
    assertThat(new dev.mcpkit.server.internal.http.OriginPolicyProbe().refusesHost(
        "localhost:8080")).isFalse();
    assertThat(new dev.mcpkit.server.internal.http.OriginPolicyProbe().refusesHost(
        "[::1]:8080")).isFalse();
  }

  @Test
  void requestsBeyondTheSessionsInFlightLimitGet429() throws Exception {
    TestTools.resetLatches();
    fixture = new ServerFixture(TestTools.server().build(),
        McpHttpOptions.builder().maxRequestsInFlightPerSession(1).build());
    RawClient c = fixture.client;
    c.initialize();
    var first = java.util.concurrent.CompletableFuture.supplyAsync(() -> c.post(
        c.request("tools/call", "{\"name\":\"block\",\"arguments\":{}}")));
    TestTools.blockingStarted.await();

    RawClient.Response second = c.post(c.request("tools/list", null));
    TestTools.release.countDown();

    assertThat(second.status()).isEqualTo(429);
    assertThat(second.message().path("error").path("message").asText())
        .contains("maxRequestsInFlightPerSession");
    assertThat(first.get().status()).isEqualTo(200);
  }

  @Test
  void initializeBeyondTheSessionCapGets503() {
    fixture = new ServerFixture(TestTools.server().build(),
        McpHttpOptions.builder().maxSessions(1).build());
    fixture.client.initialize();
    RawClient other = new RawClient(fixture.http.url());

    RawClient.Response r = other.post(other.request("initialize", "{\"protocolVersion\":"
        + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}"));

    assertThat(r.status()).isEqualTo(503);
    assertThat(r.message().path("error").path("message").asText()).contains("McpHttpOptions.maxSessions");
  }
}
