package dev.mcpkit.postgres.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.postgres.McpPostgres;
import dev.mcpkit.postgres.TestDatabase;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpOptions;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.ToolDefinition;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Two server instances with their sessions in one PostgreSQL schema: a session opened on one is
 * served by the other, and an instance where a session went idle does not end it while the other
 * keeps serving it. Both instances read one clock the test moves, as instances on synchronized
 * machines would.
 */
class SharedSessionsTest {
  static final Duration IDLE = Duration.ofMillis(1_500);
  final HttpClient http = HttpClient.newHttpClient();
  final MovedClock clock = new MovedClock();

  /** A clock only the test moves. */
  static final class MovedClock extends Clock {
    private final AtomicLong millis = new AtomicLong(1_800_000_000_000L);

    void advance(Duration d) {
      millis.addAndGet(d.toMillis());
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }
  }

  McpHttpServer instance(McpPostgres pg) {
    McpServer server = McpServer.builder().name("echo").version("1.0.0")
        .tool(ToolDefinition.builder("echo").description("Echoes")
            .handler((args, ctx) -> CallToolResult.text("echo")).build())
        .build();
    return McpHttpServer.builder().port(0)
        .options(McpHttpOptions.builder().sessionIdleTimeout(IDLE).clock(clock)
            .sessionStore(pg.sessionStore()).eventStore(pg.eventStore()).build())
        .endpoint(McpEndpoint.at("/mcp", server)).start();
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

  int list(URI url, String session) throws Exception {
    return post(url, session, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}")
        .statusCode();
  }

  @Test
  void aSessionKeptBusyOnOneInstanceIsNotEndedByTheInstanceWhereItWentIdle() throws Exception {
    McpPostgres pg = TestDatabase.freshStores("sessions_shared");
    try (McpHttpServer first = instance(pg);
        McpHttpServer second = instance(TestDatabase.storesOn(pg.schema()))) {
      HttpResponse<String> init = post(first.url(), null, """
          {"jsonrpc":"2.0","id":1,"method":"initialize","params":{"protocolVersion":"2025-06-18",
           "capabilities":{},"clientInfo":{"name":"t","version":"1"}}}""");
      String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
      post(first.url(), session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

      for (int i = 0; i < 20; i++) { // twice the idle time, the session busy on the second instance
        clock.advance(IDLE.dividedBy(10));
        assertThat(list(second.url(), session)).as("served by the second instance").isEqualTo(200);
      }
      assertThat(list(first.url(), session)).as("back on the first instance").isEqualTo(200);

      clock.advance(IDLE.multipliedBy(2)); // now idle everywhere
      assertThat(list(second.url(), session)).isEqualTo(404);
      assertThat(list(first.url(), session)).isEqualTo(404);
    }
  }
}
