package dev.mcpkit.examples.conformance;

import dev.mcpkit.core.schema.Completions.Completion;
import dev.mcpkit.examples.Postgres;
import dev.mcpkit.postgres.McpPostgres;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpOptions;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.TaskOptions;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The server the official MCP conformance suites test: every tool, resource and prompt their
 * server scenarios expect, at {@code http://127.0.0.1:PORT/mcp}. Serves the session protocol
 * (2025-03-26 to 2025-11-25) and the stateless 2026-07-28 protocol on the same endpoint.
 *
 * <pre>java -jar examples/target/mcp-examples.jar conformance-server --port 3001 [--postgres JDBC_URL]</pre>
 *
 * <p>With {@code --postgres} (or {@code MCPKIT_POSTGRES_URL}) sessions, resumable events, tasks,
 * the 2026-07-28 {@code requestState} key and the relay between instances are in that database, so
 * several processes started alike serve as one server (the endpoint id is its path, {@code /mcp},
 * on every instance).
 */
public final class ConformanceServer {
  private ConformanceServer() {}

  /** The server with every fixture of the suites, in memory. */
  public static McpServer build() {
    return build(null);
  }

  /** The server with every fixture of the suites; its tasks and request states in {@code pg}. */
  public static McpServer build(McpPostgres pg) {
    McpServer.Builder b = McpServer.builder()
        .name("mcpkit-conformance-server")
        .version("1.0.0")
        .instructions("Fixtures for the MCP conformance suites.")
        .logging()
        .toolsCapability()
        .resourcesCapability()
        .promptsCapability()
        .completions((params, ctx) -> {
          String prefix = params.argument().value() == null ? ""
              : params.argument().value().toLowerCase(Locale.ROOT);
          List<String> values = ConformanceServerFixtures.COMPLETIONS.stream()
              .filter(v -> v.startsWith(prefix)).toList();
          return new Completion(values, values.size(), false, null);
        });
    McpServer[] self = new McpServer[1];
    ConformanceServerTools.all(() -> self[0]).forEach(b::tool);
    ConformanceServerTaskTools.all().forEach(b::tool);
    TaskOptions.Builder tasks = TaskOptions.builder().pollInterval(Duration.ofMillis(200));
    if (pg != null) {
      tasks.store(pg.taskStore());
      b.requestStateStore(pg.requestStateStore());
    }
    b.tasks(tasks.build());
    ConformanceServerFixtures.resources().forEach(b::resource);
    ConformanceServerFixtures.prompts().forEach(b::prompt);
    self[0] = b.build();
    return self[0];
  }

  /** Starts the server on {@code port} (0: any free port). */
  public static McpHttpServer start(int port) {
    return start(port, null);
  }

  /** Starts the server on {@code port}, with every shared store in {@code pg} (null: memory). */
  public static McpHttpServer start(int port, McpPostgres pg) {
    McpHttpOptions.Builder http = McpHttpOptions.builder();
    if (pg != null) {
      http.sessionStore(pg.sessionStore()).eventStore(pg.eventStore())
          .messageRelay(pg.messageRelay());
    }
    return McpHttpServer.builder().port(port).options(http.build())
        .endpoint(McpEndpoint.at("/mcp", build(pg))).start();
  }

  public static void main(String[] args) throws InterruptedException, IOException {
    int port = 3001;
    String postgres = System.getenv(Postgres.URL_VARIABLE);
    for (int i = 0; i < args.length; i++) {
      if ("--port".equals(args[i]) && i + 1 < args.length) {
        port = Integer.parseInt(args[++i]);
      } else if (args[i].startsWith("--port=")) {
        port = Integer.parseInt(args[i].substring("--port=".length()));
      } else if ("--postgres".equals(args[i]) && i + 1 < args.length) {
        postgres = args[++i];
      } else {
        System.err.println("usage: conformance-server [--port PORT] [--postgres JDBC_URL]");
        System.exit(2);
      }
    }
    McpPostgres pg = postgres == null || postgres.isBlank() ? null : Postgres.connect(postgres);
    McpHttpServer http = start(port, pg);
    System.out.println("conformance server listening at " + http.url());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      http.close();
      stopped.countDown();
    }, "conformance-server-shutdown"));
    stopped.await();
  }
}
