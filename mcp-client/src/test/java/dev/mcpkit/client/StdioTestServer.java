package dev.mcpkit.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;

/**
 * A minimal MCP server on stdio for tests: answers initialize, tools/list and tools/call (echo),
 * refuses everything else. With the argument {@code stubborn} it ignores the end of stdin and the
 * termination signal, so the client has to kill it; with {@code garbage} it writes a non-JSON line
 * before each answer; with {@code crash} it exits with status 3 when a tool is called.
 */
public final class StdioTestServer {
  private StdioTestServer() {}

  public static void main(String[] args) throws Exception {
    boolean stubborn = args.length > 0 && args[0].equals("stubborn");
    boolean garbage = args.length > 0 && args[0].equals("garbage");
    boolean crash = args.length > 0 && args[0].equals("crash");
    if (stubborn) {
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          Thread.sleep(60_000);
        } catch (InterruptedException ignored) {
          // killed
        }
      }));
    }
    System.err.println("stdio test server ready");
    BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String line;
    while ((line = in.readLine()) != null) {
      JsonNode msg = McpJson.mapper().readTree(line);
      if (!msg.has("id") || !msg.has("method")) {
        continue;
      }
      ObjectNode out = McpJson.object();
      out.put("jsonrpc", "2.0");
      out.set("id", msg.get("id"));
      JsonNode params = msg.path("params");
      switch (msg.path("method").asText()) {
        case "initialize" -> {
          ObjectNode r = out.putObject("result");
          r.put("protocolVersion", params.path("protocolVersion").asText());
          r.putObject("capabilities").putObject("tools");
          r.putObject("serverInfo").put("name", "stdio-test").put("version", "1");
        }
        case "tools/list" -> out.putObject("result").putArray("tools").addObject()
            .put("name", "echo").putObject("inputSchema").put("type", "object");
        case "tools/call" -> {
          if (crash) {
            System.err.println("crashing");
            System.exit(3);
          }
          out.putObject("result").putArray("content").addObject()
            .put("type", "text").put("text", "echo " + params.path("arguments"));
        }
        default -> out.putObject("error").put("code", -32601).put("message", "Method not found");
      }
      if (garbage) {
        System.out.println("this is not json");
      }
      System.out.println(McpJson.write(out));
      System.out.flush();
    }
    if (stubborn) {
      Thread.sleep(60_000);
    }
  }
}
