package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.mcpkit.core.engine.Direction;
import dev.mcpkit.core.engine.McpEventListener;
import dev.mcpkit.core.engine.McpInterceptor;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The transformer and data-protection use cases: interceptors and the activity log. */
class InterceptorAndActivityLogTest {
  private ServerFixture fixture;

  @AfterEach
  void stop() {
    fixture.close();
  }

  @Test
  void interceptorRewritesArgumentsBeforeTheHandlerAndResultsAfterIt() {
    McpServer server = TestTools.server().addInterceptor(chain -> {
      if (chain.direction() != Direction.INBOUND || !"tools/call".equals(chain.method())) {
        return chain.proceed(chain.params());
      }
      ObjectNode params = chain.params().deepCopy();
      ObjectNode args = (ObjectNode) params.get("arguments");
      args.put("text", args.path("text").asText().toUpperCase());
      JsonNode result = chain.proceed(params);
      ((ObjectNode) result.path("content").get(0)).put("text",
          result.path("content").get(0).path("text").asText() + " (checked)");
      return result;
    }).build();
    fixture = new ServerFixture(server);
    fixture.client.initialize();

    JsonNode result = fixture.client.call("echo", "{\"text\":\"quiet\",\"times\":1}");

    assertThat(result.path("content").get(0).path("text").asText()).isEqualTo("QUIET (checked)");
  }

  @Test
  void activityLogRecordsEachCallWithSecretsRedacted() {
    List<ActivityLog.Entry> entries = new CopyOnWriteArrayList<>();
    McpServer server = TestTools.server()
        .tool(ToolDefinition.builder("login").description("Logs in")
            .inputSchema(TestTools.schema("{\"type\":\"object\"}"))
            .handler((a, c) -> CallToolResult.text("ok")).build())
        .listener(ActivityLog.to(entries::add)).build();
    fixture = new ServerFixture(server);
    fixture.client.initialize();

    fixture.client.call("login", "{\"user\":\"ada\",\"password\":\"hunter2\",\"nested\":{"
        + "\"apiKey\":\"sk-123\",\"note\":\"fine\"}}");
    fixture.client.call("refuse", "{}");

    ActivityLog.Entry login = entries.stream().filter(e -> "login".equals(e.tool())).findFirst()
        .orElseThrow();
    ActivityLog.Entry refused = entries.stream().filter(e -> "refuse".equals(e.tool()))
        .findFirst().orElseThrow();
    assertThat(login.outcome()).isEqualTo("ok");
    assertThat(login.subject()).isEqualTo("anonymous");
    assertThat(login.arguments().toString()).contains("ada", "fine").doesNotContain("hunter2")
        .doesNotContain("sk-123").contains("[REDACTED]");
    assertThat(login.toString()).doesNotContain("hunter2");
    assertThat(refused.outcome()).isEqualTo("tool_error");
    assertThat(refused.detail()).contains("Pariss");
  }

  @Test
  void interceptorThatReadsNoResultTreesIsGivenTheRecordAndTheClientGetsTheSameAnswer() {
    List<JsonNode> seen = new CopyOnWriteArrayList<>();
    McpServer server = TestTools.server().addInterceptor(new McpInterceptor() {
      @Override
      public JsonNode intercept(Chain chain) throws Exception {
        JsonNode result = chain.proceed(chain.params());
        seen.add(result);
        return result;
      }

      @Override
      public boolean readsResultTrees() {
        return false;
      }
    }).build();
    fixture = new ServerFixture(server);
    fixture.client.initialize();

    JsonNode answer = fixture.client.call("echo", "{\"text\":\"quiet\",\"times\":2}");

    JsonNode callResult = seen.get(seen.size() - 1);
    assertThat(callResult).isInstanceOf(POJONode.class);
    assertThat(((POJONode) callResult).getPojo()).isInstanceOf(CallToolResult.class);
    assertThat(answer.path("content").get(0).path("text").asText()).isEqualTo("quietquiet");
  }

  @Test
  void anyObserverThatReadsResultTreesStillGetsATreeEvenNextToOneThatDoesNot() {
    List<JsonNode> intercepted = new CopyOnWriteArrayList<>();
    List<JsonNode> listened = new CopyOnWriteArrayList<>();
    McpServer server = TestTools.server().addInterceptor(new McpInterceptor() {
      @Override
      public JsonNode intercept(Chain chain) throws Exception {
        JsonNode result = chain.proceed(chain.params());
        intercepted.add(result);
        return result;
      }

      @Override
      public boolean readsResultTrees() {
        return false;
      }
    }).listener(new McpEventListener() {
      @Override
      public void requestSucceeded(RequestInfo request, JsonNode result, long durationNanos) {
        if ("tools/call".equals(request.method())) {
          listened.add(result);
        }
      }
    }).build();
    fixture = new ServerFixture(server);
    fixture.client.initialize();

    fixture.client.call("echo", "{\"text\":\"quiet\",\"times\":1}");

    assertThat(listened).hasSize(1);
    assertThat(listened.get(0)).isInstanceOf(ObjectNode.class);
    assertThat(listened.get(0).path("content").get(0).path("text").asText()).isEqualTo("quiet");
    assertThat(intercepted.get(intercepted.size() - 1)).isInstanceOf(ObjectNode.class);
  }
}
