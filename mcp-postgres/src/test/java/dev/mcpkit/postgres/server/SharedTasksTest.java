package dev.mcpkit.postgres.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.core.schema.Tools.TaskSupport;
import dev.mcpkit.postgres.McpPostgres;
import dev.mcpkit.postgres.TestDatabase;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.TaskOptions;
import dev.mcpkit.server.ToolDefinition;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two server instances with their tasks in one PostgreSQL schema, driven over loopback with the
 * 2026-07-28 protocol and the tasks extension: a task started through one instance is polled and
 * cancelled through the other. The handler runs in the instance that started it.
 */
@Timeout(60)
class SharedTasksTest {
  static final String META = "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
      + "\"io.modelcontextprotocol/clientCapabilities\":{\"extensions\":"
      + "{\"io.modelcontextprotocol/tasks\":{}}}}";
  final HttpClient http = HttpClient.newHttpClient();
  final Semaphore gate = new Semaphore(0);
  final CountDownLatch started = new CountDownLatch(1);
  final CountDownLatch finished = new CountDownLatch(1);
  final CountDownLatch interrupted = new CountDownLatch(1);

  @AfterEach
  void release() {
    gate.release(10);
  }

  McpHttpServer instance(McpPostgres pg) {
    McpServer server = McpServer.builder().name("tasks").version("1.0.0")
        .tasks(TaskOptions.builder().store(pg.taskStore()).ttl(Duration.ofMinutes(5))
            .pollInterval(Duration.ofMillis(100)).build())
        .tool(ToolDefinition.builder("gated").description("Finishes when the test releases it")
            .taskSupport(TaskSupport.OPTIONAL)
            .handler((args, ctx) -> {
              started.countDown();
              try {
                gate.acquire();
                return CallToolResult.text("passed");
              } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
              } finally {
                finished.countDown();
              }
            }).build())
        .build();
    return McpHttpServer.builder().port(0).endpoint(McpEndpoint.at("/mcp", server)).start();
  }

  JsonNode send(URI url, String method, String name, String params) throws Exception {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":{"
        + params + ",\"_meta\":" + META + "}}";
    HttpResponse<String> r = http.send(HttpRequest.newBuilder(url)
        .timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .header("MCP-Protocol-Version", "2026-07-28")
        .header("Mcp-Method", method).header("Mcp-Name", name)
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
    String text = r.body();
    int data = text.lastIndexOf("data: ");
    return McpJson.mapper().readTree(data < 0 ? text : text.substring(data + 6).strip());
  }

  String start(URI url) throws Exception {
    JsonNode handle = send(url, "tools/call", "gated", "\"name\":\"gated\",\"arguments\":{}")
        .path("result");
    assertThat(handle.path("resultType").asText()).isEqualTo("task");
    return handle.path("taskId").asText();
  }

  JsonNode get(URI url, String id) throws Exception {
    return send(url, "tasks/get", id, "\"taskId\":\"" + id + "\"").path("result");
  }

  JsonNode await(URI url, String id, String status) throws Exception {
    JsonNode t = null;
    for (int i = 0; i < 400; i++) {
      t = get(url, id);
      if (status.equals(t.path("status").asText())) {
        return t;
      }
      Thread.sleep(25); // polling real servers until the handler's thread moves on
    }
    throw new AssertionError("task never became " + status + ": " + t);
  }

  @Test
  void aTaskStartedOnOneInstanceIsPolledAndItsResultReadThroughTheOther() throws Exception {
    McpPostgres pg = TestDatabase.freshStores("tasks_shared");
    try (McpHttpServer a = instance(pg);
        McpHttpServer b = instance(TestDatabase.storesOn(pg.schema()))) {
      String id = start(a.url());
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

      assertThat(get(b.url(), id).path("status").asText()).isEqualTo("working");
      gate.release();
      JsonNode done = await(b.url(), id, "completed");

      assertThat(done.path("result").path("content").get(0).path("text").asText())
          .isEqualTo("passed");
      assertThat(get(a.url(), id)).isEqualTo(done);
    }
  }

  @Test
  void aTaskCancelledThroughTheOtherInstanceStaysCancelledWhenItsHandlerFinishes()
      throws Exception {
    McpPostgres pg = TestDatabase.freshStores("tasks_cancel");
    try (McpHttpServer a = instance(pg);
        McpHttpServer b = instance(TestDatabase.storesOn(pg.schema()))) {
      String id = start(a.url());
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

      JsonNode ack = send(b.url(), "tasks/cancel", id, "\"taskId\":\"" + id + "\"");
      assertThat(ack.path("result").path("resultType").asText()).isEqualTo("complete");
      assertThat(get(b.url(), id).path("status").asText()).isEqualTo("cancelled");

      gate.release(); // the handler lives in instance a, which has not heard of the cancel
      assertThat(finished.await(10, TimeUnit.SECONDS)).isTrue();
      JsonNode onA = await(a.url(), id, "cancelled");
      assertThat(onA.has("result")).isFalse();
      assertThat(get(b.url(), id)).isEqualTo(onA);
    }
  }

  @Test
  void theInstanceRunningATaskCancelledElsewhereSaysSoAndStopsItsHandler() throws Exception {
    McpPostgres pg = TestDatabase.freshStores("tasks_cancel_poll");
    try (McpHttpServer a = instance(pg);
        McpHttpServer b = instance(TestDatabase.storesOn(pg.schema()))) {
      String id = start(a.url());
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      send(b.url(), "tasks/cancel", id, "\"taskId\":\"" + id + "\"");

      JsonNode onA = get(a.url(), id); // the handler is still waiting on the gate here

      assertThat(onA.path("status").asText()).isEqualTo("cancelled");
      assertThat(interrupted.await(10, TimeUnit.SECONDS)).as("handler interrupted").isTrue();
      assertThat(get(b.url(), id)).isEqualTo(onA);
    }
  }
}
