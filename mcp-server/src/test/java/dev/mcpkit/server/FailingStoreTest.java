package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.server.spi.MessageRelay;
import dev.mcpkit.server.spi.SessionRecord;
import dev.mcpkit.server.spi.SessionStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two instances share a session store and a relay, and the store or the relay fails (with
 * messages that quote the session id, as a database's may): a message for a session the other
 * instance holds is refused with 503 and {@code Retry-After}, not 500; no session id reaches a log
 * line or the answer; and once the store is back, the same message goes through and its answer
 * arrives on the holding instance's stream, so nothing was lost but the refused attempts.
 */
@Timeout(60)
class FailingStoreTest {
  /**
   * Reads a stream's lines on a thread of its own: a callback attached to an already completed
   * future would run on the test's thread, and reading an open stream there never returns.
   */
  private static final java.util.concurrent.Executor STREAM_READER = task -> {
    Thread t = new Thread(task, "stream-reader");
    t.setDaemon(true);
    t.start();
  };

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
      .build();
  private final FailingStore store = new FailingStore();
  private final FailingRelay relay = new FailingRelay();
  private McpHttpServer holder;
  private McpHttpServer other;

  /** Fails every call while {@code failing}, quoting the id it was asked for. */
  static final class FailingStore implements SessionStore {
    final SessionStore inMemory = SessionStore.inMemory();
    volatile boolean failing;

    private void check(String id) {
      if (failing) {
        throw new IllegalStateException("connection lost while reading row '" + id + "'");
      }
    }

    @Override
    public void save(SessionRecord session) {
      check(session.id());
      inMemory.save(session);
    }

    @Override
    public SessionRecord find(String id) {
      check(id);
      return inMemory.find(id);
    }

    @Override
    public boolean touch(String id, long nowMillis) {
      check(id);
      return inMemory.touch(id, nowMillis);
    }

    @Override
    public boolean remove(String id) {
      check(id);
      return inMemory.remove(id);
    }

    @Override
    public List<String> removeIdle(long cutoffMillis) {
      check("*");
      return inMemory.removeIdle(cutoffMillis);
    }
  }

  /** Refuses to publish while {@code failing}, quoting what it was given. */
  static final class FailingRelay implements MessageRelay {
    final MessageRelay inMemory = MessageRelay.inMemory();
    volatile boolean failing;

    @Override
    public void publish(Relayed message) {
      if (failing) {
        throw new IllegalStateException("broker down, dropped " + message);
      }
      inMemory.publish(message);
    }

    @Override
    public AutoCloseable subscribe(java.util.function.Consumer<Relayed> receiver) {
      return inMemory.subscribe(receiver);
    }
  }

  private McpHttpServer instance() {
    McpServer server = McpServer.builder().name("twin").version("1.0.0")
        .tool(ToolDefinition.builder("echo").description("Echoes")
            .handler((args, ctx) -> CallToolResult.text("echoed")).build()).build();
    return McpHttpServer.builder().port(0).options(McpHttpOptions.builder().sessionStore(store)
        .messageRelay(relay).build()).endpoint(McpEndpoint.at("/mcp", server)).start();
  }

  @BeforeEach
  void start() {
    holder = instance();
    other = instance();
  }

  @AfterEach
  void stop() {
    store.failing = false;
    relay.failing = false;
    holder.close();
    other.close();
  }

  @Test
  void aLegacyMessageRelayedWhileTheStoreOrRelayIsDownIsRefusedWith503AndGoesThroughLater()
      throws Exception {
    BlockingQueue<String> stream = new LinkedBlockingQueue<>();
    http.sendAsync(HttpRequest.newBuilder(holder.url().resolve("/sse"))
            .header("Accept", "text/event-stream").GET().build(),
        HttpResponse.BodyHandlers.ofLines()).thenAcceptAsync(r -> {
          try (Stream<String> lines = r.body()) {
            lines.forEach(stream::add);
          }
        }, STREAM_READER);
    String messagePath = null;
    for (String line; messagePath == null && (line = stream.poll(10, TimeUnit.SECONDS)) != null; ) {
      if (line.startsWith("data:") && line.contains("sessionId=")) {
        messagePath = line.substring(5).trim();
      }
    }
    assertThat(messagePath).as("the endpoint event").isNotNull();
    String sessionId = messagePath.substring(messagePath.indexOf("sessionId=") + 10);
    URI atOther = other.url().resolve(messagePath);
    String ping = "{\"jsonrpc\":\"2.0\",\"id\":7,\"method\":\"ping\"}";

    String logged;
    HttpResponse<String> storeDown;
    HttpResponse<String> relayDown;
    try (LogCapture logs = new LogCapture()) {
      store.failing = true;
      storeDown = post(atOther, ping);
      store.failing = false;
      relay.failing = true;
      relayDown = post(atOther, ping);
      relay.failing = false;
      logged = logs.text();
    }

    for (HttpResponse<String> refused : List.of(storeDown, relayDown)) {
      assertThat(refused.statusCode()).isEqualTo(503);
      assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
      assertThat(refused.body()).contains("Service unavailable").doesNotContain(sessionId);
    }
    assertThat(storeDown.body()).contains("session store");
    assertThat(relayDown.body()).contains("message relay");
    assertThat(logged).contains("failed").doesNotContain(sessionId)
        .doesNotContain(sessionId.substring(0, 12));

    // back up: the same message is taken and answered on the holder's stream
    assertThat(post(atOther, ping).statusCode()).isEqualTo(202);
    boolean answered = false;
    for (String line; !answered && (line = stream.poll(10, TimeUnit.SECONDS)) != null; ) {
      answered = line.startsWith("data:") && line.contains("\"id\":7")
          && line.contains("\"result\"");
    }
    assertThat(answered).as("the ping's answer on the holder's stream").isTrue();
  }

  @Test
  void aSessionRequestWhileTheStoreIsDownIsRefusedWith503AndNoSessionIdIsLogged()
      throws Exception {
    HttpResponse<String> init = http.send(HttpRequest.newBuilder(holder.url())
        .header("Accept", "application/json, text/event-stream")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
            + "\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
            + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}")).build(),
        HttpResponse.BodyHandlers.ofString());
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    String call = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
        + "\"echo\",\"arguments\":{}}}";

    String logged;
    HttpResponse<String> refused;
    try (LogCapture logs = new LogCapture()) {
      store.failing = true;
      refused = sessionPost(other.url(), session, call);
      store.failing = false;
      logged = logs.text();
    }

    assertThat(refused.statusCode()).isEqualTo(503);
    assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
    assertThat(refused.body()).contains("session store").doesNotContain(session);
    assertThat(logged).contains("failed").doesNotContain(session)
        .doesNotContain(session.substring(0, 12));
    HttpResponse<String> later = sessionPost(other.url(), session, call);
    assertThat(later.statusCode()).isEqualTo(200);
    assertThat(later.body()).contains("echoed");
  }

  private HttpResponse<String> post(URI url, String body) throws Exception {
    return http.send(HttpRequest.newBuilder(url).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private HttpResponse<String> sessionPost(URI url, String session, String body)
      throws Exception {
    return http.send(HttpRequest.newBuilder(url)
        .header("Accept", "application/json, text/event-stream")
        .header("Content-Type", "application/json").header("Mcp-Session-Id", session)
        .header("MCP-Protocol-Version", "2025-11-25")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
