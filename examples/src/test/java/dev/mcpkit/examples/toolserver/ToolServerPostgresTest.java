package dev.mcpkit.examples.toolserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.postgres.TestDatabase;
import dev.mcpkit.server.McpHttpServer;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two tool-server instances with {@code --postgres} on one database serve one session: it is
 * opened on the first and used on the second, over plain HTTP as any client would.
 */
class ToolServerPostgresTest {
  private static final String TOKEN = "shared-capability-token-0123456789";
  @TempDir Path outbox;
  final HttpClient http = HttpClient.newHttpClient();

  McpHttpServer instance() throws Exception {
    ToolServerOptions options = ToolServerOptions.parse(new String[] {"--port", "0", "--outbox",
        outbox.toString(), "--token", TOKEN, "--postgres", TestDatabase.jdbcUrl()}, Map.of());
    return new ToolServerExample(outbox, Duration.ofMillis(10),
        new PrintStream(OutputStream.nullOutputStream())).serve(options);
  }

  HttpResponse<String> post(URI url, String session, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(url)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .header("MCP-Protocol-Version", "2025-06-18")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aSessionOpenedOnOneInstanceIsServedByAnother() throws Exception {
    try (McpHttpServer first = instance(); McpHttpServer second = instance()) {
      HttpResponse<String> init = post(first.url(), null, """
          {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
           "capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""");
      assertThat(init.statusCode()).isEqualTo(200);
      String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
      assertThat(post(second.url(), session,
          "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}").statusCode())
          .isEqualTo(202);

      HttpResponse<String> tools = post(second.url(), session,
          "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}");

      assertThat(tools.statusCode()).isEqualTo(200);
      assertThat(tools.body()).contains("search_docs").contains("\"id\":2");
      assertThat(post(second.url(), "unknown-session",
          "{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/list\"}").statusCode()).isEqualTo(404);
    }
  }
}
