package dev.mcpkit.client;

import static dev.mcpkit.client.ResultText.text;
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
import dev.mcpkit.core.McpTimeoutException;
import dev.mcpkit.core.engine.RequestOptions;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Tools.CallToolParams;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import okhttp3.Request;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the client does when a Streamable HTTP server misbehaves: expired sessions, dropped and
 * stalled streams, answers that are not what was asked for. Every failure must reach the caller as
 * a clear exception well before its timeout, never as a hang.
 */
class HttpFailurePathsTest {
  /** Long enough that a call failing because of it would be noticed as a hang. */
  private static final Duration PATIENT = Duration.ofSeconds(20);

  private ScriptedServer server;
  private final List<EventStreamBody> streams = new CopyOnWriteArrayList<>();
  private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor();

  @BeforeEach
  void start() throws IOException {
    server = new ScriptedServer();
  }

  @AfterEach
  void stop() {
    pacer.shutdownNow();
    streams.forEach(EventStreamBody::end);
    server.close();
  }

  private McpClient connect(Duration timeout) throws IOException {
    return McpClient.builder().transport(ClientTransport.streamableHttp(server.url()))
        .requestTimeout(timeout).connect();
  }

  private EventStreamBody stream() {
    EventStreamBody stream = new EventStreamBody();
    streams.add(stream);
    return stream;
  }

  private static MockResponse streaming(EventStreamBody body) {
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
        .body(body).build();
  }

  private static ObjectNode progress(JsonNode token, int step) {
    ObjectNode n = McpJson.object();
    n.put("jsonrpc", "2.0").put("method", "notifications/progress");
    n.putObject("params").put("progress", step).set("progressToken", token);
    return n;
  }

  private static void assertQuick(long startNanos) {
    assertThat(Duration.ofNanos(System.nanoTime() - startNanos)).isLessThan(Duration.ofSeconds(5));
  }

  // ---------------------------------------------------------------- sessions

  @Test
  void aSecondNotFoundAfterReinitializingIsReportedInsteadOfLoopingForever() throws IOException {
    server.on("tools/call", e -> new MockResponse.Builder().code(404).body("who are you").build());
    try (McpClient client = connect(PATIENT)) {
      assertThatThrownBy(() -> client.callTool("echo", Map.of()))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("HTTP 404")
          .hasMessageContaining(server.url())
          .satisfies(t -> assertThat(HttpStatusException.find(t).statusCode()).isEqualTo(404));
    }
    assertThat(server.posts("initialize")).hasSize(2);
    assertThat(server.posts("tools/call")).hasSize(2);
  }

  @Test
  void concurrentCallsHittingAnExpiredSessionShareOneNewSessionAndNoneGoesOutWithout()
      throws Exception {
    CountDownLatch bothSent = new CountDownLatch(2);
    CountDownLatch reinitializing = new CountDownLatch(1);
    AtomicInteger refused = new AtomicInteger();
    server.on("tools/call", e -> {
      String session = e.header("Mcp-Session-Id");
      if ("session-1".equals(session)) {
        bothSent.countDown();
        awaitQuietly(bothSent);
        if (refused.getAndIncrement() == 1) {
          awaitQuietly(reinitializing); // the second refusal arrives while the first re-initializes
        }
        return new MockResponse.Builder().code(404).build();
      }
      if (session == null) {
        return new MockResponse.Builder().code(400).body("no session").build();
      }
      return json(e, toolResult("ok " + e.body().at("/params/name").asText(), false));
    });
    try (McpClient client = connect(PATIENT)) {
      server.on("initialize", e -> {
        reinitializing.countDown();
        // hold the new session back a little: the late refusal and a new call arrive meanwhile
        pause(Duration.ofMillis(300));
        return json(e, ScriptedServer.initializeResult("2025-11-25"), "session-2");
      });
      var first = client.callToolAsync(new CallToolParams("a", McpJson.object()), null);
      var second = client.callToolAsync(new CallToolParams("b", McpJson.object()), null);
      assertThat(reinitializing.await(10, TimeUnit.SECONDS)).isTrue();
      var third = client.callToolAsync(new CallToolParams("c", McpJson.object()), null);
      assertThat(text(first.get(10, TimeUnit.SECONDS))).isEqualTo("ok a");
      assertThat(text(second.get(10, TimeUnit.SECONDS))).isEqualTo("ok b");
      assertThat(text(third.get(10, TimeUnit.SECONDS))).isEqualTo("ok c");
    }
    assertThat(server.posts("initialize")).hasSize(2);
    assertThat(server.posts("tools/call")).extracting(e -> e.header("Mcp-Session-Id"))
        .doesNotContainNull();
  }

