package dev.mcpkit.examples.toolserver;

import dev.mcpkit.auth.server.ApiKeyAuthenticator;
import dev.mcpkit.examples.Postgres;
import dev.mcpkit.postgres.McpPostgres;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpOptions;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.explorer.AuthHint;
import dev.mcpkit.server.explorer.ExplorerModel;
import dev.mcpkit.server.explorer.Snippet;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * A host exposing its tools to any MCP client (Claude Desktop, Cursor, the MCP Inspector, an
 * agent) at a capability URL, {@code http://127.0.0.1:8765/mcp/v1/{token}/mcp}, whose token is
 * the secret; a browser opening that URL gets the explorer page.
 *
 * <ul>
 *   <li>{@code search_docs}: BM25 knowledge search over bundled company documents
 *   <li>{@code send_email}: writes an {@code .eml} file to a local outbox folder
 *   <li>{@code execute_workflow}: a multi-step job with progress notifications and cancellation
 *   <li>{@code hand_over}: opens a ticket for a human to take over
 * </ul>
 *
 * <pre>java -jar examples/target/mcp-examples.jar tool-server [--port 8765] [--token T]
 *     [--api-key-file FILE]</pre>
 */
public final class ToolServerExample {
  static final String NAME = "mcpkit-tool-server";
  static final String VERSION = "1.0.0";
  private static final Duration STEP_DURATION = Duration.ofMillis(800);

  private final WorkflowTool workflows;
  private final HandOverTool handOver;
  private final McpServer server;

  /**
   * @param outbox where {@code send_email} writes
   * @param stepDuration how long each workflow step takes
   * @param console where hand-overs are announced to the operator
   */
  ToolServerExample(Path outbox, Duration stepDuration, PrintStream console) {
    Clock clock = Clock.systemDefaultZone();
    this.workflows = new WorkflowTool(stepDuration);
    this.handOver = new HandOverTool(clock, console);
    this.server = McpServer.builder()
        .name(NAME)
        .version(VERSION)
        .instructions("Tools of Lumen Freight's assistant: search the company documents before"
            + " answering questions about policies or operations, and hand over to a human when"
            + " you cannot help.")
        .tool(SearchDocsTool.definition(new Bm25Index(Document.bundled())))
        .tool(SendEmailTool.definition(outbox, clock))
        .tool(workflows.definition())
        .tool(handOver.definition())
        .build();
  }

  WorkflowTool workflows() {
    return workflows;
  }

  HandOverTool handOver() {
    return handOver;
  }

  /** Serves the tools over HTTP at a capability URL, with the explorer page. */
  McpHttpServer serve(ToolServerOptions options) throws IOException {
    McpEndpoint.Builder endpoint = McpEndpoint.builder(server)
        .capabilityUrl(McpEndpoint.CAPABILITY_TEMPLATE, options.token()) // null: a random token
        .id("tool-server") // the same on every instance, which then share its sessions
        .explorerPage();
    if (options.apiKey() != null) {
      ApiKeyAuthenticator keys = ApiKeyAuthenticator.builder().header("Authorization").build();
      keys.register("command-line", options.apiKey(), "api-key-holder", Set.of());
      endpoint.authenticator(keys);
    }
    InetAddress address = InetAddress.getByName(options.host());
    McpHttpOptions.Builder http = McpHttpOptions.builder()
        .shutdownGracePeriod(Duration.ofSeconds(5));
    if (!address.isLoopbackAddress()) {
      http.allowedHosts(options.host()); // loopback names are always allowed
    }
    if (options.postgres() != null) { // sessions shared by every instance on this database
      McpPostgres pg = Postgres.connect(options.postgres());
      http.sessionStore(pg.sessionStore()).eventStore(pg.eventStore())
          .messageRelay(pg.messageRelay()); // notifications and answers reach any instance
    }
    return McpHttpServer.builder()
        .address(address)
        .port(options.port())
        .options(http.build())
        .endpoint(endpoint.build())
        .start();
  }

  /**
   * Starts the tool server on a free loopback port with a random capability token, for other
   * examples (the agent console's {@code --demo}) and tests; close it to stop.
   *
   * @param outbox where {@code send_email} writes
   * @param apiKey an API key every request must carry as {@code Authorization: Bearer}, or null
   */
  public static McpHttpServer startInBackground(Path outbox, String apiKey) throws IOException {
    ToolServerOptions options = ToolServerOptions.parse(
        new String[] {"--port", "0", "--outbox", outbox.toString()},
        apiKey == null ? Map.of() : Map.of(ToolServerOptions.API_KEY_VARIABLE, apiKey));
    return new ToolServerExample(outbox, Duration.ofMillis(100), System.out).serve(options);
  }

  public static void main(String[] args) throws Exception {
    ToolServerOptions options;
    try {
      options = ToolServerOptions.parse(args, System.getenv());
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage() + "\n\n" + ToolServerOptions.USAGE);
      System.exit(2);
      return;
    }
    if (options.help()) {
      System.out.print(ToolServerOptions.USAGE);
      return;
    }
    options.warnings().forEach(System.err::println);
    McpHttpServer http;
    try {
      http = new ToolServerExample(options.outbox(), STEP_DURATION, System.out).serve(options);
    } catch (UncheckedIOException e) { // the port is taken
      System.err.println(e.getMessage() + "\n(try another --port, or --port 0 for any free one)");
      System.exit(1);
      return;
    } catch (IllegalArgumentException e) { // e.g. a token too short to be a secret
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    printStartup(System.out, http, options);

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> { // Ctrl-C, SIGTERM
      System.out.println("stopping: letting calls in flight finish");
      http.close();
      System.out.println("stopped");
      stopped.countDown();
    }, "tool-server-shutdown"));
    stopped.await();
  }

  /** What an operator needs to connect a client: the URL and ready-to-paste configuration. */
  static void printStartup(PrintStream out, McpHttpServer http, ToolServerOptions options) {
    String url = http.url().toString();
    AuthHint auth = options.apiKey() == null ? AuthHint.NONE : AuthHint.BEARER;
    out.println(NAME + " " + VERSION + ": search_docs, send_email, execute_workflow, hand_over");
    out.println();
    out.println("  MCP endpoint:  " + url);
    out.println("  Explorer page: " + url + "  (open it in a browser)");
    out.println("  Outbox:        " + options.outbox().toAbsolutePath().normalize());
    out.println();
    out.println("The URL is the key: whoever has it can call these tools."
        + (options.token() == null ? " Its token is new on every start; pass --token or set "
            + ToolServerOptions.TOKEN_VARIABLE + " to keep it." : ""));
    if (options.apiKey() != null) {
      out.println("Every request, the explorer page's included, also needs the header"
          + " 'Authorization: Bearer <api key>'.");
    }
    // the snippets the explorer page shows
    ExplorerModel model = new ExplorerModel(NAME, VERSION, url, null, List.of(), List.of(), auth);
    for (Snippet s : model.snippets()) {
      if (s.id().equals("claude") || s.id().equals("cursor")) {
        out.println();
        out.println(s.title() + " (" + s.where() + "):");
        out.println(s.text().stripTrailing());
      }
    }
    out.println();
    out.println("Ctrl-C stops the server.");
    out.flush();
  }
}
