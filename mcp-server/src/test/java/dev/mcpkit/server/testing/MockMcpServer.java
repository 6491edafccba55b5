package dev.mcpkit.server.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.Decoded;
import dev.mcpkit.core.jsonrpc.JsonRpcCodec;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.jsonrpc.JsonRpcNotification;
import dev.mcpkit.core.jsonrpc.JsonRpcParseException;
import dev.mcpkit.core.jsonrpc.JsonRpcRequest;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpOptions;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.ToolDefinition;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A scriptable MCP server for testing hosts and clients, in the spirit of OkHttp's MockWebServer:
 * declare tools, enqueue what their calls answer (results, tool errors, protocol errors, delays),
 * run the code under test against {@link #url()}, then take the recorded requests and assert on
 * them. It speaks the real protocol (sessions, SSE, 2026-07-28) because it is the real server.
 *
 * <pre>{@code
 * try (MockMcpServer mock = new MockMcpServer()) {
 *   mock.tool("get_weather");
 *   mock.enqueue(CallToolResult.text("Sunny"));
 *   mock.start();
 *
 *   myHost.ask(mock.url(), "weather in Paris?");
 *
 *   RecordedRequest call = mock.takeRequest("tools/call");
 *   assertEquals("get_weather", call.toolName());
 * }
 * }</pre>
 *
 * <p>Calls take enqueued answers in order, whichever tool they call; with none left, a call gets
 * an {@code isError} result saying so. Published in the mcp-server test-jar.
 */
public final class MockMcpServer implements Closeable {
  private final Map<String, ToolDefinition> tools = new LinkedHashMap<>();
  private final ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
  private final BlockingQueue<RecordedRequest> requests = new LinkedBlockingQueue<>();
  private final List<RecordedRequest> all = java.util.Collections.synchronizedList(
      new ArrayList<>());
  private static final Set<String> HOP_BY_HOP = Set.of("connection", "content-length", "expect",
      "host", "upgrade", "transfer-encoding", "keep-alive");
  private static final HttpClient FORWARD = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
  private HttpServer http;
  private McpHttpServer backend;

  /** One JSON-RPC message the server received, with the HTTP request it came in. */
  public record RecordedRequest(String httpMethod, String path, Map<String, String> headers,
      String method, JsonNode id, JsonNode params) {
    /** The called tool's name, for {@code tools/call}. */
    public String toolName() {
      return params == null ? null : params.path("name").asText(null);
    }

    /** The called tool's arguments, for {@code tools/call}. */
    public JsonNode arguments() {
      return params == null ? null : params.get("arguments");
    }

    /** A header, by case-insensitive name, or null. */
    public String header(String name) {
      return headers.get(name.toLowerCase(Locale.ROOT));
    }

    public boolean isNotification() {
      return id == null;
    }
  }

  private record Answer(CallToolResult result, McpProtocolException error, Duration delay) {}

  /** Declares a tool that accepts any arguments. */
  public MockMcpServer tool(String name) {
    return tool(name, "Mock tool " + name, McpJson.object().put("type", "object"));
  }

  /** Declares a tool with a description and input schema (arguments are validated). */
  public MockMcpServer tool(String name, String description, ObjectNode inputSchema) {
    if (http != null) {
      throw new IllegalStateException("declare tools before start()");
    }
    tools.put(name, ToolDefinition.builder(name).description(description)
        .inputSchema(inputSchema).handler((args, ctx) -> answer(name)).build());
    return this;
  }

  /** The next call answers with {@code result}. */
  public MockMcpServer enqueue(CallToolResult result) {
    answers.add(new Answer(result, null, Duration.ZERO));
    return this;
  }

  /** The next call answers with {@code result} after {@code delay}. */
  public MockMcpServer enqueue(CallToolResult result, Duration delay) {
    answers.add(new Answer(result, null, delay));
    return this;
  }

  /** The next call answers with one text block. */
  public MockMcpServer enqueueText(String text) {
    return enqueue(CallToolResult.text(text));
  }

  /** The next call fails as a tool ({@code isError: true}) with {@code message}. */
  public MockMcpServer enqueueToolError(String message) {
    return enqueue(CallToolResult.error(message));
  }

  /** The next call fails with a JSON-RPC error. */
  public MockMcpServer enqueueProtocolError(int code, String message) {
    answers.add(new Answer(null, new McpProtocolException(code, message), Duration.ZERO));
    return this;
  }

  private CallToolResult answer(String tool) throws InterruptedException {
    Answer a = answers.poll();
    if (a == null) {
      return CallToolResult.error("MockMcpServer: no answer enqueued for a call of '" + tool
          + "'");
    }
    if (!a.delay.isZero()) {
      Thread.sleep(a.delay.toMillis());
    }
    if (a.error != null) {
      throw a.error;
    }
    return a.result;
  }

  /** Starts on a free loopback port. */
  public void start() {
    start(0);
  }

  public void start(int port) {
    if (http != null) {
      throw new IllegalStateException("already started");
    }
    McpServer.Builder b = McpServer.builder().name("mock-mcp-server").version("1.0.0")
        .toolsCapability();
    tools.values().forEach(b::tool);
    backend = McpHttpServer.builder().options(McpHttpOptions.defaults())
        .address(InetAddress.getLoopbackAddress()).port(0)
        .endpoint(McpEndpoint.at("/mcp", b.build())).start();
    try {
      http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 64);
    } catch (IOException e) {
      backend.close();
      throw new UncheckedIOException(e);
    }
    http.setExecutor(Executors.newCachedThreadPool(r -> {
      Thread t = new Thread(r, "mock-mcp-server");
      t.setDaemon(true);
      return t;
    }));
    http.createContext("/", exchange -> {
      try (exchange) {
        byte[] body = exchange.getRequestBody().readAllBytes();
        record(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
            exchange.getRequestHeaders(), body);
        forward(exchange, body);
      }
    });
    http.start();
  }

  /**
   * Hands the request to the real server behind the mock and streams its answer back as it comes
   * (SSE included), so the mock records at the HTTP level and serves through the public API only.
   */
  private void forward(HttpExchange exchange, byte[] body) throws IOException {
    URI target = URI.create("http://127.0.0.1:" + backend.port()
        + exchange.getRequestURI().getRawPath()
        + (exchange.getRequestURI().getRawQuery() == null ? ""
            : "?" + exchange.getRequestURI().getRawQuery()));
    HttpRequest.Builder request = HttpRequest.newBuilder(target).method(
        exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofByteArray(body));
    exchange.getRequestHeaders().forEach((name, values) -> {
      if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT))) {
        values.forEach(v -> request.header(name, v));
      }
    });
    HttpResponse<InputStream> response;
    try {
      response = FORWARD.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while forwarding", e);
    }
    try (InputStream in = response.body()) {
      response.headers().map().forEach((name, values) -> {
        if (!HOP_BY_HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
          exchange.getResponseHeaders().put(name, values);
        }
      });
      long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
      boolean empty = length == 0 || response.statusCode() == 202 || response.statusCode() == 204;
      exchange.sendResponseHeaders(response.statusCode(), empty ? -1 : Math.max(length, 0));
      if (empty) {
        return;
      }
      OutputStream out = exchange.getResponseBody();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush(); // an event reaches the client when the server sends it
      }
    }
  }

  private void record(String method, String path, Headers headers, byte[] body) {
    Map<String, String> h = new LinkedHashMap<>();
    headers.forEach((k, v) -> h.put(k.toLowerCase(Locale.ROOT), String.join(", ", v)));
    if (body.length == 0) {
      add(new RecordedRequest(method, path, Map.copyOf(h), null, null, null));
      return;
    }
    try {
      Decoded decoded = JsonRpcCodec.instance().decode(body, true);
      for (JsonRpcMessage m : decoded.messages()) {
        if (m instanceof JsonRpcRequest r) {
          add(new RecordedRequest(method, path, Map.copyOf(h), r.method(),
              McpJson.toTree(r.id().value()), r.params()));
        } else if (m instanceof JsonRpcNotification n) {
          add(new RecordedRequest(method, path, Map.copyOf(h), n.method(), null, n.params()));
        }
      }
    } catch (JsonRpcParseException e) {
      add(new RecordedRequest(method, path, Map.copyOf(h), null, null, null));
    }
  }

  private void add(RecordedRequest r) {
    requests.add(r);
    all.add(r);
  }

  /** {@code http://127.0.0.1:PORT/mcp}. */
  public URI url() {
    if (http == null) {
      throw new IllegalStateException("start() the server first");
    }
    return URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/mcp");
  }

  /** The next recorded message (waits up to 10 s). */
  public RecordedRequest takeRequest() throws InterruptedException {
    RecordedRequest r = requests.poll(10, TimeUnit.SECONDS);
    if (r == null) {
      throw new AssertionError("MockMcpServer received no request within 10 s");
    }
    return r;
  }

  /** The next recorded message of {@code method}, skipping others (waits up to 10 s). */
  public RecordedRequest takeRequest(String method) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (true) {
      RecordedRequest r = requests.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
      if (r == null) {
        throw new AssertionError("MockMcpServer received no " + method + " within 10 s");
      }
      if (method.equals(r.method())) {
        return r;
      }
    }
  }

  /** Every message received so far, in order. */
  public List<RecordedRequest> requests() {
    synchronized (all) {
      return List.copyOf(all);
    }
  }

  /** How many messages of {@code method} were received. */
  public long count(String method) {
    return requests().stream().filter(r -> method.equals(r.method())).count();
  }

  @Override
  public void close() {
    if (http != null) {
      backend.close();
      http.stop(0);
    }
  }
}
