package dev.mcpkit.examples.client;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.mcpkit.core.json.McpJson;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ClientExampleTest {
  private HttpServer server;
  private final List<String> authorizations = new CopyOnWriteArrayList<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  /** A minimal session-protocol server: initialize, tools/list and an echo tool. */
  @BeforeEach
  void start() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.createContext("/mcp", exchange -> {
      authorizations.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
      if (!exchange.getRequestMethod().equals("POST")) {
        exchange.sendResponseHeaders(405, -1);
        exchange.close();
        return;
      }
      JsonNode msg = McpJson.mapper().readTree(exchange.getRequestBody());
      if (!msg.has("id")) {
        exchange.sendResponseHeaders(202, -1);
        exchange.close();
        return;
      }
      ObjectNode response = McpJson.object();
      response.put("jsonrpc", "2.0");
      response.set("id", msg.get("id"));
      JsonNode params = msg.path("params");
      switch (msg.path("method").asText()) {
        case "initialize" -> {
          ObjectNode r = response.putObject("result");
          r.put("protocolVersion", params.path("protocolVersion").asText());
          r.putObject("capabilities").putObject("tools");
          r.putObject("serverInfo").put("name", "cli-test").put("version", "1");
        }
        case "tools/list" -> response.putObject("result").putArray("tools").addObject()
            .put("name", "shout").put("description", "Upper-cases text\nmore lines")
            .putObject("inputSchema").put("type", "object");
        case "tools/call" -> {
          String text = params.path("arguments").path("text").asText();
          ObjectNode r = response.putObject("result");
          r.putArray("content").addObject().put("type", "text").put("text", text.toUpperCase());
          if (text.isEmpty()) {
            r.put("isError", true);
          }
        }
        default -> response.putObject("error").put("code", -32601).put("message", "nope");
      }
      byte[] body = McpJson.write(response).getBytes(StandardCharsets.UTF_8);
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop(0);
  }

  private String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/mcp";
  }

  private int run(String... args) {
    return ClientExample.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void listToolsPrintsOneLinePerTool() {
    assertThat(run("list-tools", url())).isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("shout").contains("Upper-cases text")
        .doesNotContain("more lines");
  }

  @Test
  void callPrintsTheTextAndSendsTheApiKeyAndHeaders() {
    assertThat(run("--api-key", "k-123", "--header", "X-Tenant: acme", "call", url(), "shout",
        "{\"text\": \"hi\"}")).isEqualTo(0);
    assertThat(out.toString(StandardCharsets.UTF_8).trim()).isEqualTo("HI");
    assertThat(authorizations).contains("Bearer k-123");
  }

  @Test
  void aToolErrorExitsWithOne() {
    assertThat(run("call", url(), "shout", "{\"text\": \"\"}")).isEqualTo(1);
  }

  @Test
  void badUsageExitsWithTwoAndPrintsUsage() {
    assertThat(run("call", url())).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: client");
    assertThat(run("--transport", "carrier-pigeon", "list-tools", url())).isEqualTo(2);
  }

  @Test
  void anUnreachableServerExitsWithFourAndSaysWhere() {
    assertThat(run("--transport", "streamable-http", "list-tools", "http://127.0.0.1:1/mcp"))
        .isEqualTo(4);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("127.0.0.1:1");
  }

  @Test
  void oauthCallbackListenerHandsBackTheFullCallbackUrl() throws Exception {
    ClientAuth.LoopbackCallback callback = ClientAuth.LoopbackCallback.start(
        new PrintStream(err, true, StandardCharsets.UTF_8));
    var answer = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
      try {
        return callback.authorize(null, java.net.URI.create(url()),
            java.net.URI.create("http://as.invalid/authorize?x=1"));
      } catch (IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    java.net.URI redirect = java.net.URI.create(callback.redirectUri() + "?code=c1&state=s1");
    // the browser arrives once the URL is printed
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (!err.toString(StandardCharsets.UTF_8).contains("as.invalid")
        && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(redirect)
        .build(), java.net.http.HttpResponse.BodyHandlers.discarding());
    assertThat(answer.get(10, java.util.concurrent.TimeUnit.SECONDS)).isEqualTo(redirect);
  }

  @Test
  void oauthOverStdioIsRefused() {
    assertThat(run("--oauth", "--transport", "stdio", "list-tools", "some-server")).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("--oauth is for HTTP servers");
  }
}
