package dev.mcpkit.examples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.client.ClientTransport;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Tools.Tool;
import java.util.Map;

/**
 * The client the official MCP conformance suite drives: {@code conformance-client URL}, with the
 * scenario named in {@code MCP_CONFORMANCE_SCENARIO}. Each scenario connects, does what the
 * scenario's server expects a client to do, and disconnects. Exits 0 when the run completed, 1 when
 * the client failed (the suite's checks decide pass or fail either way).
 */
public final class ConformanceClient {
  private ConformanceClient() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 1) {
      System.err.println("usage: conformance-client URL   (scenario from MCP_CONFORMANCE_SCENARIO)");
      System.exit(2);
      return;
    }
    String url = args[args.length - 1];
    String scenario = System.getenv().getOrDefault("MCP_CONFORMANCE_SCENARIO", "initialize");
    String context = System.getenv("MCP_CONFORMANCE_CONTEXT");
    try {
      run(scenario, url, context == null ? null : McpJson.mapper().readTree(context));
      System.exit(0);
    } catch (Exception e) {
      System.err.println("conformance-client " + scenario + " failed: " + e);
      e.printStackTrace();
      System.exit(1);
    }
  }

  static void run(String scenario, String url, JsonNode context) throws Exception {
    McpClient.Builder builder = McpClient.builder()
        .transport(ClientTransport.http(url))
        .clientInfo("mcpkit-conformance-client", "0.1.0")
        .elicitation(ConformanceClientHandlers::acceptWithDefaults)
        .sampling(ConformanceClientHandlers::sample)
        .roots(ConformanceClientHandlers::roots);
    if (scenario.startsWith("auth/")) {
      ConformanceClientAuth.configure(builder, url, scenario, context);
    }
    String version = System.getenv("MCP_CONFORMANCE_PROTOCOL_VERSION");
    if (version != null && !version.isBlank()) {
      builder.protocolVersion(version);
    }
    try (McpClient client = builder.connect()) {
      switch (scenario) {
        case "tools_call" -> {
          client.listTools();
          print(client.callTool("add_numbers", Map.of("a", 5, "b", 3)));
        }
        case "elicitation-sep1034-client-defaults" -> {
          client.listTools();
          print(client.callTool("test_client_elicitation_defaults", Map.of()));
        }
        case "sse-retry" -> {
          client.listTools();
          print(client.callTool("test_reconnection", Map.of()));
        }
        case "json-schema-2020-12-preservation" -> {
          JsonNode schema = null;
          for (Tool tool : client.listTools().tools()) {
            if (tool.name().equals("json_schema_2020_12_tool")) {
              schema = tool.inputSchema();
            }
          }
          com.fasterxml.jackson.databind.node.ObjectNode args = McpJson.object();
          args.set("schema", schema);
          print(client.callTool("json_schema_echo", args));
        }
        default -> ConformanceClientScenarios.run(scenario, client, context);
      }
    }
  }

  static void print(Object result) {
    System.out.println(McpJson.write(result));
  }
}
