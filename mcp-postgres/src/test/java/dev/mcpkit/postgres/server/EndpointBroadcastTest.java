package dev.mcpkit.postgres.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Elicitation.ElicitResult;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.core.schema.Tools.TaskSupport;
import dev.mcpkit.postgres.McpPostgres;
import dev.mcpkit.postgres.TestDatabase;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpOptions;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.TaskOptions;
import dev.mcpkit.server.ToolDefinition;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * 2026-07-28 requests across two instances on one database, through the PostgreSQL relay: a list
 * change made on one instance reaches a {@code subscriptions/listen} stream another holds, and the
 * answer to a task's pending input sent to the instance that does not run the task resumes it.
 */
@Timeout(60)
class EndpointBroadcastTest {
  /**
   * Reads a stream's lines on a thread of its own: a callback attached to an already completed
   * future would run on the test's thread, and reading an open stream there never returns.
   */
  private static final java.util.concurrent.Executor STREAM_READER = task -> {
    Thread t = new Thread(task, "stream-reader");
    t.setDaemon(true);
    t.start();
  };

  static final String META = "{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
      + "\"io.modelcontextprotocol/clientCapabilities\":{\"elicitation\":{},\"extensions\":"
      + "{\"io.modelcontextprotocol/tasks\":{}}}}";
  final HttpClient http = HttpClient.newHttpClient();
  final List<McpServer> servers = new ArrayList<>();
  final List<McpHttpServer> instances = new ArrayList<>();

  @AfterEach
  void stop() {
    instances.forEach(McpHttpServer::close);
  }

  void start(String prefix) {
    String schema = TestDatabase.freshStores(prefix).schema();
    for (int i = 0; i < 2; i++) {
      McpPostgres pg = TestDatabase.storesOn(schema);
      McpServer server = McpServer.builder().name("broadcast").version("1.0.0")
          .toolsCapability()
          .tasks(TaskOptions.builder().store(pg.taskStore()).ttl(Duration.ofMinutes(5))
              .pollInterval(Duration.ofMillis(100)).build())
          .tool(ToolDefinition.builder("confirm").description("Asks before it goes on")
              .taskSupport(TaskSupport.OPTIONAL)
              .handler((args, ctx) -> {
                ElicitResult r = ctx.elicit("go", Cluster.form());
                return CallToolResult.text("answered " + r.content().get("name").asText());
              }).build())
          .build();
      servers.add(server);
      instances.add(McpHttpServer.builder().port(0)
          .options(McpHttpOptions.builder().sessionStore(pg.sessionStore())
              .eventStore(pg.eventStore()).messageRelay(pg.messageRelay()).build())
          .endpoint(McpEndpoint.at("/mcp", server)).start());
    }
  }

  HttpRequest post(URI url, String method, String name, String params) {
    return HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .header("MCP-Protocol-Version", "2026-07-28")
        .header("Mcp-Method", method).header("Mcp-Name", name)
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""
            + method + "\",\"params\":{" + params + ",\"_meta\":" + META + "}}")).build();
  }

  JsonNode send(URI url, String method, String name, String params) throws Exception {
    String text = http.send(post(url, method, name, params),
        HttpResponse.BodyHandlers.ofString()).body();
    int data = text.lastIndexOf("data: ");
    return McpJson.mapper().readTree(data < 0 ? text : text.substring(data + 6).strip());
  }

  JsonNode await(URI url, String id, String status) throws Exception {
    JsonNode t = null;
    for (int i = 0; i < 200; i++) { // at most 200 polls, about 5 s
      t = send(url, "tasks/get", id, "\"taskId\":\"" + id + "\"").path("result");
      if (status.equals(t.path("status").asText())) {
        return t;
      }
      Thread.sleep(25); // polling real servers until the handler's thread moves on
    }
    throw new AssertionError("task never became " + status + ": " + t);
  }

  @Test
  void aToolAddedOnOneInstanceIsAnnouncedOnAListenStreamHeldByAnother() throws Exception {
    start("broadcast_listen");
    BlockingQueue<JsonNode> listen = new LinkedBlockingQueue<>();
    http.sendAsync(HttpRequest.newBuilder(instances.get(1).url())
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .header("MCP-Protocol-Version", "2026-07-28")
        .header("Mcp-Method", "subscriptions/listen")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":\"sub-1\","
            + "\"method\":\"subscriptions/listen\",\"params\":{\"notifications\":"
            + "{\"toolsListChanged\":true},\"_meta\":" + META + "}}")).build(),
        HttpResponse.BodyHandlers.ofLines()).thenAcceptAsync(r -> {
          try (Stream<String> lines = r.body()) {
            lines.filter(l -> l.startsWith("data:") && l.length() > 5)
                .forEach(l -> listen.add(Cluster.json(l.substring(5).trim())));
          }
        }, STREAM_READER);
    assertThat(listen.poll(15, TimeUnit.SECONDS).path("method").asText())
        .isEqualTo("notifications/subscriptions/acknowledged");

    servers.get(0).addTool(ToolDefinition.builder("late").description("Added on instance one")
        .handler((args, ctx) -> CallToolResult.text("late")).build());

    JsonNode changed = listen.poll(15, TimeUnit.SECONDS);
    assertThat(changed).as("list_changed on the other instance's listen stream").isNotNull();
    assertThat(changed.path("method").asText()).isEqualTo("notifications/tools/list_changed");
    assertThat(changed.path("params").path("_meta")
        .path("io.modelcontextprotocol/subscriptionId").asText()).isEqualTo("sub-1");
  }

  @Test
  void anAnswerToATasksInputSentToTheOtherInstanceResumesTheTask() throws Exception {
    start("broadcast_task");
    URI a = instances.get(0).url();
    URI b = instances.get(1).url();
    JsonNode handle = send(a, "tools/call", "confirm", "\"name\":\"confirm\",\"arguments\":{}")
        .path("result");
    assertThat(handle.path("resultType").asText()).isEqualTo("task");
    String id = handle.path("taskId").asText();
    JsonNode waiting = await(b, id, "input_required");
    assertThat(waiting.path("inputRequests").has("go")).isTrue();

    JsonNode ack = send(b, "tasks/update", id, "\"taskId\":\"" + id + "\",\"inputResponses\":"
        + "{\"go\":{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}}}");
    assertThat(ack.has("error")).as(ack.toString()).isFalse();

    JsonNode done = await(b, id, "completed");
    assertThat(done.path("result").path("content").get(0).path("text").asText())
        .isEqualTo("answered Ada");
  }
}
