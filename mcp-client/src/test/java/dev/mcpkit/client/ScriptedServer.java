package dev.mcpkit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.stream.Collectors;
import mockwebserver3.Dispatcher;
import mockwebserver3.MockResponse;
import mockwebserver3.MockWebServer;
import mockwebserver3.RecordedRequest;

/**
 * A loopback HTTP server scripted per JSON-RPC method: each POST is parsed and answered by the
 * handler registered for its method (default: a session-protocol server that answers initialize,
 * refuses server/discover with a plain 400, accepts notifications with 202 and has no GET stream).
 */
final class ScriptedServer extends Dispatcher implements AutoCloseable {
  /** One received HTTP request, with its JSON-RPC body parsed and when it arrived. */
  record Exchange(RecordedRequest http, JsonNode body, long nanos) {
    String method() {
      return body == null ? http.getMethod() : body.path("method").asText(null);
    }

    JsonNode id() {
      return body == null ? null : body.get("id");
    }

    String header(String name) {
      return http.getHeaders().get(name);
    }
  }

  final MockWebServer server = new MockWebServer();
  final List<Exchange> exchanges = new CopyOnWriteArrayList<>();
  private final Map<String, Function<Exchange, MockResponse>> byMethod = new ConcurrentHashMap<>();
  volatile Function<Exchange, MockResponse> onGet = e -> new MockResponse.Builder().code(405).build();
  volatile Function<Exchange, MockResponse> onDelete =
      e -> new MockResponse.Builder().code(200).build();
  volatile String sessionId = "session-1";
  volatile java.util.function.Consumer<Exchange> onClientResponse = e -> { };

  ScriptedServer() throws IOException {
    on("server/discover", e -> new MockResponse.Builder().code(400)
        .body("Bad Request: no session").build());
    on("initialize", e -> json(e, initializeResult(e.body().path("params")
        .path("protocolVersion").asText()), sessionId));
    server.setDispatcher(this);
    server.start();
  }

  static ObjectNode initializeResult(String version) {
    ObjectNode r = McpJson.object();
    r.put("protocolVersion", version);
    r.putObject("capabilities").putObject("tools");
    r.putObject("serverInfo").put("name", "scripted").put("version", "1.0");
    return r;
  }

  String url() {
    return server.url("/mcp").toString();
  }

  ScriptedServer on(String method, Function<Exchange, MockResponse> handler) {
    byMethod.put(method, handler);
    return this;
  }

  @Override
  public MockResponse dispatch(RecordedRequest request) {
    JsonNode body = null;
    if (request.getBody() != null && request.getBodySize() > 0) {
      try {
        body = McpJson.mapper().readTree(request.getBody().utf8());
      } catch (IOException e) {
        body = null;
      }
    }
    Exchange e = new Exchange(request, body, System.nanoTime());
    exchanges.add(e);
    switch (request.getMethod()) {
      case "GET":
        return onGet.apply(e);
      case "DELETE":
        return onDelete.apply(e);
      default:
        break;
    }
    if (e.method() == null) { // the client answering a server request
      onClientResponse.accept(e);
      return new MockResponse.Builder().code(202).build();
    }
    Function<Exchange, MockResponse> handler = byMethod.get(e.method());
    if (handler != null) {
      return handler.apply(e);
    }
    if (e.id() == null) {
      return new MockResponse.Builder().code(202).build();
    }
    return error(e, -32601, "Method not found: " + e.method());
  }

  List<Exchange> posts(String method) {
    return exchanges.stream().filter(x -> x.http().getMethod().equals("POST")
        && method.equals(x.method())).collect(Collectors.toList());
  }

  List<Exchange> requests(String httpMethod) {
    return exchanges.stream().filter(x -> x.http().getMethod().equals(httpMethod))
        .collect(Collectors.toList());
  }

  static MockResponse json(Exchange e, JsonNode result) {
    return json(e, result, null);
  }

  static MockResponse json(Exchange e, JsonNode result, String session) {
    MockResponse.Builder b = new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "application/json")
        .body(McpJson.write(response(e, result)));
    if (session != null) {
      b.addHeader("Mcp-Session-Id", session);
    }
    return b.build();
  }

  static ObjectNode response(Exchange e, JsonNode result) {
    ObjectNode r = McpJson.object();
    r.put("jsonrpc", "2.0");
    r.set("id", e.id());
    r.set("result", result);
    return r;
  }

  static MockResponse error(Exchange e, int code, String message) {
    ObjectNode r = McpJson.object();
    r.put("jsonrpc", "2.0");
    r.set("id", e.id());
    r.putObject("error").put("code", code).put("message", message);
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "application/json")
        .body(McpJson.write(r)).build();
  }

  /** An SSE body from events given as raw field blocks, e.g. "id: 1\ndata: {...}". */
  static MockResponse sse(String... events) {
    StringBuilder body = new StringBuilder();
    for (String event : events) {
      body.append(event).append("\n\n");
    }
    return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
        .body(body.toString()).build();
  }

  static String data(JsonNode message) {
    return "data: " + McpJson.write(message);
  }

  static ObjectNode toolResult(String text, boolean isError) {
    ObjectNode r = McpJson.object();
    r.putArray("content").addObject().put("type", "text").put("text", text);
    if (isError) {
      r.put("isError", true);
    }
    return r;
  }

  @Override
  public void close() {
    EventStreamBody.endAll(); // MockWebServer waits for every response to be written
    try {
      server.close();
    } catch (RuntimeException ignored) {
      // test teardown
    }
  }
}
