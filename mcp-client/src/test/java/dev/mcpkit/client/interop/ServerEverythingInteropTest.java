package dev.mcpkit.client.interop;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.client.ClientListener;
import dev.mcpkit.client.ClientTransport;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.engine.RequestOptions;
import dev.mcpkit.core.json.McpJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Our client against the reference server-everything over Streamable HTTP, legacy SSE and stdio. */
class ServerEverythingInteropTest {
  private static NodePeer http;
  private static NodePeer sse;

  @BeforeAll
  static void startServers() throws Exception {
    NodePeer.node();
    http = NodePeer.start(Map.of(), NodePeer.serverEverything().toString(), "streamableHttp");
    sse = NodePeer.start(Map.of(), NodePeer.serverEverything().toString(), "sse");
  }

  @AfterAll
  static void stopServers() throws Exception {
    if (http != null) {
      http.close();
    }
    if (sse != null) {
      sse.close();
    }
  }

  private static void exercise(McpClient client) throws Exception {
    assertThat(client.serverInfo().path("name").asText()).contains("everything");
    assertThat(client.listTools().path("tools").findValuesAsText("name"))
        .contains("echo", "get-sum", "trigger-long-running-operation");
    assertThat(client.callTool("get-sum", Map.of("a", 2, "b", 40)).at("/content/0/text").asText())
        .contains("42");
    JsonNode resources = client.listResources().path("resources");
    assertThat(resources).isNotEmpty();
    JsonNode read = client.readResource(resources.get(0).path("uri").asText());
    assertThat(read.path("contents")).isNotEmpty();
    assertThat(client.listPrompts().path("prompts").findValuesAsText("name"))
        .contains("simple-prompt");
    assertThat(client.getPrompt("simple-prompt", Map.of()).path("messages")).isNotEmpty();
    List<Double> progress = new CopyOnWriteArrayList<>();
    JsonNode done = client.callTool("trigger-long-running-operation",
        McpJson.toTree(Map.of("duration", 0.3, "steps", 3)),
        RequestOptions.timeout(Duration.ofSeconds(10))
            .withProgress((p, total, message) -> progress.add(p), true));
    assertThat(done.path("isError").asBoolean()).isFalse();
    assertThat(progress).containsExactly(1.0, 2.0, 3.0);
    client.ping();
  }

  @Test
  void streamableHttpListsCallsReadsGetsAndReportsProgress() throws Exception {
    try (McpClient client = McpClient.builder()
        .transport(ClientTransport.http(http.url("/mcp"))).connect()) {
      assertThat(client.description()).startsWith("streamable-http");
      assertThat(client.sessionId()).isNotNull();
      exercise(client);
    }
  }

  @Test
  void legacySseIsFoundByFallbackAndWorks() throws Exception {
    try (McpClient client = McpClient.builder()
        .transport(ClientTransport.http(sse.url("/sse"))).connect()) {
      assertThat(client.description()).startsWith("sse");
      exercise(client);
    }
  }

  @Test
  void stdioLaunchesTheServerAndWorks() throws Exception {
    try (McpClient client = McpClient.builder()
        .transport(ClientTransport.stdio(NodePeer.serverEverythingStdio())).connect()) {
      exercise(client);
    }
  }

  @Test
  void logMessagesArriveAtTheListener() throws Exception {
    CountDownLatch logged = new CountDownLatch(1);
    List<String> levels = new CopyOnWriteArrayList<>();
    try (McpClient client = McpClient.builder()
        .transport(ClientTransport.http(http.url("/mcp")))
        .listener(new ClientListener() {
          @Override
          public void onLogMessage(String level, String logger, JsonNode data) {
            levels.add(level);
            logged.countDown();
          }
        }).connect()) {
      client.setLoggingLevel("debug");
      client.callTool("toggle-simulated-logging", Map.of());
      assertThat(logged.await(15, TimeUnit.SECONDS)).isTrue();
      client.callTool("toggle-simulated-logging", Map.of());
    }
    assertThat(levels).isNotEmpty();
  }
}
