package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Endpoints as units of exposure: capability URLs, tool subsets, enable/disable, rotation. */
class EndpointTest {
  private ServerFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private static int statusOf(RawClient client) {
    return client.post(client.request("initialize", "{\"protocolVersion\":\"2025-11-25\","
        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}")).status();
  }

  @Test
  void capabilityUrlServesOnlyWithItsToken() {
    McpServer server = TestTools.server().build();
    McpEndpoint endpoint = McpEndpoint.capabilityUrl(server);
    fixture = new ServerFixture(server, McpHttpOptions.defaults(), endpoint);
    String path = endpoint.path();
    String token = path.substring("/mcp/v1/".length(), path.length() - "/mcp".length());

    assertThat(token).hasSizeGreaterThanOrEqualTo(32);
    assertThat(statusOf(fixture.client(endpoint))).isEqualTo(200);
    URI wrong = fixture.http.baseUri().resolve("/mcp/v1/" + token.substring(1) + "X/mcp");
    RawClient.Response wrongToken = new RawClient(wrong).post("{}");
    assertThat(wrongToken.status()).isEqualTo(404);
    assertThat(wrongToken.body()).isEqualTo("Not Found");
    assertThat(new RawClient(fixture.http.baseUri().resolve("/mcp")).post("{}").status())
        .isEqualTo(404);
    assertThat(endpoint.toString()).doesNotContain(token);
  }

  @Test
  void hostSuppliedTokenMustCarryAtLeast128Bits() {
    McpServer server = TestTools.server().build();

    assertThatThrownBy(() -> McpEndpoint.builder(server)
        .capabilityUrl(McpEndpoint.CAPABILITY_TEMPLATE, "short").build())
        .hasMessageContaining("128 random bits");
    McpEndpoint ok = McpEndpoint.builder(server)
        .capabilityUrl("/tools/{token}", "abcdefghijklmnopqrstuvwxyz012345").build();
    assertThat(ok.path()).isEqualTo("/tools/abcdefghijklmnopqrstuvwxyz012345");
  }

  @Test
  void disabledEndpointAnswers404LikeAnUnknownPathAndServesAgainWhenEnabled() {
    McpServer server = TestTools.server().build();
    McpEndpoint endpoint = McpEndpoint.at("/mcp", server);
    fixture = new ServerFixture(server, McpHttpOptions.defaults(), endpoint);

    endpoint.disable();
    RawClient.Response disabled = fixture.client.post("{}");
    endpoint.enable();

    assertThat(disabled.status()).isEqualTo(404);
    assertThat(disabled.body()).isEqualTo("Not Found");
    assertThat(statusOf(fixture.client)).isEqualTo(200);
  }

  @Test
  void rotatedTokenRetiresTheOldUrlWithoutARestart() {
    McpServer server = TestTools.server().build();
    McpEndpoint endpoint = McpEndpoint.capabilityUrl(server);
    fixture = new ServerFixture(server, McpHttpOptions.defaults(), endpoint);
    RawClient old = fixture.client(endpoint);
    old.initialize();

    String newPath = endpoint.rotateToken();

    assertThat(old.post(old.request("tools/list", null)).status()).isEqualTo(404);
    assertThat(statusOf(new RawClient(fixture.http.baseUri().resolve(newPath)))).isEqualTo(200);
  }

  @Test
  void eachEndpointExposesItsOwnToolSubset() {
    McpServer server = TestTools.server().build();
    McpEndpoint all = McpEndpoint.at("/all", server);
    McpEndpoint math = McpEndpoint.builder(server).path("/math").tools("add").build();
    fixture = new ServerFixture(server, McpHttpOptions.defaults(), all, math);
    RawClient mathClient = fixture.client(math);
    mathClient.initialize();

    JsonNode tools = mathClient.post(mathClient.request("tools/list", null)).message()
        .path("result").path("tools");
    JsonNode hidden = mathClient.post(mathClient.request("tools/call",
        "{\"name\":\"echo\",\"arguments\":{\"text\":\"x\",\"times\":1}}")).message();

    assertThat(tools).hasSize(1);
    assertThat(tools.get(0).path("name").asText()).isEqualTo("add");
    assertThat(hidden.path("error").path("code").asInt()).isEqualTo(-32602);
  }

  @Test
  void sessionsDoNotCrossEndpoints() {
    McpServer server = TestTools.server().build();
    McpEndpoint a = McpEndpoint.at("/a", server);
    McpEndpoint b = McpEndpoint.at("/b", server);
    fixture = new ServerFixture(server, McpHttpOptions.defaults(), a, b);
    RawClient onA = fixture.client(a);
    onA.initialize();
    RawClient onB = fixture.client(b);
    onB.sessionId = onA.sessionId;

    assertThat(onB.post(onB.request("tools/list", null)).status()).isEqualTo(404);
  }

  @Test
  void aBrowserGetsTheExplorerPageWhereTheEndpointEnablesIt() {
    McpServer server = TestTools.server().build();
    McpEndpoint withPage = McpEndpoint.builder(server).capabilityUrl().tools("echo", "add")
        .explorerPage().build();
    McpEndpoint plain = McpEndpoint.at("/plain", server);
    fixture = new ServerFixture(server, McpHttpOptions.defaults(), withPage, plain);

    RawClient.Response page = fixture.client(withPage).send(java.net.http.HttpRequest.newBuilder(
        fixture.http.url(withPage)).header("Accept", "text/html").GET().build());
    RawClient.Response none = fixture.client(plain).send(java.net.http.HttpRequest.newBuilder(
        fixture.http.url(plain)).header("Accept", "text/html").GET().build());

    assertThat(page.status()).isEqualTo(200);
    assertThat(page.contentType()).startsWith("text/html");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElse("")).contains("nonce-");
    assertThat(page.body()).contains("echo", "add").doesNotContain("\"boom\"");
    assertThat(none.status()).isEqualTo(406);
  }

  @Test
  void endpointPathsAreChecked() {
    McpServer server = TestTools.server().build();

    assertThatThrownBy(() -> McpEndpoint.at("mcp", server)).hasMessageContaining("start with '/'");
    assertThatThrownBy(() -> McpEndpoint.builder(server).capabilityUrl("/x{token}y", null))
        .hasMessageContaining("whole path segment");
  }
}
