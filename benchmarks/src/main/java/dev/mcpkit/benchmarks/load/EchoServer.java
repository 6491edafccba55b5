package dev.mcpkit.benchmarks.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpOptions;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.ToolDefinition;
import dev.mcpkit.server.servlet.McpServlet;
import java.util.concurrent.CountDownLatch;

/**
 * {@code echo-server --port PORT --host jdk|jetty|tomcat [--impl ours|official|bare]}: one tool,
 * {@code echo}, that returns its {@code message} argument as text, at {@code /mcp} on 127.0.0.1.
 * {@code ours} is mcpkit (McpHttpServer on jdk, McpServlet on jetty and tomcat), {@code official}
 * the official Java SDK's Streamable HTTP servlet transport (jetty and tomcat), {@code bare} a plain
 * HTTP handler answering a fixed JSON-RPC reply: the limit of the HTTP stack.
 */
public final class EchoServer {
  /** The text the bare servers answer with; load generators send it as the message. */
  public static final String BARE_TEXT = "hello from the load generator";

  private EchoServer() {}

  public static void main(String[] args) throws Exception {
    int port = 0;
    String host = "jdk";
    String impl = "ours";
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--port" -> port = Integer.parseInt(args[++i]);
        case "--host" -> host = args[++i];
        case "--impl" -> impl = args[++i];
        default -> usage("unknown option " + args[i]);
      }
    }
    if (impl.equals("official") && !OfficialClasspath.present()) {
      System.exit(OfficialClasspath.rerun("echo-server", args));
    }
    AutoCloseable server = start(impl, host, port);
    System.out.println("echo-server " + impl + " on " + host + " listening at http://127.0.0.1:"
        + port + "/mcp (pid " + ProcessHandle.current().pid() + ")");
    System.out.flush();
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        server.close();
      } catch (Exception ignored) {
        // exiting anyway
      }
    }));
    new CountDownLatch(1).await();
  }

  static AutoCloseable start(String impl, String host, int port) throws Exception {
    return switch (impl) {
      case "ours" -> ours(host, port);
      case "official" -> {
        if (host.equals("jdk")) {
          usage("the official SDK has no JDK HttpServer transport; use --host jetty or tomcat");
        }
        yield OfficialEchoServer.start(host, port);
      }
      case "bare" -> BareServers.start(host, port);
      default -> {
        usage("unknown --impl " + impl + "; use ours, official or bare");
        yield null;
      }
    };
  }

  /**
   * Our server with the echo tool, and {@code change_tools}, which adds a tool (so every listening
   * client gets {@code notifications/tools/list_changed}).
   */
  public static McpServer echoServer() {
    return echoServer(b -> b);
  }

  /** Our server with the echo tool, its builder changed by {@code customize} first. */
  public static McpServer echoServer(
      java.util.function.UnaryOperator<McpServer.Builder> customize) {
    ObjectNode schema = McpJson.object();
    schema.put("type", "object");
    schema.putObject("properties").putObject("message").put("type", "string");
    schema.putArray("required").add("message");
    return customize.apply(McpServer.builder())
        .name("echo").version("1.0.0")
        .tool(ToolDefinition.builder("echo")
            .description("Returns its message argument as text")
            .inputSchema(schema)
            .handler((arguments, context) -> CallToolResult.text(arguments.get("message").asText()))
            .build())
        .build();
  }

  private static McpServer withChangeTool(McpServer server) {
    java.util.concurrent.atomic.AtomicInteger added = new java.util.concurrent.atomic.AtomicInteger();
    server.addTool(ToolDefinition.builder("change_tools")
        .description("Adds a tool, so that listening clients are told the list changed")
        .handler((arguments, context) -> {
          server.addTool(ToolDefinition.builder("added_" + added.incrementAndGet())
              .description("Added at run time").handler((a, c) -> CallToolResult.text("ok"))
              .build());
          return CallToolResult.text("changed");
        })
        .build());
    return server;
  }

  /**
   * The options of our server in the harness: defaults, except that every stream and session comes
   * from one address (the load generator's), so the per-client shares are as large as the totals,
   * and that open streams are limited to what the heap holds on this host (503 beyond, rather than
   * out of memory; {@code -Dload.maxOpenStreams=N} sets it).
   */
  static McpHttpOptions options(String host) {
    int streams = Integer.getInteger("load.maxOpenStreams", streamsThatFit(host));
    System.out.printf("open event streams limited to %,d (%s host, %,d MB heap)%n", streams, host,
        Runtime.getRuntime().maxMemory() >> 20);
    return McpHttpOptions.builder().maxOpenStreams(streams).maxOpenStreamsPerSession(20_000)
        .maxSessionsPerClient(20_000).maxSessions(20_000).build();
  }

  /**
   * Streams the heap holds, leaving 80 MB for the rest, at the live heap per open stream measured
   * on each host (docs/PERFORMANCE.md, "Capacity"): on Tomcat and Jetty the container's buffers for
   * the connection and its request make most of it, and those are the container's, not ours.
   */
  static int streamsThatFit(String host) {
    long perStream = switch (host) {
      case "jetty" -> 10_000;
      case "tomcat" -> 12_000; // a stream takes its connection over: 2 KB socket buffers remain
      default -> 6_000; // the embedded host: about 4 KB measured, and a margin
    };
    long spare = Runtime.getRuntime().maxMemory() - (80L << 20);
    return (int) Math.max(100, Math.min(20_000, spare / perStream));
  }

  private static AutoCloseable ours(String host, int port) throws Exception {
    McpServer server = withChangeTool(echoServer());
    if (host.equals("jdk")) {
      return McpHttpServer.builder().port(port).options(options(host))
          .endpoint(McpEndpoint.at("/mcp", server)).start();
    }
    return Containers.start(host, port, new McpServlet(options(host), McpEndpoint.at("/mcp", server)));
  }

  static void usage(String problem) {
    System.err.println(problem);
    System.err.println("usage: java -jar mcp-benchmarks.jar echo-server --port PORT"
        + " --host jdk|jetty|tomcat [--impl ours|official|bare]");
    System.exit(2);
  }
}
