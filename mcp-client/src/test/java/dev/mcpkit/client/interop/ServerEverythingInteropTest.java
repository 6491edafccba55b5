package dev.mcpkit.client.interop;

import static org.assertj.core.api.Assertions.assertThat;

import static dev.mcpkit.client.ResultText.names;
import static dev.mcpkit.client.ResultText.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.schema.Logging.LoggingLevel;
import dev.mcpkit.core.schema.Logging.LoggingMessageParams;
import dev.mcpkit.core.schema.Prompts.Prompt;
import dev.mcpkit.core.schema.Resources.Resource;
import dev.mcpkit.core.schema.Tools.CallToolParams;
import dev.mcpkit.core.schema.Tools.CallToolResult;
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
    assertThat(client.serverInfo().name()).contains("everything");
    assertThat(names(client.listTools()))
        .contains("echo", "get-sum", "trigger-long-running-operation");
    assertThat(text(client.callTool("get-sum", Map.of("a", 2, "b", 40)))).contains("42");
    List<Resource> resources = client.listResources().resources();
    assertThat(resources).isNotEmpty();
    assertThat(client.readResource(resources.get(0).uri()).contents()).isNotEmpty();
    assertThat(client.listPrompts().prompts()).extracting(Prompt::name).contains("simple-prompt");
    assertThat(client.getPrompt("simple-prompt", Map.of()).messages()).isNotEmpty();
    List<Double> progress = new CopyOnWriteArrayList<>();
    CallToolResult done = client.callTool(new CallToolParams("trigger-long-running-operation",
        (ObjectNode) McpJson.toTree(Map.of("duration", 0.3, "steps", 3))),
        RequestOptions.timeout(Duration.ofSeconds(10))
            .withProgress((p, total, message) -> progress.add(p), true));
    assertThat(done.isError()).isNotEqualTo(Boolean.TRUE);
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
          public void onLogMessage(LoggingMessageParams message) {
            levels.add(message.level().toString());
            logged.countDown();
          }
        }).connect()) {
      client.setLoggingLevel(LoggingLevel.DEBUG);
      client.callTool("toggle-simulated-logging", Map.of());
      assertThat(logged.await(15, TimeUnit.SECONDS)).isTrue();
      client.callTool("toggle-simulated-logging", Map.of());
    }
    assertThat(levels).isNotEmpty();
  }
}
