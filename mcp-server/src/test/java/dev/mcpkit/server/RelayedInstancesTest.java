package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.server.spi.EventStore;
import dev.mcpkit.server.spi.MessageRelay;
import dev.mcpkit.server.spi.SessionStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two servers in one JVM sharing a session store, an event store and the in-memory relay act as
 * one: a list change on one reaches the GET stream the other holds, and relayed messages that are
 * not JSON-RPC are dropped without stopping the ones after them.
 */
@Timeout(60)
class RelayedInstancesTest {
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
  final MessageRelay relay = MessageRelay.inMemory();
  final SessionStore sessions = SessionStore.inMemory();
  final EventStore events = EventStore.inMemory(100);
  McpServer serverA;
  McpHttpServer a;
  McpHttpServer b;
  String session;

  McpHttpServer instance(McpServer server) {
    return McpHttpServer.builder().port(0).options(McpHttpOptions.builder().sessionStore(sessions)
        .eventStore(events).messageRelay(relay).build())
        .endpoint(McpEndpoint.at("/mcp", server)).start();
  }

  static McpServer server() {
    return McpServer.builder().name("twin").version("1.0.0")
        .tool(ToolDefinition.builder("echo").description("Echoes")
            .handler((args, ctx) -> CallToolResult.text("echo")).build()).build();
  }

  @BeforeEach
  void start() throws Exception {
    serverA = server();
    a = instance(serverA);
    b = instance(server());
    HttpResponse<String> init = post(a.url(), """
        {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
         "capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""");
    session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    post(a.url(), "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
  }

  @AfterEach
  void stop() {
    a.close();
    b.close();
  }

  HttpRequest.Builder request(URI url) {
    return HttpRequest.newBuilder(url).header("Accept", "application/json, text/event-stream")
        .header("MCP-Protocol-Version", "2025-06-18").header("Mcp-Session-Id",
            session == null ? "none" : session);
  }

  HttpResponse<String> post(URI url, String body) throws Exception {
    HttpRequest.Builder r = session == null ? HttpRequest.newBuilder(url)
        .header("Accept", "application/json, text/event-stream") : request(url);
    return http.send(r.header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  BlockingQueue<JsonNode> getStream(URI url) throws Exception {
    BlockingQueue<JsonNode> q = new LinkedBlockingQueue<>();
    http.sendAsync(request(url).GET().build(), HttpResponse.BodyHandlers.ofLines())
        .thenAcceptAsync(r -> {
          try (Stream<String> lines = r.body()) {
            lines.filter(l -> l.startsWith("data:") && l.length() > 5).forEach(l -> {
              try {
                q.add(McpJson.mapper().readTree(l.substring(5).trim()));
              } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
              }
            });
          }
        }, STREAM_READER);
    assertThat(post(a.url(), "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}")
        .statusCode()).isEqualTo(200);
    McpHttpServer holder = url.equals(a.url()) ? a : b;
    long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(10);
    while (holder.openStreamCount() == 0) { // the GET stream opens on that instance
      assertThat(System.nanoTime()).as("the GET stream is open").isLessThan(deadline);
      Thread.sleep(5);
    }
    // counted open is not yet attached to the session: probe through the relay until a probe
    // arrives on the stream, then take every later probe off it (once attached, all arrive)
    int sent = 0;
    JsonNode arrived = null;
    while (arrived == null) {
      assertThat(System.nanoTime()).as("the GET stream takes relayed messages").isLessThan(deadline);
      relay.publish(new MessageRelay.Relayed("probe", session, true, "{\"jsonrpc\":\"2.0\","
          + "\"method\":\"notifications/message\",\"params\":{\"level\":\"info\",\"data\":"
          + sent++ + "}}"));
      arrived = q.poll(100, TimeUnit.MILLISECONDS);
    }
    while (arrived.path("params").path("data").asInt() < sent - 1) {
      arrived = q.poll(10, TimeUnit.SECONDS);
      assertThat(arrived).as("the probes after the first").isNotNull();
    }
    return q;
  }

  void addTool(String name) {
    serverA.addTool(ToolDefinition.builder(name).description("Added")
        .handler((args, ctx) -> CallToolResult.text(name)).build());
  }

  @Test
  void aListChangeOnOneServerReachesTheGetStreamTheOtherHolds() throws Exception {
    BlockingQueue<JsonNode> get = getStream(b.url());

    addTool("late");

    JsonNode m = get.poll(10, TimeUnit.SECONDS);
    assertThat(m).isNotNull();
    assertThat(m.path("method").asText()).isEqualTo("notifications/tools/list_changed");
  }

  @Test
  void relayedMessagesThatAreNotJsonRpcAreDroppedAndTheNextOneStillArrives() throws Exception {
    BlockingQueue<JsonNode> get = getStream(b.url());
    String logged;
    try (LogCapture logs = new LogCapture("dev.mcpkit")) {
      for (int i = 0; i < 50; i++) {
        relay.publish(new MessageRelay.Relayed("elsewhere", session, i % 2 == 0,
            "{not json" + i));
        relay.publish(new MessageRelay.Relayed("elsewhere", session, false,
            "{\"jsonrpc\":\"2.0\",\"id\":" + (1000 + i) + ",\"result\":{}}"));
      }
      logged = logs.text();
    }
    addTool("after-junk");

    JsonNode m = get.poll(10, TimeUnit.SECONDS);
    assertThat(m).isNotNull();
    assertThat(m.path("method").asText()).isEqualTo("notifications/tools/list_changed");
    assertThat(get.poll(300, TimeUnit.MILLISECONDS)).as("nothing else on the stream").isNull();
    assertThat(logged).doesNotContain("not json").contains("not JSON-RPC");
  }
}
