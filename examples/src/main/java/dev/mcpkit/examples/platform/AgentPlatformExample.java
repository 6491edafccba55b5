package dev.mcpkit.examples.platform;

import dev.mcpkit.examples.toolserver.ToolServerExample;
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
 * <pre>java -jar examples/target/mcp-examples.jar agent-platform [--port 8790] [--demo]</pre>
 *
 * <p>{@code --demo} starts the tool-server example in-process and seeds a scripted organization
 * (admin, alice, bob, and erin the auditor). Everything is kept in memory.
 */
public final class AgentPlatformExample implements AutoCloseable {
  static final String USAGE = """
      usage: agent-platform [--port P] [--demo]
        --port P   the loopback port to serve the console on (default 8790; 0: any free port)
        --demo     start the tool-server example in-process and seed a scripted organization
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
    System.setProperty("java.awt.headless", "true");
    WebConsole console = new WebConsole(port);
    Platform platform = new Platform(console.url());
    McpHttpServer toolServer = null;
    try {
      if (demo) {
        String key = Session.random();
        toolServer = ToolServerExample.startInBackground(Files.createTempDirectory("outbox"),
            key);
        Demo.seed(platform, toolServer.url(), key);
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
    AgentPlatformExample running = start(port, demo);
    out.println("agent platform console at " + running.url()
        + (demo ? " (demo organization; tool-server example in-process)" : ""));
    out.println("the user switcher at the top is a stand-in for real sign-in");
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      running.close();
      stopped.countDown();
    }, "agent-platform-shutdown"));
    stopped.await();
  }
}
