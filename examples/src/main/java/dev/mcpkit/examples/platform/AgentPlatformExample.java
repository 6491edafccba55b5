package dev.mcpkit.examples.platform;

import dev.mcpkit.examples.Postgres;
import dev.mcpkit.examples.toolserver.ToolServerExample;
import dev.mcpkit.postgres.McpPostgres;
import dev.mcpkit.server.McpHttpServer;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.util.concurrent.CountDownLatch;

/**
 * The agent platform's web console: MCP servers, sharing, an agent's connectors and connections,
 * tool permissions, a run panel standing in for the chat, approvals and the activity log, on
 * mcp-policy's public API, served on loopback. The user switcher stands in for real sign-in.
 *
 * <pre>java -jar examples/target/mcp-examples.jar agent-platform [--port 8790] [--demo]
 *     [--postgres JDBC_URL]</pre>
 *
 * <p>{@code --demo} starts the tool-server example in-process and seeds a scripted organization
 * (admin, alice, bob, and erin the auditor). Everything is kept in memory unless {@code --postgres}
 * (or {@code MCPKIT_POSTGRES_URL}) names a PostgreSQL database: then servers, sharing, connectors,
 * connections, permissions, tool catalogues, pending approvals and the activity log survive a
 * restart, with credentials encrypted under {@code MCPKIT_SECRET_KEY} (the same on every start).
 */
public final class AgentPlatformExample implements AutoCloseable {
  static final String USAGE = """
      usage: agent-platform [--port P] [--demo] [--postgres JDBC_URL]
        --port P          the loopback port to serve the console on (default 8790; 0: any free port)
        --demo            start the tool-server example in-process and seed a scripted organization
        --postgres URL    keep the organization in PostgreSQL (default: $MCPKIT_POSTGRES_URL, else
                          in memory); credentials are encrypted with $MCPKIT_SECRET_KEY (base64)
      """;

  final WebConsole console;
  final Platform platform;
  private final McpHttpServer toolServer;

  private AgentPlatformExample(WebConsole console, Platform platform, McpHttpServer toolServer) {
    this.console = console;
    this.platform = platform;
    this.toolServer = toolServer;
  }

  /** Starts the console on {@code port} (0: any free one), seeded with the demo when asked. */
  public static AgentPlatformExample start(int port, boolean demo) throws IOException {
    return start(port, demo, null, null);
  }

  /**
   * Starts the console with every store in {@code stores} (null: in memory), credentials encrypted
   * under {@code key} (null: a random key, for in-memory stores only). With stores that already
   * hold the demo organization, {@code demo} points it at this run's tool server instead of
   * seeding it again.
   */
  public static AgentPlatformExample start(int port, boolean demo, McpPostgres stores, byte[] key)
      throws IOException {
    if (stores != null && key == null) {
      throw new IllegalArgumentException(Postgres.missingKey());
    }
    System.setProperty("java.awt.headless", "true");
    WebConsole console = new WebConsole(port);
    Platform platform;
    try {
      platform = new Platform(console.url(), stores, key);
    } catch (RuntimeException e) {
      console.close();
      throw e;
    }
    McpHttpServer toolServer = null;
    try {
      if (demo) {
        String apiKey = Session.random();
        toolServer = ToolServerExample.startInBackground(Files.createTempDirectory("outbox"),
            apiKey);
        Demo.seedOrReconnect(platform, toolServer.url(), apiKey);
      }
      console.start(platform);
    } catch (IOException | RuntimeException e) {
      console.close();
      platform.close();
      if (toolServer != null) {
        toolServer.close();
      }
      throw e;
    }
    return new AgentPlatformExample(console, platform, toolServer);
  }

  /** The console's address. */
  public URI url() {
    return console.url();
  }

  @Override
  public void close() {
    console.close();
    platform.close();
    if (toolServer != null) {
      toolServer.close();
    }
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("org.slf4j.simpleLogger.log.dev.mcpkit.policy.audit", "warn");
    int port = 8790;
    boolean demo = false;
    PrintStream out = System.out;
    String postgres = System.getenv(Postgres.URL_VARIABLE);
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--demo" -> demo = true;
        case "--port" -> {
          try {
            port = Integer.parseInt(i + 1 < args.length ? args[++i] : "");
          } catch (NumberFormatException e) {
            System.err.print("--port needs a number\n" + USAGE);
            System.exit(2);
          }
        }
        case "--postgres" -> postgres = i + 1 < args.length ? args[++i] : "";
        case "--help" -> {
          out.print(USAGE);
          return;
        }
        default -> {
          System.err.print("unknown option " + args[i] + "\n" + USAGE);
          System.exit(2);
          return;
        }
      }
    }
    McpPostgres stores = null;
    byte[] key = null;
    if (postgres != null && !postgres.isBlank()) {
      key = Postgres.secretKey(System.getenv(Postgres.SECRET_KEY_VARIABLE));
      if (key == null) {
        System.err.println("error: " + Postgres.missingKey());
        System.exit(2);
        return;
      }
      stores = Postgres.connect(postgres);
    }
    AgentPlatformExample running = start(port, demo, stores, key);
    out.println("agent platform console at " + running.url()
        + (demo ? " (demo organization; tool-server example in-process)" : "")
        + (stores != null ? "; stores: PostgreSQL, schema " + stores.schema() : ""));
    out.println("the user switcher at the top is a stand-in for real sign-in");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      running.close();
      stopped.countDown();
    }, "agent-platform-shutdown"));
    stopped.await();
  }
}
