package dev.mcpkit.server.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mcpkit.core.json.McpJson;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import javax.imageio.ImageIO;

/**
 * A minimal MCP endpoint written by hand for the explorer's tests, standing in for the real server:
 * {@code initialize} (with a session id), {@code notifications/initialized}, {@code tools/list} and
 * {@code tools/call} for a few tools, answered as JSON or, for {@code tools/call}, as an event
 * stream. A browser {@code GET} on the same path gets the explorer page, as the real server will
 * serve it. The path holds a capability token.
 */
final class TestMcpEndpoint implements AutoCloseable {
  static final String SERVER_NAME = "Acme Weather & Tools";
  static final String SERVER_VERSION = "1.4.0";
  static final String TOKEN = "cap_q7Xv2LmN9pRtY4sZ";

  private final HttpServer server;
  private final AuthHint auth;
  private final String apiKey;
  private final Set<String> sessions = ConcurrentHashMap.newKeySet();
  /** Every tools/call received: name and arguments. */
  final List<JsonNode> calls = new CopyOnWriteArrayList<>();
  /** The Content-Security-Policy nonces of the pages served, in order. */
  final List<String> nonces = new CopyOnWriteArrayList<>();

  private final boolean withHostileTool;

  private TestMcpEndpoint(AuthHint auth, String apiKey, boolean withHostileTool)
      throws IOException {
    this.auth = auth;
    this.apiKey = apiKey;
    this.withHostileTool = withHostileTool;
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/mcp/" + TOKEN, this::handle);
    server.setExecutor(Executors.newFixedThreadPool(4));
    server.start();
  }

  /** An endpoint whose only credential is the capability token in its URL. */
  static TestMcpEndpoint start() throws IOException {
    return new TestMcpEndpoint(AuthHint.NONE, null, true);
  }

  /** The same without the tool whose description holds markup, for pictures of the page. */
  static TestMcpEndpoint startForScreenshots() throws IOException {
    return new TestMcpEndpoint(AuthHint.NONE, null, false);
  }

  /** An endpoint that also wants {@code apiKey} in the {@code X-Api-Key} header on every POST. */
  static TestMcpEndpoint startWithApiKey(String apiKey) throws IOException {
    return new TestMcpEndpoint(AuthHint.apiKeyHeader("X-Api-Key"), apiKey, true);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/mcp/" + TOKEN;
  }

  ExplorerModel model() {
    List<ToolView> tools = new ArrayList<>();
    tools().stream().filter(t -> withHostileTool || !t.path("name").asText().equals("sneaky"))
        .forEach(t -> tools.add(ToolView.of(t)));
    return new ExplorerModel(SERVER_NAME, SERVER_VERSION, url(), TOKEN, tools,
        List.of(new RejectedTool("send email!",
            "tool names may only contain letters, digits, '_', '-' and '.' (1 to 128 characters);"
                + " rename it, e.g. to send_email")),
        auth);
  }

