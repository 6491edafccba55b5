package dev.mcpkit.client.interop;

import static org.assertj.core.api.Assertions.assertThat;

import static dev.mcpkit.client.ResultText.allText;
import static dev.mcpkit.client.ResultText.names;
import static dev.mcpkit.client.ResultText.text;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Content.Role;
import dev.mcpkit.core.schema.Elicitation.ElicitResult;
import dev.mcpkit.core.schema.Roots.ListRootsResult;
import dev.mcpkit.core.schema.Roots.Root;
import dev.mcpkit.core.schema.Sampling.CreateMessageResult;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

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

  /** A client builder for server-everything over {@code transport}. */
  private static McpClient.Builder over(String transport) {
    McpClient.Builder b = McpClient.builder().requestTimeout(Duration.ofSeconds(20));
    return switch (transport) {
      case "streamable-http" -> b.transport(ClientTransport.http(http.url("/mcp")));
      case "sse" -> b.transport(ClientTransport.http(sse.url("/sse")));
      case "stdio" -> b.transport(ClientTransport.stdio(NodePeer.serverEverythingStdio()));
      default -> throw new IllegalArgumentException(transport);
    };
  }

  @ParameterizedTest(name = "over {0} the client lists and calls tools, reads resources, gets "
      + "prompts and receives progress and log messages")
  @ValueSource(strings = {"streamable-http", "sse", "stdio"})
  void listsCallsReadsGetsAndReceivesProgressAndLogging(String transport) throws Exception {
    CountDownLatch logged = new CountDownLatch(1);
    List<LoggingMessageParams> logs = new CopyOnWriteArrayList<>();
    try (McpClient client = over(transport).listener(new ClientListener() {
      @Override
      public void onLogMessage(LoggingMessageParams message) {
        logs.add(message);
        logged.countDown();
      }
    }).connect()) {
      switch (transport) {
        case "streamable-http" -> {
          assertThat(client.description()).startsWith("streamable-http");
          assertThat(client.sessionId()).isNotNull();
        }
        case "sse" -> assertThat(client.description()).startsWith("sse"); // found by fallback
        default -> assertThat(client.description()).startsWith("stdio");
      }
      assertThat(client.serverInfo().name()).contains("everything");
      assertThat(names(client.listTools()))
          .contains("echo", "get-sum", "trigger-long-running-operation");
      assertThat(text(client.callTool("get-sum", Map.of("a", 2, "b", 40)))).contains("42");
      List<Resource> resources = client.listResources().resources();
      assertThat(resources).isNotEmpty();
      assertThat(client.readResource(resources.get(0).uri()).contents()).isNotEmpty();
      assertThat(client.listPrompts().prompts()).extracting(Prompt::name)
          .contains("simple-prompt");
      assertThat(client.getPrompt("simple-prompt", Map.of()).messages()).isNotEmpty();
      List<Double> progress = new CopyOnWriteArrayList<>();
      CallToolResult done = client.callTool(new CallToolParams("trigger-long-running-operation",
          (ObjectNode) McpJson.toTree(Map.of("duration", 0.3, "steps", 3))),
          RequestOptions.timeout(Duration.ofSeconds(10))
              .withProgress((p, total, message) -> progress.add(p), true));
      assertThat(done.isError()).isNotEqualTo(Boolean.TRUE);
      assertThat(progress).containsExactly(1.0, 2.0, 3.0);
      client.ping();
      client.setLoggingLevel(LoggingLevel.DEBUG);
      client.callTool("toggle-simulated-logging", Map.of()); // logs once at once, then every 5 s
      assertThat(logged.await(15, TimeUnit.SECONDS)).isTrue();
      client.callTool("toggle-simulated-logging", Map.of());
    }
    assertThat(logs.get(0).data().asText()).contains("message");
  }

  @ParameterizedTest(name = "over {0} the server's sampling, elicitation and roots requests are "
      + "answered by the host's handlers")
  @ValueSource(strings = {"streamable-http", "sse", "stdio"})
  void serverRequestsAreAnsweredByTheHandlers(String transport) throws Exception {
    List<String> prompts = new CopyOnWriteArrayList<>();
    try (McpClient client = over(transport)
        .sampling(p -> {
          prompts.add(McpJson.toTree(p.messages().get(0)).at("/content/text").asText());
          return new CreateMessageResult(Role.ASSISTANT, new Content.Text("the host's model"),
              "test-model", "endTurn");
        })
        .elicitation(p -> ElicitResult.accept(Map.of(
            "name", McpJson.mapper().getNodeFactory().textNode("Ada Lovelace"))))
        .roots(() -> new ListRootsResult(List.of(new Root("file:///interop", "interop", null,
            null))))
        .connect()) {
      assertThat(text(client.callTool("trigger-sampling-request",
          Map.of("prompt", "say hi", "maxTokens", 20)))).contains("the host's model");
      assertThat(prompts).singleElement().asString().contains("say hi");
      assertThat(allText(client.callTool("trigger-elicitation-request", Map.of())))
          .contains("Ada Lovelace");
      assertThat(text(client.callTool("get-roots-list", Map.of()))).contains("file:///interop");
    }
  }
}
