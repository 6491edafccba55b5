package dev.mcpkit.postgres.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.server.ToolDefinition;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Several instances on one database act as one for a client whose requests land on different
 * instances: what one instance must send on a stream another holds reaches it, through the
 * PostgreSQL relay.
 */
@Timeout(90)
class ClusterDeliveryTest {
  /**
   * Reads a stream's lines on a thread of its own: a callback attached to an already completed
   * future would run on the test's thread, and reading an open stream there never returns.
   */
  private static final java.util.concurrent.Executor STREAM_READER = task -> {
    Thread t = new Thread(task, "stream-reader");
    t.setDaemon(true);
    t.start();
  };

  final HttpClient http = HttpClient.newHttpClient();
  String session;

  HttpRequest.Builder request(URI url) {
    HttpRequest.Builder b = HttpRequest.newBuilder(url)
        .header("Accept", "application/json, text/event-stream")
        .header("MCP-Protocol-Version", "2025-06-18");
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    return b;
  }

  HttpResponse<String> post(URI url, String body) throws Exception {
    return http.send(request(url).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The JSON-RPC messages of an SSE response, as they arrive. */
  BlockingQueue<JsonNode> stream(HttpRequest request) {
    BlockingQueue<JsonNode> q = new LinkedBlockingQueue<>();
    http.sendAsync(request, HttpResponse.BodyHandlers.ofLines()).thenAcceptAsync(r -> {
      try (Stream<String> lines = r.body()) {
        lines.filter(l -> l.startsWith("data:") && l.length() > 5)
            .forEach(l -> q.add(Cluster.json(l.substring(5).trim())));
      }
    }, STREAM_READER);
    return q;
  }

  static JsonNode next(BlockingQueue<JsonNode> q, String what) throws InterruptedException {
    JsonNode m = q.poll(15, TimeUnit.SECONDS);
    assertThat(m).as(what + " within 15 s").isNotNull();
    return m;
  }

  void open(URI url) throws Exception {
    HttpResponse<String> init = post(url, """
        {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
         "capabilities":{"elicitation":{}},"clientInfo":{"name":"t","version":"1"}}}""");
    session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    assertThat(post(url, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")
        .statusCode()).isEqualTo(202);
  }

  @Test
  void aListChangedOnOneInstanceReachesTheGetStreamHeldByAnother() throws Exception {
    try (Cluster cluster = new Cluster("cluster_list", 2)) {
      URI a = cluster.instances.get(0).url();
      URI b = cluster.instances.get(1).url();
      open(a);
      BlockingQueue<JsonNode> get = stream(request(b).GET().build());
      assertThat(post(a, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}").statusCode())
          .isEqualTo(200);
      awaitOpenStream(cluster.instances.get(1));

      cluster.servers.get(0).addTool(ToolDefinition.builder("late").description("Added later")
          .handler((args, ctx) -> CallToolResult.text("late")).build());

      assertThat(next(get, "list_changed on the GET stream").path("method").asText())
          .isEqualTo("notifications/tools/list_changed");
    }
  }

  @Test
  void anElicitationRaisedOnOneInstanceIsAnsweredThroughAnotherAndCompletesTheCall()
      throws Exception {
    try (Cluster cluster = new Cluster("cluster_elicit", 3)) {
      URI a = cluster.instances.get(0).url();
      URI b = cluster.instances.get(1).url();
      open(cluster.instances.get(2).url());
      BlockingQueue<JsonNode> call = stream(request(a).header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":5,\"method\":"
              + "\"tools/call\",\"params\":{\"name\":\"ask\",\"arguments\":{}}}")).build());

      JsonNode asked = next(call, "the elicitation request");
      assertThat(asked.path("method").asText()).isEqualTo("elicitation/create");
      HttpResponse<String> answer = post(b, "{\"jsonrpc\":\"2.0\",\"id\":" + asked.path("id")
          + ",\"result\":{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}}}");
      assertThat(answer.statusCode()).isEqualTo(202);

      JsonNode result = next(call, "the tool's result");
      assertThat(result.path("id").asInt()).isEqualTo(5);
      assertThat(result.path("result").path("content").get(0).path("text").asText())
          .isEqualTo("hello Ada");
    }
  }

  @Test
  void aQuestionRaisedWhereNoStreamOfTheSessionIsHeldGoesToTheGetStreamAnotherInstanceHolds()
      throws Exception {
    try (Cluster cluster = new Cluster("cluster_ask_later", 3)) {
      URI a = cluster.instances.get(0).url();
      URI b = cluster.instances.get(1).url();
      URI c = cluster.instances.get(2).url();
      open(c);
      BlockingQueue<JsonNode> get = stream(request(b).GET().build());
      awaitOpenStream(cluster.instances.get(1));
      // the call is answered at once; its handler's thread asks afterwards, on instance a
      assertThat(post(a, "{\"jsonrpc\":\"2.0\",\"id\":6,\"method\":\"tools/call\","
          + "\"params\":{\"name\":\"askLater\",\"arguments\":{}}}").body()).contains("asking");
      cluster.askNow.countDown();

      JsonNode asked = next(get, "the question on the other instance's GET stream");
      assertThat(asked.path("method").asText()).isEqualTo("elicitation/create");
      assertThat(post(c, "{\"jsonrpc\":\"2.0\",\"id\":" + asked.path("id") + ",\"result\":"
          + "{\"action\":\"accept\",\"content\":{\"name\":\"Grace\"}}}").statusCode())
          .isEqualTo(202);

      assertThat(cluster.laterAnswers.poll(15, TimeUnit.SECONDS)).isEqualTo("Grace");
    }
  }

  @Test
  void aCancellationSentToOneInstanceInterruptsTheHandlerRunningOnAnother() throws Exception {
    try (Cluster cluster = new Cluster("cluster_cancel", 2)) {
      URI a = cluster.instances.get(0).url();
      URI b = cluster.instances.get(1).url();
      open(a);
      CompletableFuture<HttpResponse<String>> running = http.sendAsync(request(a)
          .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(
              "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"tools/call\",\"params\":{\"name\":"
                  + "\"block\",\"arguments\":{}}}")).build(), HttpResponse.BodyHandlers.ofString());
      assertThat(cluster.blockStarted.await(15, TimeUnit.SECONDS)).isTrue();

      assertThat(post(b, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\","
          + "\"params\":{\"requestId\":7,\"reason\":\"user stopped it\"}}").statusCode())
          .isEqualTo(202);

      assertThat(cluster.blockInterrupted.await(15, TimeUnit.SECONDS))
          .as("the handler on the other instance was interrupted").isTrue();
      running.cancel(true);
    }
  }

  /** Waits (at most 10 s) until {@code server} holds an open event stream. */
  static void awaitOpenStream(dev.mcpkit.server.McpHttpServer server) throws InterruptedException {
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (server.openStreamCount() == 0) {
      assertThat(System.nanoTime()).as("the GET stream is open").isLessThan(deadline);
      Thread.sleep(5); // polling the server's count of open streams
    }
  }
}
