package dev.mcpkit.examples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.json.McpJson;
import java.util.Map;

/**
 * Every scenario without a specific script: list the tools and call each (with the arguments the
 * scenario's context gives, else none), then list and read the resources, then list and get the
 * prompts. A server refusing one call does not end the run.
 */
final class ConformanceClientScenarios {
  private ConformanceClientScenarios() {}

  static void run(String scenario, McpClient client, JsonNode context) throws Exception {
    JsonNode tools = client.listTools();
    if (scenario.equals("initialize")) {
      return;
    }
    JsonNode calls = context == null ? null : context.get("toolCalls");
    if (calls != null && calls.isArray()) {
      for (JsonNode call : calls) {
        attempt(() -> client.callTool(call.path("name").asText(), call.path("arguments")));
      }
    } else {
      for (JsonNode tool : tools.path("tools")) {
        attempt(() -> client.callTool(tool.path("name").asText(), McpJson.object()));
      }
    }
    if (client.serverCapabilities().has("resources")) {
      JsonNode resources = attempt(client::listResources);
      if (resources != null) {
        for (JsonNode r : resources.path("resources")) {
          attempt(() -> client.readResource(r.path("uri").asText()));
        }
      }
    }
    if (client.serverCapabilities().has("prompts")) {
      JsonNode prompts = attempt(client::listPrompts);
      if (prompts != null) {
        for (JsonNode p : prompts.path("prompts")) {
          attempt(() -> client.getPrompt(p.path("name").asText(), Map.of()));
        }
      }
    }
  }

  interface Call {
    JsonNode run() throws Exception;
  }

  private static JsonNode attempt(Call call) throws Exception {
    try {
      JsonNode result = call.run();
      ConformanceClient.print(result);
      return result;
    } catch (McpProtocolException e) {
      System.err.println("server refused: " + e.getMessage());
      return null;
    }
  }
}
