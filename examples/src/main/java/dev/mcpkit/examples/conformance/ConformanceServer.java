package dev.mcpkit.examples.conformance;

import dev.mcpkit.core.schema.Completions.Completion;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.TaskOptions;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;

/**
 * The server the official MCP conformance suites test: every tool, resource and prompt their
 * server scenarios expect, at {@code http://127.0.0.1:PORT/mcp}. Serves the session protocol
 * (2025-03-26 to 2025-11-25) and the stateless 2026-07-28 protocol on the same endpoint.
 *
 * <pre>java -jar examples/target/mcp-examples.jar conformance-server --port 3001</pre>
 */
public final class ConformanceServer {
  private ConformanceServer() {}

  /** The server with every fixture of the suites. */
  public static McpServer build() {
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
    b.tasks(TaskOptions.builder().pollInterval(Duration.ofMillis(200)).build());
    ConformanceServerFixtures.resources().forEach(b::resource);
    ConformanceServerFixtures.prompts().forEach(b::prompt);
    self[0] = b.build();
    return self[0];
  }

  /** Starts the server on {@code port} (0: any free port). */
  public static McpHttpServer start(int port) {
    return McpHttpServer.builder().port(port).endpoint(McpEndpoint.at("/mcp", build())).start();
  }

  public static void main(String[] args) throws InterruptedException {
    int port = 3001;
    for (int i = 0; i < args.length; i++) {
      if ("--port".equals(args[i]) && i + 1 < args.length) {
        port = Integer.parseInt(args[++i]);
      } else if (args[i].startsWith("--port=")) {
        port = Integer.parseInt(args[i].substring("--port=".length()));
      } else {
        System.err.println("usage: conformance-server [--port PORT]");
        System.exit(2);
      }
    }
    McpHttpServer http = start(port);
    System.out.println("conformance server listening at " + http.url());
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      http.close();
      stopped.countDown();
    }, "conformance-server-shutdown"));
    stopped.await();
  }
}
