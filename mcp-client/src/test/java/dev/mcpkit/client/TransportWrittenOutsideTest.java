package dev.mcpkit.client;

import static dev.mcpkit.client.ResultText.names;
import static dev.mcpkit.client.ResultText.text;
import static dev.mcpkit.client.ScriptedServer.json;
import static dev.mcpkit.client.ScriptedServer.toolResult;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import java.io.IOException;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A transport written outside the project ({@link OwnHttpTransport}, which knows no protocol
 * version) gets from the client what the built-in Streamable HTTP transport gets: the 2026-07-28
 * headers and {@code _meta}, and a new session after the server forgot the old one.
 */
class TransportWrittenOutsideTest {
  private ScriptedServer server;

  @BeforeEach
  void start() throws IOException {
    server = new ScriptedServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private McpClient connect() throws IOException {
    return McpClient.builder()
        .transport(ClientTransport.custom(() -> new OwnHttpTransport(server.url())))
        .clientInfo("own-host", "1.0").connect();
  }

  @Test
  void aStatelessServerGetsTheMirroredHeadersFromATransportWrittenOutside() throws IOException {
    server.on("server/discover", e -> {
      ObjectNode r = McpJson.object();
      r.putArray("supportedVersions").add("2026-07-28");
      r.putObject("capabilities").putObject("tools");
      r.put("resultType", "complete");
      return json(e, r);
    });
    server.on("tools/list", e -> {
      ObjectNode r = McpJson.object();
      ObjectNode tool = r.putArray("tools").addObject();
      tool.put("name", "weather");
      tool.putObject("inputSchema").put("type", "object").putObject("properties")
          .putObject("region").put("type", "string").put("x-mcp-header", "Region");
      ObjectNode bad = r.withArray("tools").addObject();
      bad.put("name", "broken");
      bad.putObject("inputSchema").put("type", "object").putObject("properties")
          .putObject("n").put("type", "number").put("x-mcp-header", "N");
      return json(e, r);
    });
    server.on("tools/call", e -> json(e, toolResult("sunny", false)));

    try (McpClient client = connect()) {
      assertThat(client.protocolVersion().id()).isEqualTo("2026-07-28");
      assertThat(names(client.listTools())).containsExactly("weather");
      assertThat(text(client.callTool("weather", Map.of("region", "Zürich")))).isEqualTo("sunny");
    }

    ScriptedServer.Exchange discover = server.posts("server/discover").get(0);
    assertThat(discover.header("Mcp-Method")).isEqualTo("server/discover");
    ScriptedServer.Exchange call = server.posts("tools/call").get(0);
    JsonNode meta = call.body().at("/params/_meta");
    assertThat(meta.path("io.modelcontextprotocol/protocolVersion").asText())
        .isEqualTo("2026-07-28");
    assertThat(meta.at("/io.modelcontextprotocol~1clientInfo/name").asText())
        .isEqualTo("own-host");
    assertThat(call.header("MCP-Protocol-Version")).isEqualTo("2026-07-28");
    assertThat(call.header("Mcp-Method")).isEqualTo("tools/call");
    assertThat(call.header("Mcp-Name")).isEqualTo("weather");
    assertThat(call.header("Mcp-Param-Region")).isEqualTo("=?base64?WsO8cmljaA==?=");
    assertThat(call.header("Mcp-Session-Id")).isNull();
  }

  @Test
  void aSessionServerThatForgetsTheSessionGetsANewInitializeFromATransportWrittenOutside()
      throws IOException {
    AtomicInteger calls = new AtomicInteger();
    server.on("tools/call", e -> calls.getAndIncrement() == 0
        ? new MockResponse.Builder().code(404).build() : json(e, toolResult("ok", false)));

    try (McpClient client = connect()) {
      assertThat(client.protocolVersion().id()).isEqualTo("2025-11-25");
      assertThat(client.sessionId()).isEqualTo("session-1");
      server.sessionId = "session-2";

      assertThat(text(client.callTool("x", Map.of()))).isEqualTo("ok");
      assertThat(client.sessionId()).isEqualTo("session-2");
    }
    assertThat(server.posts("initialize")).hasSize(2);
    assertThat(server.posts("tools/call")).extracting(e -> e.header("Mcp-Session-Id"))
        .containsExactly("session-1", "session-2");
    assertThat(server.posts("tools/call")).allSatisfy(e -> {
      assertThat(e.header("Mcp-Method")).isNull();
      assertThat(e.header("MCP-Protocol-Version")).isEqualTo("2025-11-25");
    });
  }
}
