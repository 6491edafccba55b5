package dev.mcpkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/** A bare MCP-over-HTTP client for tests: every header and body is under the test's control. */
final class RawClient {
  static final String JSON_AND_SSE = "application/json, text/event-stream";
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();
  private final AtomicLong ids = new AtomicLong();
  final URI url;
  String sessionId;
  String protocolVersion = "2025-11-25";

  RawClient(URI url) {
    this.url = url;
  }

  /** A POST with the usual headers (Accept both, JSON body, session and version when known). */
  Response post(String body, String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(20))
        .POST(HttpRequest.BodyPublishers.ofString(body));
    List<String> given = new ArrayList<>();
    for (int i = 0; i < headers.length; i += 2) {
      given.add(headers[i].toLowerCase());
      if (headers[i + 1] != null) {
        b.header(headers[i], headers[i + 1]);
      }
    }
    if (!given.contains("accept")) {
      b.header("Accept", JSON_AND_SSE);
    }
    if (!given.contains("content-type")) {
      b.header("Content-Type", "application/json");
    }
    if (sessionId != null && !given.contains("mcp-session-id")) {
      b.header("Mcp-Session-Id", sessionId);
    }
    if (protocolVersion != null && !given.contains("mcp-protocol-version")) {
      b.header("MCP-Protocol-Version", protocolVersion);
    }
    return send(b.build());
  }

  Response send(HttpRequest request) {
    try {
      HttpResponse<String> r = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(r.statusCode(), r.headers(), r.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** A GET that opens an event stream; the lines arrive as they come. */
  Stream<String> openStream(String... headers) {
    HttpRequest.Builder b = HttpRequest.newBuilder(url).GET().header("Accept", "text/event-stream");
    if (sessionId != null) {
      b.header("Mcp-Session-Id", sessionId);
    }
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    try {
      HttpResponse<Stream<String>> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofLines());
      if (r.statusCode() != 200) {
        throw new IllegalStateException("GET answered " + r.statusCode());
      }
      return r.body();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Initializes a session and remembers its id. */
  JsonNode initialize() {
    Response r = post(request("initialize", "{\"protocolVersion\":\"" + protocolVersion
        + "\",\"capabilities\":{\"sampling\":{},\"elicitation\":{}},\"clientInfo\":{\"name\":"
        + "\"test\",\"version\":\"1\"}}"), "Mcp-Session-Id", null);
    if (r.status != 200) {
      throw new IllegalStateException("initialize answered " + r.status + ": " + r.body);
    }
    sessionId = r.headers.firstValue("Mcp-Session-Id").orElseThrow();
    post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    return r.message().get("result");
  }

  String request(String method, String params) {
    return "{\"jsonrpc\":\"2.0\",\"id\":" + ids.incrementAndGet() + ",\"method\":\"" + method
        + "\"" + (params == null ? "" : ",\"params\":" + params) + "}";
  }

  /** Calls a tool in the session and returns the result (fails on a JSON-RPC error). */
  JsonNode call(String tool, String arguments) {
    Response r = post(request("tools/call", "{\"name\":\"" + tool + "\",\"arguments\":"
        + arguments + "}"));
    JsonNode message = r.message();
    if (message.has("error")) {
      throw new IllegalStateException("tools/call failed: " + message);
    }
    return message.get("result");
  }

  /** A 2026-07-28 request: _meta, version and method headers filled in. */
  Response stateless(String method, String params, String... extraHeaders) {
    ObjectNode p = params == null ? McpJson.object() : (ObjectNode) json(params);
    ObjectNode meta = p.has("_meta") ? (ObjectNode) p.get("_meta") : p.putObject("_meta");
    if (!meta.has("io.modelcontextprotocol/protocolVersion")) {
      meta.put("io.modelcontextprotocol/protocolVersion", "2026-07-28");
    }
    if (!meta.has("io.modelcontextprotocol/clientCapabilities")) {
      meta.putObject("io.modelcontextprotocol/clientCapabilities").putObject("elicitation");
    }
    List<String> h = new ArrayList<>(java.util.Arrays.asList("Mcp-Method", method,
        "MCP-Protocol-Version", "2026-07-28", "Mcp-Session-Id", null));
    JsonNode name = p.has("name") ? p.get("name") : p.get("uri");
    if (name != null) {
      h.add("Mcp-Name");
      h.add(name.asText());
    }
    for (int i = 0; i < extraHeaders.length; i += 2) {
      int at = indexOfHeader(h, extraHeaders[i]);
      if (at >= 0) {
        h.set(at + 1, extraHeaders[i + 1]);
      } else {
        h.add(extraHeaders[i]);
        h.add(extraHeaders[i + 1]);
      }
    }
    return post(request(method, p.toString()), h.toArray(new String[0]));
  }

  private static int indexOfHeader(List<String> h, String name) {
    for (int i = 0; i < h.size(); i += 2) {
      if (h.get(i).equalsIgnoreCase(name)) {
        return i;
      }
    }
    return -1;
  }

  static JsonNode json(String text) {
    try {
      return McpJson.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** An HTTP answer. */
  record Response(int status, HttpHeaders headers, String body) {
    String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }

    boolean isSse() {
      return contentType().startsWith("text/event-stream");
    }

    /** The SSE events' data lines, parsed (empty data skipped). */
    List<JsonNode> events() {
      List<JsonNode> events = new ArrayList<>();
      for (String line : body.split("\n")) {
        if (line.startsWith("data: ") && line.length() > 6) {
          events.add(json(line.substring(6)));
        }
      }
      return events;
    }

    /** The event ids of an SSE body. */
    List<String> eventIds() {
      List<String> ids = new ArrayList<>();
      for (String line : body.split("\n")) {
        if (line.startsWith("id: ")) {
          ids.add(line.substring(4));
        }
      }
      return ids;
    }

    /** The JSON-RPC response: the body, or the last SSE event that is a response. */
    JsonNode message() {
      if (isSse()) {
        List<JsonNode> events = events();
        for (int i = events.size() - 1; i >= 0; i--) {
          if (events.get(i).has("result") || events.get(i).has("error")) {
            return events.get(i);
          }
        }
        throw new IllegalStateException("no response among the events: " + body);
      }
      return json(body);
    }
  }

  /** Reads SSE data lines from a stream until one matches, skipping others. */
  static JsonNode nextEvent(Iterator<String> lines, String method) {
    while (lines.hasNext()) {
      String line = lines.next();
      if (line.startsWith("data: ") && line.length() > 6) {
        JsonNode event = json(line.substring(6));
        if (method == null || method.equals(event.path("method").asText())) {
          return event;
        }
      }
    }
    throw new IllegalStateException("stream ended before " + method);
  }
}
