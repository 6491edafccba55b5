package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.engine.Direction;
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
}
