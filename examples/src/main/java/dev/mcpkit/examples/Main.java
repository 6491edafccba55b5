package dev.mcpkit.examples;

import java.lang.reflect.InvocationTargetException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code java -jar examples/target/mcp-examples.jar <example> [args]}: runs one example. */
public final class Main {
  /** Example name, its main class, and one line on what it does. */
  private static final Map<String, String[]> EXAMPLES = new LinkedHashMap<>();

  static {
    add("tool-server", "dev.mcpkit.examples.toolserver.ToolServerExample",
        "a host exposing its tools at a capability URL, with the explorer page");
    add("agent-console", "dev.mcpkit.examples.console.AgentConsoleExample",
        "a governed agent host in the terminal: register, share, permissions, approvals, log");
    add("agent-platform", "dev.mcpkit.examples.platform.AgentPlatformExample",
        "the agent platform's web console: servers, sharing, connectors, permissions, approvals");
    add("client", "dev.mcpkit.examples.client.ClientExample",
        "a generic MCP client: list-tools URL, call URL TOOL JSON");
    add("conformance-server", "dev.mcpkit.examples.conformance.ConformanceServer",
        "the server the official conformance suite tests (--port PORT, serves /mcp)");
    add("conformance-client", "dev.mcpkit.examples.conformance.ConformanceClient",
        "the client the official conformance suite drives (URL; scenario from MCP_CONFORMANCE_SCENARIO)");
  }

  private Main() {}

  private static void add(String name, String className, String help) {
    EXAMPLES.put(name, new String[] {className, help});
  }

  public static void main(String[] args) throws Throwable {
    // this program owns its JVM: turn Nagle off for the console's JDK HTTP server before any is
    // created (McpHttpServer sets TCP_NODELAY on its own connections)
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    if (args.length == 0 || !EXAMPLES.containsKey(args[0])) {
      System.err.println("usage: java -jar mcp-examples.jar <example> [args]\n\nexamples:");
      EXAMPLES.forEach((name, v) -> System.err.printf("  %-20s %s%n", name, v[1]));
      System.exit(args.length == 0 ? 0 : 2);
      return;
    }
    String className = EXAMPLES.get(args[0])[0];
    Class<?> type;
    try {
      type = Class.forName(className);
    } catch (ClassNotFoundException e) {
      System.err.println("example " + args[0] + " is not part of this build");
      System.exit(2);
      return;
    }
    try {
      type.getMethod("main", String[].class)
          .invoke(null, (Object) Arrays.copyOfRange(args, 1, args.length));
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
