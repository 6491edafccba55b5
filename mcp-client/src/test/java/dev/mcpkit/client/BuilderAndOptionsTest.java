package dev.mcpkit.client;

import static dev.mcpkit.client.ScriptedServer.data;
import static dev.mcpkit.client.ScriptedServer.response;
import static dev.mcpkit.client.ScriptedServer.sse;
import static dev.mcpkit.client.ScriptedServer.toolResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.client.transport.HttpOptions;
import dev.mcpkit.core.engine.RequestOptions;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Prompts.GetPromptParams;
import dev.mcpkit.core.schema.Resources.ReadResourceParams;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import mockwebserver3.MockResponse;
import okhttp3.Interceptor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class BuilderAndOptionsTest {
  private ScriptedServer server;

  @BeforeEach
  void start() throws IOException {
    server = new ScriptedServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @Test
  void httpOptionsAfterSingleHttpSettingsIsRefusedNamingWhatItWouldDrop() {
    Interceptor auth = chain -> chain.proceed(chain.request());
    McpClient.Builder b = McpClient.builder().header("X-Api-Key", "k").addHttpInterceptor(auth);

    assertThatThrownBy(() -> b.httpOptions(HttpOptions.DEFAULT))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("header(X-Api-Key)")
        .hasMessageContaining("addHttpInterceptor")
        .hasMessageContaining("HttpOptions.Builder")
        .hasMessageNotContaining("k\"");
  }

  @Test
  void singleHttpSettingsAfterHttpOptionsAreRefused() {
    McpClient.Builder b = McpClient.builder().httpOptions(HttpOptions.DEFAULT);

    assertThatThrownBy(() -> b.authenticator((route, response) -> null))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("authenticator cannot be combined with httpOptions");
    assertThatThrownBy(() -> b.header("X-Api-Key", "k"))
        .isInstanceOf(IllegalStateException.class);
  }

  @Test
  void headersInHttpOptionsAreSent() throws IOException {
    server.on("tools/list", e -> ScriptedServer.json(e, McpJson.object().set("tools",
        McpJson.mapper().createArrayNode())));
    try (McpClient client = McpClient.builder()
        .transport(ClientTransport.streamableHttp(server.url()))
        .httpOptions(HttpOptions.builder().header("X-Api-Key", "k-1").build()).connect()) {
      client.listTools();
    }
    assertThat(server.posts("tools/list").get(0).header("X-Api-Key")).isEqualTo("k-1");
  }

  @Test
  void listReadGetAndTypedCallTakeRequestOptionsWithProgress() throws IOException {
    server.on("tools/list", withProgress(e -> McpJson.object().set("tools",
        McpJson.mapper().createArrayNode())));
    server.on("resources/read", withProgress(e -> McpJson.object().set("contents",
        McpJson.mapper().createArrayNode())));
    server.on("prompts/get", withProgress(e -> McpJson.object().set("messages",
        McpJson.mapper().createArrayNode())));
    server.on("tools/call", withProgress(e -> {
      ObjectNode r = toolResult("{}", false);
      r.putObject("structuredContent").put("celsius", 21);
      return r;
    }));
    List<String> seen = new CopyOnWriteArrayList<>();
    try (McpClient client = McpClient.builder()
        .transport(ClientTransport.streamableHttp(server.url())).connect()) {
      client.listTools(options("list", seen));
      client.readResource(new ReadResourceParams("file:///a"), options("read", seen));
      client.getPrompt(new GetPromptParams("p", Map.of()), options("get", seen));
      StructuredResult<Map> weather = client.callTool("weather", Map.of(), Map.class,
          options("call", seen));
      assertThat(weather.value()).containsEntry("celsius", 21);
    }
    assertThat(seen).containsExactly("list 0.5", "read 0.5", "get 0.5", "call 0.5");
  }

  private static RequestOptions options(String name, List<String> seen) {
    return RequestOptions.DEFAULT.withProgress((p, total, message) -> seen.add(name + " " + p),
        false);
  }

  /** Answers with an SSE stream: a progress notification for the request's token, then result. */
  private static Function<ScriptedServer.Exchange, MockResponse> withProgress(
      Function<ScriptedServer.Exchange, JsonNode> result) {
    return e -> {
      JsonNode token = e.body().at("/params/_meta/progressToken");
      ObjectNode progress = McpJson.object().put("jsonrpc", "2.0")
          .put("method", "notifications/progress");
      progress.putObject("params").put("progress", 0.5).set("progressToken", token);
      return sse(data(progress), data(response(e, result.apply(e))));
    };
  }
}
