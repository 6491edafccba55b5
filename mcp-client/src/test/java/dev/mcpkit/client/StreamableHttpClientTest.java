package dev.mcpkit.client;

import dev.mcpkit.core.schema.Elicitation.ElicitResult;
import dev.mcpkit.core.schema.Roots.ListRootsResult;
import dev.mcpkit.core.schema.Roots.Root;
import dev.mcpkit.core.schema.Tools.ListToolsResult;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.core.schema.Tools.CallToolParams;
import static dev.mcpkit.client.ResultText.text;
import static dev.mcpkit.client.ResultText.names;
import static dev.mcpkit.client.ScriptedServer.data;
import static dev.mcpkit.client.ScriptedServer.json;
import static dev.mcpkit.client.ScriptedServer.response;
import static dev.mcpkit.client.ScriptedServer.sse;
import static dev.mcpkit.client.ScriptedServer.toolResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.client.transport.HttpStatusException;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.McpTimeoutException;
import dev.mcpkit.core.engine.RequestOptions;
import dev.mcpkit.core.json.McpJson;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class StreamableHttpClientTest {
  private ScriptedServer server;
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start() throws IOException {
    server = new ScriptedServer();
  }

  @AfterEach
  void stop() {
    release.countDown();
    server.close();
  }

  private McpClient connect() throws IOException {
    return McpClient.builder().transport(ClientTransport.streamableHttp(server.url()))
        .requestTimeout(Duration.ofSeconds(5)).connect();
  }

  private static ObjectNode tools(String... names) {
    ObjectNode r = McpJson.object();
    r.putArray("tools");
    for (String n : names) {
      r.withArray("tools").addObject().put("name", n).putObject("inputSchema").put("type", "object");
    }
    return r;
  }

  @Test
  void fallsBackFromDiscoverToInitializeAndSendsSessionAndVersionOnEveryRequest()
      throws IOException {
    server.on("tools/list", e -> json(e, tools("echo")));
    try (McpClient client = connect()) {
      assertThat(client.protocolVersion().id()).isEqualTo("2025-11-25");
      assertThat(client.sessionId()).isEqualTo("session-1");
      assertThat(client.serverInfo().name()).isEqualTo("scripted");
      assertThat(client.listTools().tools()).hasSize(1);
    }
    ScriptedServer.Exchange init = server.posts("initialize").get(0);
    assertThat(init.body().at("/params/clientInfo/name").asText()).isEqualTo("mcpkit-client");
    assertThat(init.header("Accept")).contains("application/json").contains("text/event-stream");
    ScriptedServer.Exchange initialized = server.posts("notifications/initialized").get(0);
    ScriptedServer.Exchange list = server.posts("tools/list").get(0);
    for (ScriptedServer.Exchange e : List.of(initialized, list)) {
      assertThat(e.header("Mcp-Session-Id")).isEqualTo("session-1");
      assertThat(e.header("MCP-Protocol-Version")).isEqualTo("2025-11-25");
    }
    assertThat(server.requests("DELETE")).hasSize(1);
    assertThat(server.requests("DELETE").get(0).header("Mcp-Session-Id")).isEqualTo("session-1");
  }

  @Test
  void listToolsWalksEveryPageAndTheCursorOverloadReturnsOne() throws IOException {
    server.on("tools/list", e -> {
      String cursor = e.body().at("/params/cursor").asText(null);
      ObjectNode page = tools(cursor == null ? "a" : cursor.equals("p2") ? "b" : "c");
      if (cursor == null) {
        page.put("nextCursor", "p2");
      } else if (cursor.equals("p2")) {
        page.put("nextCursor", "p3");
      }
      return json(e, page);
    });
    try (McpClient client = connect()) {
      assertThat(names(client.listTools())).containsExactly("a", "b", "c");
      ListToolsResult second = client.listTools("p2");
      assertThat(names(second)).containsExactly("b");
      assertThat(second.nextCursor()).isEqualTo("p3");
    }
  }

  @Test
  void notFoundOnKnownSessionReinitializesOnceAndRetries() throws IOException {
    AtomicInteger calls = new AtomicInteger();
    server.on("tools/call", e -> {
      if (calls.getAndIncrement() == 0) {
        return new MockResponse.Builder().code(404).body("session gone").build();
      }
      return json(e, toolResult("ok", false));
    });
    try (McpClient client = connect()) {
      server.sessionId = "session-2";
      CallToolResult result = client.callTool("echo", Map.of("x", 1));
      assertThat(text(result)).isEqualTo("ok");
      assertThat(client.sessionId()).isEqualTo("session-2");
    }
    assertThat(server.posts("initialize")).hasSize(2);
    List<ScriptedServer.Exchange> toolCalls = server.posts("tools/call");
    assertThat(toolCalls).hasSize(2);
    assertThat(toolCalls.get(1).header("Mcp-Session-Id")).isEqualTo("session-2");
  }

  @Test
  void serverErrorIsAnIoExceptionNamingTheUrlAndStatus() throws IOException {
    server.on("tools/list", e -> new MockResponse.Builder().code(503).body("overloaded").build());
    try (McpClient client = connect()) {
      assertThatThrownBy(client::listTools)
          .isInstanceOf(IOException.class)
          .hasMessageContaining(server.url())
          .hasMessageContaining("HTTP 503")
          .hasMessageContaining("overloaded")
          .satisfies(t -> assertThat(HttpStatusException.find(t).statusCode()).isEqualTo(503));
    }
  }

  @Test
  void unauthorizedIsAnHttpFailureCarryingTheChallengeEvenWithAJsonRpcBody() throws IOException {
    server.on("tools/list", e -> new MockResponse.Builder().code(401)
        .addHeader("WWW-Authenticate", "Bearer resource_metadata=\"http://x/prm\"")
        .addHeader("Content-Type", "application/json")
        .body("{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":-32001,\"message\":\"no\"}}")
        .build());
    try (McpClient client = connect()) {
      assertThatThrownBy(client::listTools)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("HTTP 401")
          .hasMessageContaining("WWW-Authenticate: Bearer resource_metadata")
          .satisfies(t -> assertThat(HttpStatusException.find(t).statusCode()).isEqualTo(401));
    }
  }

  @Test
  void authInterceptorSeesEveryRequestAndStaticHeadersAreSent() throws IOException {
    server.on("tools/list", e -> json(e, tools()));
    List<String> seen = new CopyOnWriteArrayList<>();
    try (McpClient client = McpClient.builder()
        .transport(ClientTransport.streamableHttp(server.url()))
        .header("X-Api-Key", "k1")
        .addHttpInterceptor(chain -> {
          seen.add(chain.request().method());
          return chain.proceed(chain.request().newBuilder()
              .header("Authorization", "Bearer t1").build());
        }).connect()) {
      client.listTools();
    }
    assertThat(seen).contains("POST", "DELETE");
    for (ScriptedServer.Exchange e : server.exchanges) {
      assertThat(e.header("Authorization")).isEqualTo("Bearer t1");
      assertThat(e.header("X-Api-Key")).isEqualTo("k1");
    }
  }

  @Test
  void malformedJsonIsAClearIoExceptionNotAHang() throws IOException {
    server.on("tools/list", e -> new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "application/json").body("{\"jsonrpc\": \"2.0\", oops").build());
    try (McpClient client = connect()) {
      assertThatThrownBy(client::listTools)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("malformed JSON-RPC")
          .hasMessageContaining("tools/list");
    }
  }

  @Test
  void wrongContentTypeIsAnIoExceptionSayingWhatWasExpected() throws IOException {
    server.on("tools/list", e -> new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "text/html").body("<html>login</html>").build());
    try (McpClient client = connect()) {
      assertThatThrownBy(client::listTools)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("text/html")
          .hasMessageContaining("expected application/json or text/event-stream");
    }
  }

  @Test
  void jsonRpcErrorIsAProtocolExceptionWithCodeMessageAndData() throws IOException {
    server.on("tools/call", e -> {
      ObjectNode r = McpJson.object();
      r.put("jsonrpc", "2.0");
      r.set("id", e.id());
      ObjectNode err = r.putObject("error");
      err.put("code", -32602).put("message", "Unknown tool: nope");
      err.putObject("data").put("tool", "nope");
      return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
          .body(McpJson.write(r)).build();
    });
    try (McpClient client = connect()) {
      assertThatThrownBy(() -> client.callTool("nope", Map.of()))
          .isInstanceOfSatisfying(McpProtocolException.class, e -> {
            assertThat(e.code()).isEqualTo(-32602);
            assertThat(e.error().message()).isEqualTo("Unknown tool: nope");
            assertThat(e.error().data().path("tool").asText()).isEqualTo("nope");
          });
    }
  }

  @Test
  void toolFailureIsAResultWithIsErrorNotAnException() throws IOException {
    server.on("tools/call", e -> json(e, toolResult("disk full", true)));
    try (McpClient client = connect()) {
      CallToolResult result = client.callTool("write", Map.of());
      assertThat(result.isError()).isTrue();
      assertThat(text(result)).isEqualTo("disk full");
    }
  }

  @Test
  void slowServerTimesOutAndTheRequestIsCancelledAtTheServer() throws Exception {
    CountDownLatch cancelled = new CountDownLatch(1);
    server.on("tools/call", e -> {
      awaitQuietly(release);
      return json(e, toolResult("late", false));
    });
    server.on("notifications/cancelled", e -> {
      cancelled.countDown();
      return new MockResponse.Builder().code(202).build();
    });
    try (McpClient client = connect()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> client.callTool(new CallToolParams("slow", McpJson.object()),
          RequestOptions.timeout(Duration.ofMillis(300))))
          .isInstanceOf(McpTimeoutException.class)
          .hasMessageContaining("tools/call timed out");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
      assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
      JsonNode sent = server.posts("notifications/cancelled").get(0).body();
      assertThat(sent.at("/params/requestId")).isEqualTo(server.posts("tools/call").get(0).id());
    }
  }

  @Test
  void cancellingTheFutureCancelsTheRequestAtTheServer() throws Exception {
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch cancelled = new CountDownLatch(1);
    server.on("tools/call", e -> {
      started.countDown();
      awaitQuietly(release);
      return json(e, toolResult("late", false));
    });
    server.on("notifications/cancelled", e -> {
      cancelled.countDown();
      return new MockResponse.Builder().code(202).build();
    });
    try (McpClient client = connect()) {
      var future = client.callToolAsync(new CallToolParams("slow", McpJson.object()),
          RequestOptions.DEFAULT);
      assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();
      future.cancel(true);
      assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void sseAnswerDeliversProgressAndTheResult() throws IOException {
    server.on("tools/call", e -> {
      ObjectNode progress = McpJson.object();
      progress.put("jsonrpc", "2.0").put("method", "notifications/progress");
      ObjectNode p = progress.putObject("params");
      p.set("progressToken", e.body().at("/params/_meta/progressToken"));
      p.put("progress", 1).put("total", 2).put("message", "half");
      return sse(data(progress), "id: 7\n" + data(response(e, toolResult("done", false))));
    });
    List<String> seen = new CopyOnWriteArrayList<>();
    try (McpClient client = connect()) {
      CallToolResult result = client.callTool(new CallToolParams("work", McpJson.object()),
          RequestOptions.DEFAULT.withProgress((progress, total, message) -> seen.add(progress + "/"
              + total + " " + message), true));
      assertThat(text(result)).isEqualTo("done");
    }
    assertThat(seen).containsExactly("1.0/2.0 half");
  }

  @Test
  void droppedSseStreamIsResumedWithLastEventIdAfterTheRetryDelay() throws IOException {
    server.on("tools/call", e -> sse("id: ev-1\nretry: 50\ndata: "));
    server.onGet = e -> {
      if (e.header("Last-Event-ID") == null) {
        return new MockResponse.Builder().code(405).build();
      }
      JsonNode call = server.posts("tools/call").get(0).body();
      ObjectNode r = McpJson.object();
      r.put("jsonrpc", "2.0");
      r.set("id", call.get("id"));
      r.set("result", toolResult("resumed", false));
      return sse("id: ev-2\n" + data(r));
    };
    try (McpClient client = connect()) {
      CallToolResult result = client.callTool("flaky", McpJson.object());
      assertThat(text(result)).isEqualTo("resumed");
    }
    ScriptedServer.Exchange resume = server.requests("GET").stream()
        .filter(e -> e.header("Last-Event-ID") != null).findFirst().orElseThrow();
    assertThat(resume.header("Last-Event-ID")).isEqualTo("ev-1");
    assertThat(resume.header("Mcp-Session-Id")).isEqualTo("session-1");
  }

  @Test
  void sseStreamEndingWithoutEventIdsFailsTheRequestAtOnce() throws IOException {
    server.on("tools/call", e -> sse(": just a comment"));
    try (McpClient client = connect()) {
      assertThatThrownBy(() -> client.callTool("x", McpJson.object()))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("ended before the response");
    }
  }

  @Test
  void serverRequestOnTheStreamIsAnsweredByTheHandler() throws Exception {
    server.on("tools/call", e -> {
      ObjectNode ask = McpJson.object();
      ask.put("jsonrpc", "2.0").put("id", "srv-1").put("method", "elicitation/create");
      ask.putObject("params").put("message", "name?").putObject("requestedSchema")
          .put("type", "object").putObject("properties").putObject("name").put("type", "string");
      // the result follows once the client has answered
      return sse(data(ask), data(response(e, toolResult("thanks", false))));
    });
    CountDownLatch answered = new CountDownLatch(1);
    List<JsonNode> answers = new CopyOnWriteArrayList<>();
    server.onClientResponse = e -> {
      answers.add(e.body());
      answered.countDown();
    };
    try (McpClient client = McpClient.builder()
        .transport(ClientTransport.streamableHttp(server.url()))
        .elicitation(params -> ElicitResult.accept(Map.of("name",
            McpJson.mapper().getNodeFactory().textNode("Ada")))).connect()) {
      client.callTool("ask", McpJson.object());
      assertThat(answered.await(5, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(answers.get(0).path("id").asText()).isEqualTo("srv-1");
    assertThat(answers.get(0).at("/result/content/name").asText()).isEqualTo("Ada");
    assertThat(server.posts("initialize").get(0).body().at("/params/capabilities/elicitation/form")
        .isObject()).isTrue();
  }

  @Test
  void theGetStreamCarriesServerNotificationsAndRequestsAndSendsTheSessionHeaders()
      throws Exception {
    EventStreamBody events = new EventStreamBody();
    ObjectNode changed = McpJson.object();
    changed.put("jsonrpc", "2.0").put("method", "notifications/tools/list_changed");
    events.push(data(changed));
    ObjectNode ask = McpJson.object();
    ask.put("jsonrpc", "2.0").put("id", "srv-9").put("method", "roots/list");
    events.push(data(ask));
    server.onGet = e -> new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "text/event-stream").body(events).build();
    CountDownLatch toolsChanged = new CountDownLatch(1);
    CountDownLatch answered = new CountDownLatch(1);
    List<JsonNode> answers = new CopyOnWriteArrayList<>();
    server.onClientResponse = e -> {
      answers.add(e.body());
      answered.countDown();
    };
    try (McpClient client = McpClient.builder()
        .transport(ClientTransport.streamableHttp(server.url()))
        .roots(() -> new ListRootsResult(List.of(new Root("file:///repo", null, null, null))))
        .listener(new ClientListener() {
          @Override
          public void onToolListChanged() {
            toolsChanged.countDown();
          }
        }).connect()) {
      assertThat(toolsChanged.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(answered.await(5, TimeUnit.SECONDS)).isTrue();
    } finally {
      events.end();
    }
    assertThat(answers.get(0).path("id").asText()).isEqualTo("srv-9");
    assertThat(answers.get(0).at("/result/roots/0/uri").asText()).isEqualTo("file:///repo");
    ScriptedServer.Exchange get = server.requests("GET").get(0);
    assertThat(get.header("Accept")).isEqualTo("text/event-stream");
    assertThat(get.header("Mcp-Session-Id")).isEqualTo("session-1");
    assertThat(get.header("MCP-Protocol-Version")).isEqualTo("2025-11-25");
  }

  @Test
  void aDroppedGetStreamIsReopenedFromItsLastEventId() throws Exception {
    CountDownLatch reopened = new CountDownLatch(1);
    server.onGet = e -> {
      if (e.header("Last-Event-ID") == null) {
        ObjectNode log = McpJson.object();
        log.put("jsonrpc", "2.0").put("method", "notifications/message");
        log.putObject("params").put("level", "info").put("data", "hello");
        return sse("id: g-1\nretry: 20\n" + data(log));
      }
      reopened.countDown();
      return new MockResponse.Builder().code(405).build();
    };
    try (McpClient client = connect()) {
      assertThat(reopened.await(5, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(server.requests("GET")).extracting(e -> e.header("Last-Event-ID"))
        .containsExactly(null, "g-1");
  }

  @Test
  void aNewSessionGetsItsOwnGetStreamAndTheOldOneIsNotResumed() throws Exception {
    EventStreamBody old = new EventStreamBody();
    old.push("id: old-1\nretry: 10\ndata: ");
    CountDownLatch newStream = new CountDownLatch(1);
    CountDownLatch oldResumed = new CountDownLatch(1);
    server.onGet = e -> {
      if ("old-1".equals(e.header("Last-Event-ID"))) {
        oldResumed.countDown();
        return new MockResponse.Builder().code(405).build();
      }
      if ("session-2".equals(e.header("Mcp-Session-Id"))) {
        newStream.countDown();
        return new MockResponse.Builder().code(405).build();
      }
      return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
          .body(old).onResponseEnd(new SocketEffect.CloseSocket(true, false, false)).build();
    };
    AtomicInteger calls = new AtomicInteger();
    server.on("tools/call", e -> calls.getAndIncrement() == 0
        ? new MockResponse.Builder().code(404).build() : json(e, toolResult("ok", false)));
    try (McpClient client = connect()) {
      server.sessionId = "session-2";
      assertThat(text(client.callTool("x", Map.of()))).isEqualTo("ok");
      assertThat(newStream.await(5, TimeUnit.SECONDS)).isTrue();
      old.end(); // the server drops the old session's stream; the client must not resume it
      // a resumption would come within the stream's 10 ms retry; allow far more
      assertThat(oldResumed.await(1, TimeUnit.SECONDS)).isFalse();
    } finally {
      old.end();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(30, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
