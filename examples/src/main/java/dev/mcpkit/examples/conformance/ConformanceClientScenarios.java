package dev.mcpkit.examples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.json.McpJson;

/** Scenarios beyond the basic ones: by default, list the tools and call each one without arguments. */
final class ConformanceClientScenarios {
  private ConformanceClientScenarios() {}

  static void run(String scenario, McpClient client, JsonNode context) throws Exception {
    JsonNode tools = client.listTools();
    if (scenario.equals("initialize")) {
      return;
    }
    for (JsonNode tool : tools.path("tools")) {
      ConformanceClient.print(client.callTool(tool.path("name").asText(), McpJson.object()));
    }
  }
}