  @Override
  public void close() {
    server.stop(0);
    ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      String accept = exchange.getRequestHeaders().getFirst("Accept");
      if (ExplorerPage.wantsPage(method, accept)) {
        String nonce = ExplorerPage.newNonce();
        nonces.add(nonce);
        ExplorerPage.headers(nonce).forEach(exchange.getResponseHeaders()::set);
        send(exchange, 200, ExplorerPage.render(model(), nonce));
        return;
      }
      if (!"POST".equals(method)) {
        send(exchange, 405, "");
        return;
      }
      if (apiKey != null
          && !apiKey.equals(exchange.getRequestHeaders().getFirst("X-Api-Key"))) {
        send(exchange, 401, "missing or wrong X-Api-Key header");
        return;
      }
      JsonNode message = McpJson.mapper().readTree(exchange.getRequestBody());
      String rpcMethod = message.path("method").asText();
      if (rpcMethod.equals("initialize")) {
        String session = UUID.randomUUID().toString();
        sessions.add(session);
        exchange.getResponseHeaders().set("Mcp-Session-Id", session);
        ObjectNode result = McpJson.object()
            .put("protocolVersion", message.path("params").path("protocolVersion").asText());
        result.putObject("capabilities").putObject("tools");
        result.putObject("serverInfo").put("name", SERVER_NAME).put("version", SERVER_VERSION);
        json(exchange, answer(message, result));
        return;
      }
      if (!sessions.contains(exchange.getRequestHeaders().getFirst("Mcp-Session-Id"))) {
        send(exchange, 404, "unknown session");
        return;
      }
      switch (rpcMethod) {
        case "notifications/initialized" -> send(exchange, 202, "");
        case "tools/list" -> {
          ObjectNode result = McpJson.object();
          result.putArray("tools").addAll(tools());
          json(exchange, answer(message, result));
        }
        case "tools/call" -> {
          calls.add(message.path("params"));
          ObjectNode result = call(message.path("params").path("name").asText(),
              message.path("params").path("arguments"));
          stream(exchange, answer(message, result));
        }
        default -> {
          ObjectNode error = McpJson.object().put("jsonrpc", "2.0");
          error.set("id", message.get("id"));
          error.putObject("error").put("code", -32601).put("message",
              "method not found: " + rpcMethod);
          json(exchange, error);
        }
      }
    }
  }

  static List<JsonNode> tools() {
    return List.of(
        tool("get_forecast", "Weather forecast",
            "Forecast for a city: daily highs, lows and sky, as structured content.",
            """
            {"type":"object","properties":{
              "city":{"type":"string","description":"City name, e.g. Lisbon"},
              "days":{"type":"integer","description":"How many days","default":3,"minimum":1},
              "units":{"type":"string","enum":["metric","imperial"],"default":"metric"}},
             "required":["city"]}""",
            """
            {"type":"object","properties":{"city":{"type":"string"},
             "days":{"type":"array","items":{"type":"object"}}},"required":["city","days"]}""",
            """
            {"readOnlyHint":true,"openWorldHint":true}"""),
        tool("echo", "Echo", "Repeats a message.",
            """
            {"type":"object","properties":{
              "text":{"type":"string","description":"What to repeat"},
              "times":{"type":"integer","default":1},
              "shout":{"type":"boolean","description":"Upper-case the answer"},
              "tags":{"type":"array","items":{"type":"string"}}},
             "required":["text"]}""", null, """
            {"readOnlyHint":true,"idempotentHint":true}"""),
        tool("render_swatch", "Colour swatch", "Draws a gradient swatch as a PNG image.",
            """
            {"type":"object","properties":{
              "hue":{"type":"integer","description":"0 to 360","default":220}}}""", null, null),
        tool("delete_file", null, "Deletes a file in the sandbox.",
            """
            {"type":"object","properties":{"path":{"type":"string"}},"required":["path"]}""",
            null, """
            {"destructiveHint":true}"""),
        tool("sneaky", null,
            "Shows <script>window.pwned = 1</script> and <img src=x onerror=\"window.pwned = 2\">"
                + " as text.",
            """
            {"type":"object"}""", null, null));
  }

  private static JsonNode tool(String name, String title, String description, String input,
      String output, String annotations) {
    ObjectNode tool = McpJson.object().put("name", name);
    if (title != null) {
      tool.put("title", title);
    }
    tool.put("description", description);
    tool.set("inputSchema", parse(input));
    if (output != null) {
      tool.set("outputSchema", parse(output));
    }
    if (annotations != null) {
      tool.set("annotations", parse(annotations));
    }
    return tool;
  }

  private static ObjectNode call(String name, JsonNode args) {
    ObjectNode result = McpJson.object();
    ArrayNode content = result.putArray("content");
    switch (name) {
      case "echo" -> {
        String text = args.path("text").asText();
        text = args.path("shout").asBoolean() ? text.toUpperCase(java.util.Locale.ROOT) : text;
        content.addObject().put("type", "text")
            .put("text", String.join(" ", java.util.Collections.nCopies(
                Math.max(1, args.path("times").asInt(1)), text)));
      }
      case "get_forecast" -> {
        ObjectNode forecast = McpJson.object().put("city", args.path("city").asText());
        ArrayNode days = forecast.putArray("days");
        String[] sky = {"sunny", "cloudy", "rain"};
        for (int i = 0; i < args.path("days").asInt(3); i++) {
          days.addObject().put("day", i + 1).put("high", 21 + i).put("low", 13 + i)
              .put("sky", sky[i % sky.length]);
        }
        content.addObject().put("type", "text").put("text", McpJson.write(forecast));
        result.set("structuredContent", forecast);
      }
      case "render_swatch" -> content.addObject().put("type", "image")
          .put("mimeType", "image/png").put("data", swatch(args.path("hue").asInt(220)));
      case "delete_file" -> {
        content.addObject().put("type", "text").put("text",
            "permission denied: " + args.path("path").asText() + " is outside the sandbox");
        result.put("isError", true);
      }
      default -> content.addObject().put("type", "text").put("text", "nothing to see");
    }
    return result;
  }

  private static String swatch(int hue) {
    BufferedImage image = new BufferedImage(320, 120, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(new GradientPaint(0, 0, Color.getHSBColor(hue / 360f, 0.65f, 0.95f), 320, 120,
        Color.getHSBColor(((hue + 60) % 360) / 360f, 0.75f, 0.55f)));
    g.fillRect(0, 0, 320, 120);
    g.dispose();
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", png);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Base64.getEncoder().encodeToString(png.toByteArray());
  }

  private static ObjectNode answer(JsonNode request, JsonNode result) {
    ObjectNode answer = McpJson.object().put("jsonrpc", "2.0");
    answer.set("id", request.get("id"));
    answer.set("result", result);
    return answer;
  }

  private static void json(HttpExchange exchange, JsonNode body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "application/json");
    send(exchange, 200, McpJson.write(body));
  }

  /** An event stream: a log notification first, then the answer, as Streamable HTTP allows. */
  private static void stream(HttpExchange exchange, JsonNode body) throws IOException {
    exchange.getResponseHeaders().set("Content-Type", "text/event-stream");
    ObjectNode log = McpJson.object().put("jsonrpc", "2.0").put("method", "notifications/message");
    log.putObject("params").put("level", "info").put("data", "working");
    send(exchange, 200, ": priming\n\ndata: " + McpJson.write(log) + "\n\nevent: message\ndata: "
        + McpJson.write(body) + "\n\n");
  }

  private static void send(HttpExchange exchange, int status, String body) throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    if (bytes.length > 0) {
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(bytes);
      }
    }
  }

  private static JsonNode parse(String json) {
    try {
      return McpJson.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
