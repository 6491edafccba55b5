package dev.mcpkit.server.explorer.internal;

import dev.mcpkit.server.explorer.Snippet;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.server.explorer.AuthHint;
import dev.mcpkit.server.explorer.ExplorerModel;
import dev.mcpkit.server.explorer.ToolView;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExplorerSnippetsTest {
  private static final String URL = "https://tools.example.com/mcp/cap_8f2kQ9xZ";

  @Test
  void theKeyIsTheServerNameInLowerCaseWithSafeCharactersOnly() {
    assertThat(Snippets.serverKey("Acme Weather & Tools")).isEqualTo("acme-weather-tools");
    assertThat(Snippets.serverKey("  Café Ünïcode  ")).isEqualTo("cafe-unicode");
    assertThat(Snippets.serverKey("My_Server.v2")).isEqualTo("my-server-v2");
    assertThat(Snippets.serverKey("github")).isEqualTo("github");
    assertThat(Snippets.serverKey("\"quotes\" and 'ticks' ${HOME}")).isEqualTo(
        "quotes-and-ticks-home");
  }

  @Test
  void aNameWithNothingUsableFallsBackAndALongNameIsCutAtAWordBoundary() {
    assertThat(Snippets.serverKey("日本語")).isEqualTo("mcp-server");
    assertThat(Snippets.serverKey("")).isEqualTo("mcp-server");
    assertThat(Snippets.serverKey(null)).isEqualTo("mcp-server");
    String key = Snippets.serverKey("a".repeat(63) + " bcd");
    assertThat(key).hasSizeLessThanOrEqualTo(64).matches("[a-z0-9]+(-[a-z0-9]+)*");
  }

  @Test
  void claudeDesktopAndCursorSnippetsAreJsonRunningMcpRemoteWithTheUrl() throws IOException {
    Map<String, Snippet> snippets = byId(model(AuthHint.NONE));

    JsonNode claude = McpJson.mapper().readTree(snippets.get("claude").text());
    assertThat(claude.path("mcpServers").size()).isEqualTo(1);
    JsonNode server = claude.path("mcpServers").path("acme-weather-tools");
    assertThat(server.path("command").asText()).isEqualTo("npx");
    assertThat(strings(server.path("args"))).containsExactly("mcp-remote", URL);
    assertThat(server.has("env")).isFalse();
    assertThat(snippets.get("claude").where()).isEqualTo("claude_desktop_config.json");

    JsonNode cursor = McpJson.mapper().readTree(snippets.get("cursor").text());
    assertThat(strings(cursor.path("mcpServers").path("acme-weather-tools").path("args")))
        .containsExactly("-y", "mcp-remote", URL);
    assertThat(snippets.get("cursor").where()).isEqualTo(".cursor/mcp.json");
  }

  @Test
  void withAHeaderApiKeyEverySnippetUsesTheHeaderAndNoneCarriesASecretInItsUrl()
      throws IOException {
    Map<String, Snippet> snippets = byId(model(AuthHint.apiKeyHeader("X-Api-Key")));

    JsonNode server = McpJson.mapper().readTree(snippets.get("claude").text())
        .path("mcpServers").path("acme-weather-tools");
    assertThat(strings(server.path("args")))
        .containsExactly("mcp-remote", URL, "--header", "X-Api-Key:${MCP_API_KEY}");
    assertThat(server.path("env").path("MCP_API_KEY").asText()).isEqualTo("<your API key>");
    assertThat(snippets.get("curl").text()).contains("HEADERS+=(-H \"X-Api-Key: $MCP_API_KEY\")");
    assertThat(snippets.get("java").text())
        .contains("    .header(\"X-Api-Key\", System.getenv(\"MCP_API_KEY\"))\n");
    for (Snippet snippet : snippets.values()) {
      assertThat(urlsIn(snippet.text())).as(snippet.id()).containsOnly(URL);
    }
  }

  @Test
  void aBearerTokenGoesInTheAuthorizationHeader() throws IOException {
    Map<String, Snippet> snippets = byId(model(AuthHint.BEARER));

    JsonNode server = McpJson.mapper().readTree(snippets.get("cursor").text())
        .path("mcpServers").path("acme-weather-tools");
    assertThat(strings(server.path("args"))).contains("Authorization:${MCP_API_KEY}");
    assertThat(server.path("env").path("MCP_API_KEY").asText()).startsWith("Bearer ");
    assertThat(snippets.get("curl").text())
        .contains("-H \"Authorization: Bearer $MCP_API_KEY\"");
  }

  @Test
  void theCurlSessionInitializesConfirmsListsAndCallsTheFirstToolInOrder() throws IOException {
    String curl = byId(model(AuthHint.NONE)).get("curl").text();

    List<JsonNode> bodies = new ArrayList<>();
    Matcher body = Pattern.compile("-d '(\\{[^']*)'").matcher(curl);
    while (body.find()) {
      bodies.add(McpJson.mapper().readTree(body.group(1)));
    }
    assertThat(bodies).extracting(b -> b.path("method").asText())
        .containsExactly("initialize", "notifications/initialized", "tools/list", "tools/call");
    assertThat(bodies).allSatisfy(b -> assertThat(b.path("jsonrpc").asText()).isEqualTo("2.0"));
    assertThat(bodies.get(0).path("params").path("protocolVersion").asText())
        .isEqualTo(Snippets.PROTOCOL_VERSION);
    assertThat(bodies.get(1).has("id")).isFalse();
    assertThat(bodies.get(3).path("params")).isEqualTo(McpJson.mapper().readTree(
        "{\"name\":\"get_forecast\",\"arguments\":{\"city\":\"example\"}}"));
    assertThat(curl).startsWith("URL='" + URL + "'\n")
        .contains("-H 'Accept: application/json, text/event-stream'")
        .contains("-H \"Mcp-Session-Id: $SESSION\"")
        .contains("-H 'MCP-Protocol-Version: 2025-11-25'");
  }

  @Test
  void shellQuotingSurvivesSingleQuotesInUrlsAndArguments() {
    assertThat(Snippets.shellQuote("it's")).isEqualTo("'it'\\''s'");
    assertThat(Snippets.shellQuote("plain")).isEqualTo("'plain'");
  }

  @Test
  void theJavaSnippetConnectsToTheUrlAndCallsTheFirstToolWithExampleArguments() {
    String java = byId(model(AuthHint.NONE)).get("java").text();

    assertThat(java).startsWith("try (McpClient client = McpClient.builder()\n")
        .contains("    .transport(ClientTransport.http(\"" + URL + "\"))\n    .connect()) {\n")
        .contains("client.callTool(\"get_forecast\", Map.of(\"city\", \"example\"))")
        .doesNotContain("header(");
  }

  @Test
  void javaLiteralsCoverEveryJsonValue() throws IOException {
    assertThat(JavaLiteral.of(McpJson.mapper().readTree(
        "{\"s\":\"a\\\"b\",\"i\":3,\"l\":5000000000,\"d\":1.5,\"b\":true,\"n\":null,"
            + "\"list\":[1,\"x\"],\"o\":{}}")))
        .isEqualTo("Map.of(\"s\", \"a\\\"b\", \"i\", 3, \"l\", 5000000000L, \"d\", 1.5, \"b\", true,"
            + " \"n\", null, \"list\", List.of(1, \"x\"), \"o\", Map.of())");
  }

  @Test
  void withoutToolsTheSessionCallsAPlaceholderName() {
    ExplorerModel empty = new ExplorerModel("x", null, URL, null, List.of(), List.of(), null);
    assertThat(byId(empty).get("curl").text()).contains("\"name\":\"TOOL_NAME\"");
  }

  private static ExplorerModel model(AuthHint auth) {
    try {
      ToolView forecast = ToolView.of(McpJson.mapper().readTree("""
          {"name":"get_forecast","inputSchema":{"type":"object","properties":{
            "city":{"type":"string"},"days":{"type":"integer","default":3}},
           "required":["city"]}}"""));
      ToolView echo = new ToolView("echo", null, null, null, null, null);
      return new ExplorerModel("Acme Weather & Tools", "1.0", URL, "cap_8f2kQ9xZ",
          List.of(forecast, echo), List.of(), auth);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
  }

  private static Map<String, Snippet> byId(ExplorerModel model) {
    return Snippets.of(model).stream().collect(Collectors.toMap(Snippet::id, s -> s,
        (a, b) -> a, java.util.LinkedHashMap::new));
  }

  private static List<String> strings(JsonNode array) {
    List<String> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asText()));
    return out;
  }

  private static List<String> urlsIn(String text) {
    List<String> urls = new ArrayList<>();
    Matcher m = Pattern.compile("https?://[^\\s'\"]+").matcher(text);
    while (m.find()) {
      urls.add(m.group());
    }
    return urls;
  }
}
