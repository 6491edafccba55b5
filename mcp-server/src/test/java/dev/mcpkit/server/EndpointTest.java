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
  void theExplorerPageShowsTheEndpointsOwnToolsAndTheToolsTheServerTurnedDown() {
    McpServer server = TestTools.server()
        .toolIfValid(ToolDefinition.builder("send email!").description("Sends an email")
            .handler((a, c) -> dev.mcpkit.core.schema.Tools.CallToolResult.text("sent")))
        .build();
    McpEndpoint all = McpEndpoint.builder(server).capabilityUrl().explorerPage().build();
    McpEndpoint math = McpEndpoint.builder(server).path("/math").tools("add").build();
    fixture = new ServerFixture(server, McpHttpOptions.defaults(), all, math);

    RawClient.Response allPage = browserGet(fixture.http.url(all));
    RawClient.Response mathPage = browserGet(fixture.http.url(math));

    assertThat(allPage.status()).isEqualTo(200);
    assertThat(allPage.headers().firstValue("Content-Security-Policy").orElse(""))
        .contains("nonce-");
    assertThat(allPage.body()).contains("data-tool=\"echo\"", "data-tool=\"boom\"",
        "id=\"rejected\"", "send email!", "invalid name");
    assertThat(mathPage.status()).isEqualTo(200);
    assertThat(mathPage.body()).contains("data-tool=\"add\"")
        .doesNotContain("data-tool=\"echo\"").doesNotContain("send email!");
  }

  @Test
  void aToolTurnedDownAtRunTimeIsReportedAndTheServerGoesOn() {
    McpServer server = TestTools.server().build();
    fixture = new ServerFixture(server);
    fixture.client.initialize();

    boolean added = server.addToolIfValid(ToolDefinition.builder("echo").description("Again")
        .handler((a, c) -> dev.mcpkit.core.schema.Tools.CallToolResult.text("twice")));
    boolean noDescription = server.addToolIfValid(ToolDefinition.builder("mute")
        .handler((a, c) -> dev.mcpkit.core.schema.Tools.CallToolResult.text("...")));

    assertThat(added).isFalse();
    assertThat(noDescription).isFalse();
    assertThat(server.rejectedTools()).extracting(r -> r.name()).containsExactly("echo", "mute");
    assertThat(server.rejectedTools().get(0).reason()).contains("'echo' is already registered");
    assertThat(server.rejectedTools().get(1).reason()).contains("description is required");
    assertThat(fixture.client.call("echo", "{\"text\":\"a\",\"times\":1}").path("content")
        .get(0).path("text").asText()).isEqualTo("a");
    assertThat(server.addToolIfValid(ToolDefinition.builder("mute").description("Says nothing")
        .handler((a, c) -> dev.mcpkit.core.schema.Tools.CallToolResult.text("...")))).isTrue();
    assertThat(server.rejectedTools()).extracting(r -> r.name()).containsExactly("echo");
  }

  private RawClient.Response browserGet(URI url) {
    return fixture.client.send(java.net.http.HttpRequest.newBuilder(url)
        .header("Accept", "text/html,application/xhtml+xml").GET().build());
  }

  @Test
  void endpointPathsAreChecked() {
    McpServer server = TestTools.server().build();

    assertThatThrownBy(() -> McpEndpoint.at("mcp", server)).hasMessageContaining("start with '/'");
    assertThatThrownBy(() -> McpEndpoint.builder(server).capabilityUrl("/x{token}y", null))
        .hasMessageContaining("whole path segment");
  }
}
