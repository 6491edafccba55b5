package dev.mcpkit.benchmarks.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/** Sessions opened over plain HTTP, and the exact requests the load generator sends. */
final class Sessions {
  static final String REQUESTED_VERSION = "2025-11-25";
  static final String STATELESS_VERSION = "2026-07-28";

  private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
      .connectTimeout(Duration.ofSeconds(10)).build();

  /** A session: its id (null for a server without sessions) and the negotiated version. */
  record Session(String id, String version) {}

  Session open(String url) throws IOException, InterruptedException {
    ObjectNode params = McpJson.object();
    params.put("protocolVersion", REQUESTED_VERSION);
    params.putObject("capabilities");
    params.putObject("clientInfo").put("name", "load").put("version", "1.0.0");
    HttpResponse<String> init = post(url, headers(null, null), envelope(0, "initialize", params));
    if (init.statusCode() != 200) {
      throw new IOException("initialize answered " + init.statusCode() + ": " + init.body());
    }
    String id = init.headers().firstValue("Mcp-Session-Id").orElse(null);
    String version = REQUESTED_VERSION;
    String body = init.body();
    int brace = body.indexOf('{');
    if (brace >= 0) {
      String json = body.substring(brace, body.lastIndexOf('}') + 1);
      JsonNode v = McpJson.mapper().readTree(json).path("result").path("protocolVersion");
      if (v.isTextual()) {
        version = v.textValue();
      }
    }
    HttpResponse<String> initialized = post(url, headers(id, version),
        "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    if (initialized.statusCode() / 100 != 2) {
      throw new IOException("notifications/initialized answered " + initialized.statusCode());
    }
    return new Session(id, version);
  }

  /** Calls echo once on a session; true when the answer carries the text. */
  boolean echo(String url, Session session, String message) {
    try {
      HttpResponse<String> r = post(url, headers(session.id(), session.version()),
          toolsCall(1, message, false));
      return r.statusCode() == 200 && r.body().contains(message);
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Opens {@code count} sessions with {@code threads} threads. */
  List<Session> openMany(String url, int count, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<Session>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        futures.add(pool.submit(() -> open(url)));
      }
      List<Session> sessions = new ArrayList<>();
      for (Future<Session> f : futures) {
        sessions.add(f.get());
      }
      return sessions;
    } finally {
      pool.shutdown();
    }
  }

  /** One echo call on each session; returns the number that failed. */
  long echoEach(String url, List<Session> sessions, int threads) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    AtomicLong failed = new AtomicLong();
    try {
      List<Future<?>> futures = new ArrayList<>();
      for (Session s : sessions) {
        futures.add(pool.submit(() -> {
          if (!echo(url, s, EchoServer.BARE_TEXT)) {
            failed.incrementAndGet();
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
      return failed.get();
    } finally {
      pool.shutdown();
    }
  }

  static Map<String, String> headers(String sessionId, String version) {
    Map<String, String> h = new LinkedHashMap<>();
    h.put("Content-Type", "application/json");
    h.put("Accept", "application/json, text/event-stream");
    if (sessionId != null) {
      h.put("Mcp-Session-Id", sessionId);
    }
    if (version != null) {
      h.put("MCP-Protocol-Version", version);
    }
    return h;
  }

  static Map<String, String> statelessHeaders() {
    Map<String, String> h = headers(null, STATELESS_VERSION);
    h.put("Mcp-Method", "tools/call");
    h.put("Mcp-Name", "echo");
    return h;
  }

  /** A tools/call of echo; with {@code stateless}, the 2026-07-28 {@code _meta} is added. */
  static String toolsCall(long id, String message, boolean stateless) {
    ObjectNode params = McpJson.object();
    params.put("name", "echo");
    params.putObject("arguments").put("message", message);
    if (stateless) {
      ObjectNode meta = params.putObject("_meta");
      meta.put("io.modelcontextprotocol/protocolVersion", STATELESS_VERSION);
      meta.putObject("io.modelcontextprotocol/clientCapabilities");
      meta.putObject("io.modelcontextprotocol/clientInfo").put("name", "load")
          .put("version", "1.0.0");
    }
    return envelope(id, "tools/call", params);
  }

  private static String envelope(long id, String method, ObjectNode params) {
    ObjectNode m = McpJson.object();
    m.put("jsonrpc", "2.0");
    m.put("id", id);
    m.put("method", method);
    m.set("params", params);
    return m.toString();
  }

  private HttpResponse<String> post(String url, Map<String, String> headers, String body)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body));
    headers.forEach(b::header);
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }
}