  // ---------------------------------------------------------------- answers that are not answers

  @Test
  void aJsonAnswerHoldingAnotherRequestsResponseFailsTheCallAtOnce() throws IOException {
    server.on("tools/list", e -> new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "application/json")
        .body("{\"jsonrpc\":\"2.0\",\"id\":424242,\"result\":{\"tools\":[]}}").build());
    try (McpClient client = connect(PATIENT)) {
      long start = System.nanoTime();
      assertThatThrownBy(client::listTools)
          .isInstanceOf(IOException.class)
          .isNotInstanceOf(McpTimeoutException.class)
          .hasMessageContaining(server.url())
          .hasMessageContaining("no response to request");
      assertQuick(start);
    }
  }

  @Test
  void anEmptyOkAnswerFailsTheCallAtOnce() throws IOException {
    server.on("tools/list", e -> new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "application/json").build());
    try (McpClient client = connect(PATIENT)) {
      long start = System.nanoTime();
      assertThatThrownBy(client::listTools)
          .isInstanceOf(IOException.class)
          .isNotInstanceOf(McpTimeoutException.class)
          .hasMessageContaining("empty body");
      assertQuick(start);
    }
  }

  @Test
  void aMalformedSseEventIsSkippedAndTheResponseAfterItStillArrives() throws IOException {
    server.on("tools/call", e -> sse("data: {\"jsonrpc\": oops", "data: [1, 2",
        data(response(e, toolResult("fine", false)))));
    try (McpClient client = connect(PATIENT)) {
      assertThat(text(client.callTool("x", Map.of()))).isEqualTo("fine");
    }
  }

  @Test
  void aStreamOfGarbageThatEndsFailsTheCallAtOnce() throws IOException {
    server.on("tools/call", e -> sse("data: <html>", "data: not json", "event: message"));
    try (McpClient client = connect(PATIENT)) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> client.callTool("x", Map.of()))
          .isInstanceOf(IOException.class)
          .isNotInstanceOf(McpTimeoutException.class)
          .hasMessageContaining("ended before the response");
      assertQuick(start);
    }
  }

  @Test
  void htmlFromAProxyWithAnErrorStatusNamesTheStatusAndTheBody() throws IOException {
    server.on("tools/list", e -> new MockResponse.Builder().code(502)
        .addHeader("Content-Type", "text/html").body("<h1>Bad Gateway</h1>").build());
    try (McpClient client = connect(PATIENT)) {
      assertThatThrownBy(client::listTools)
          .isInstanceOf(IOException.class)
          .satisfies(t -> assertThat(HttpStatusException.find(t).statusCode()).isEqualTo(502))
          .hasMessageContaining("POST tools/list to " + server.url())
          .hasMessageContaining("HTTP 502")
          .hasMessageContaining("Bad Gateway");
    }
  }

  // ---------------------------------------------------------------- dropped streams

  @Test
  void aConnectionDroppedMidStreamIsResumedFromTheLastEventId() throws IOException {
    StringBuilder body = new StringBuilder("id: ev-1\nretry: 10\ndata: \n\n");
    body.append(": ").append("x".repeat(4000)).append("\n\n");
    server.on("tools/call", e -> new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "text/event-stream").body(body.toString())
        .onResponseBody(new SocketEffect.CloseSocket(true, false, false)).build());
    server.onGet = e -> {
      if (e.header("Last-Event-ID") == null) {
        return new MockResponse.Builder().code(405).build();
      }
      return sse("id: ev-2\n" + data(response(server.posts("tools/call").get(0),
          toolResult("after the drop", false))));
    };
    try (McpClient client = connect(PATIENT)) {
      assertThat(text(client.callTool("x", Map.of()))).isEqualTo("after the drop");
    }
    assertThat(server.requests("GET")).extracting(e -> e.header("Last-Event-ID"))
        .contains("ev-1");
  }

  @Test
  void resumptionWaitsTheRetryDelayTheServerAsked() throws IOException {
    server.on("tools/call", e -> sse("id: ev-1\nretry: 600\ndata: "));
    server.onGet = e -> e.header("Last-Event-ID") == null
        ? new MockResponse.Builder().code(405).build()
        : sse(data(response(server.posts("tools/call").get(0), toolResult("later", false))));
    try (McpClient client = connect(PATIENT)) {
      assertThat(text(client.callTool("x", Map.of()))).isEqualTo("later");
    }
    ScriptedServer.Exchange post = server.posts("tools/call").get(0);
    ScriptedServer.Exchange resume = server.requests("GET").stream()
        .filter(e -> e.header("Last-Event-ID") != null).findFirst().orElseThrow();
    assertThat(Duration.ofNanos(resume.nanos() - post.nanos()))
        .isGreaterThanOrEqualTo(Duration.ofMillis(600));
  }

  @Test
  void aRefusedResumptionFailsTheCallAtOnceNamingTheUrlAndStatus() throws IOException {
    server.on("tools/call", e -> sse("id: ev-1\nretry: 10\ndata: "));
    server.onGet = e -> e.header("Last-Event-ID") == null
        ? new MockResponse.Builder().code(405).build()
        : new MockResponse.Builder().code(404).body("stream gone").build();
    try (McpClient client = connect(PATIENT)) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> client.callTool("x", Map.of()))
          .isInstanceOf(IOException.class)
          .isNotInstanceOf(McpTimeoutException.class)
          .satisfies(t -> assertThat(HttpStatusException.find(t).statusCode()).isEqualTo(404))
          .hasMessageContaining("GET " + server.url())
          .hasMessageContaining("resume the stream of tools/call after event ev-1")
          .hasMessageContaining("HTTP 404")
          .hasMessageContaining("stream gone");
      assertQuick(start);
    }
  }

  @Test
  void aStreamThatKeepsDroppingIsGivenUpAfterFiveResumptions() throws IOException {
    AtomicInteger resumes = new AtomicInteger();
    server.on("tools/call", e -> sse("id: ev-0\nretry: 10\ndata: "));
    server.onGet = e -> e.header("Last-Event-ID") == null
        ? new MockResponse.Builder().code(405).build()
        : sse("id: ev-" + resumes.incrementAndGet() + "\nretry: 10\ndata: ");
    try (McpClient client = connect(PATIENT)) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> client.callTool("x", Map.of()))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("5 resumptions failed");
      assertQuick(start);
    }
    assertThat(server.requests("GET")).extracting(e -> e.header("Last-Event-ID"))
        .containsSubsequence("ev-0", "ev-1", "ev-2", "ev-3", "ev-4");
  }

  @Test
  void theResponseArrivingOnTheGetStreamEndsTheWaitForAResumption() throws Exception {
    EventStreamBody events = stream();
    server.on("tools/call", e -> {
      // the stream drops at once and asks for a long pause; the answer comes on the GET stream
      events.push(data(response(e, toolResult("via GET", false))));
      return sse("id: ev-1\nretry: 60000\ndata: ");
    });
    server.onGet = e -> streaming(events);
    try (McpClient client = connect(PATIENT)) {
      long start = System.nanoTime();
      assertThat(text(client.callTool("x", Map.of()))).isEqualTo("via GET");
      assertQuick(start);
    }
  }

  // ---------------------------------------------------------------- slow servers and timeouts

  @Test
  void aStreamThatStallsAfterItsHeadersTimesOutAndCancelsTheRequest() throws Exception {
    CountDownLatch cancelled = new CountDownLatch(1);
    server.on("tools/call", e -> streaming(stream()));
    server.on("notifications/cancelled", e -> {
      cancelled.countDown();
      return new MockResponse.Builder().code(202).build();
    });
    try (McpClient client = connect(Duration.ofMillis(400))) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> client.callTool("stall", Map.of()))
          .isInstanceOf(McpTimeoutException.class);
      assertQuick(start);
      assertThat(cancelled.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void theBuilderTimeoutAppliesToCallsWithoutTheirOwn() throws IOException {
    server.on("tools/list", e -> new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "application/json").headersDelay(5, TimeUnit.SECONDS)
        .body(McpJson.write(response(e, McpJson.object().set("tools", McpJson.mapper().createArrayNode()))))
        .build());
    try (McpClient client = connect(Duration.ofMillis(300))) {
      long start = System.nanoTime();
      assertThatThrownBy(client::listTools).isInstanceOf(McpTimeoutException.class);
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }
  }

  /** Progress every 500 ms for 2.5 s, answer at 2.5 s, against a 1 s timeout. */
  private void slowToolWithProgress() {
    server.on("tools/call", e -> {
      EventStreamBody stream = stream();
      JsonNode token = e.body().at("/params/_meta/progressToken");
      for (int step = 1; step <= 4; step++) {
        int s = step;
        pacer.schedule(() -> stream.push(data(progress(token, s))), 500L * step,
            TimeUnit.MILLISECONDS);
      }
      pacer.schedule(() -> stream.push(data(response(e, toolResult("done", false)))), 2500,
          TimeUnit.MILLISECONDS);
      return streaming(stream);
    });
  }

  @Test
  void progressRestartsTheTimeoutWhenTheCallerAsksForIt() throws IOException {
    slowToolWithProgress();
    List<Double> seen = new CopyOnWriteArrayList<>();
    try (McpClient client = connect(PATIENT)) {
      CallToolResult result = client.callTool(new CallToolParams("slow", McpJson.object()),
          RequestOptions.timeout(Duration.ofSeconds(1))
              .withProgress((p, total, message) -> seen.add(p), true));
      assertThat(text(result)).isEqualTo("done");
    }
    assertThat(seen).containsExactly(1.0, 2.0, 3.0, 4.0);
  }

  @Test
  void progressLeavesTheTimeoutAloneWhenTheCallerDoesNotAskForIt() throws IOException {
    slowToolWithProgress();
    try (McpClient client = connect(PATIENT)) {
      assertThatThrownBy(() -> client.callTool(new CallToolParams("slow", McpJson.object()),
          RequestOptions.timeout(Duration.ofSeconds(1))
              .withProgress((p, total, message) -> { }, false)))
          .isInstanceOf(McpTimeoutException.class);
    }
  }

  // ---------------------------------------------------------------- auth slot

  @Test
  void theAuthenticatorAnswersAChallengeAndTheRequestIsRetriedWithItsCredentials()
      throws IOException {
    server.on("tools/list", e -> "Bearer fresh".equals(e.header("Authorization"))
        ? json(e, McpJson.object().set("tools", McpJson.mapper().createArrayNode()))
        : new MockResponse.Builder().code(401).addHeader("WWW-Authenticate", "Bearer").build());
    List<String> challenges = new CopyOnWriteArrayList<>();
    try (McpClient client = McpClient.builder()
        .transport(ClientTransport.streamableHttp(server.url()))
        .authenticator((route, response) -> {
          challenges.add(response.header("WWW-Authenticate"));
          Request sent = response.request();
          return sent.header("Authorization") != null ? null
              : sent.newBuilder().header("Authorization", "Bearer fresh").build();
        }).connect()) {
      assertThat(client.listTools().tools()).isEmpty();
    }
    assertThat(challenges).containsExactly("Bearer");
    List<ScriptedServer.Exchange> lists = server.posts("tools/list");
    assertThat(lists).hasSize(2);
    assertThat(lists.get(1).header("Authorization")).isEqualTo("Bearer fresh");
    assertThat(lists.get(1).header("Mcp-Session-Id")).isEqualTo("session-1");
  }

  @Test
  void anInterceptorCanRetryARefusedPostWithSteppedUpCredentials() throws IOException {
    server.on("tools/call", e -> "Bearer admin".equals(e.header("Authorization"))
        ? json(e, toolResult("deleted", false))
        : new MockResponse.Builder().code(403)
            .addHeader("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"admin\"")
            .build());
    try (McpClient client = McpClient.builder()
        .transport(ClientTransport.streamableHttp(server.url()))
        .addHttpInterceptor(chain -> {
          okhttp3.Response response = chain.proceed(chain.request());
          String challenge = response.header("WWW-Authenticate", "");
          if (response.code() != 403 || !challenge.contains("insufficient_scope")) {
            return response;
          }
          response.close();
          return chain.proceed(chain.request().newBuilder()
              .header("Authorization", "Bearer admin").build());
        }).connect()) {
      assertThat(text(client.callTool("delete", Map.of("id", 7)))).isEqualTo("deleted");
    }
    List<ScriptedServer.Exchange> calls = server.posts("tools/call");
    assertThat(calls).hasSize(2);
    assertThat(calls.get(1).body()).isEqualTo(calls.get(0).body()); // the body was replayed
  }

  /** A server that takes its time; there is no event to wait for. */
  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private static void awaitQuietly(CountDownLatch latch) {
    try {
      latch.await(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
