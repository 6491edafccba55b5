package dev.mcpkit.examples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Prompts.ListPromptsResult;
import dev.mcpkit.core.schema.Prompts.Prompt;
import dev.mcpkit.core.schema.Resources.ListResourcesResult;
import dev.mcpkit.core.schema.Resources.Resource;
import dev.mcpkit.core.schema.Tools.ListToolsResult;
import dev.mcpkit.core.schema.Tools.Tool;
import java.util.Map;

/**
 * Every scenario without a specific script: list the tools and call each (with the arguments the
 * scenario's context gives, else none), then list and read the resources, then list and get the
 * prompts. A server refusing one call does not end the run.
 */
final class ConformanceClientScenarios {
  private ConformanceClientScenarios() {}

  static void run(String scenario, McpClient client, JsonNode context) throws Exception {
    ListToolsResult tools = client.listTools();
    if (scenario.equals("initialize")) {
      return;
    }
    JsonNode calls = context == null ? null : context.get("toolCalls");
    if (calls != null && calls.isArray()) {
      for (JsonNode call : calls) {
        attempt(() -> client.callTool(call.path("name").asText(), call.path("arguments")));
      }
    } else {
      for (Tool tool : tools.tools()) {
        attempt(() -> client.callTool(tool.name(), McpJson.object()));
      }
    }
    if (client.serverCapabilities().resources() != null) {
      ListResourcesResult resources = attempt(client::listResources);
      if (resources != null) {
        for (Resource r : resources.resources()) {
          attempt(() -> client.readResource(r.uri()));
        }
      }
    }
    if (client.serverCapabilities().prompts() != null) {
      ListPromptsResult prompts = attempt(client::listPrompts);
      if (prompts != null) {
        for (Prompt p : prompts.prompts()) {
          attempt(() -> client.getPrompt(p.name(), Map.of()));
        }
      }
    }
  }

  interface Call<T> {
    T run() throws Exception;
  }

  private static <T> T attempt(Call<T> call) throws Exception {
    try {
      T result = call.run();
      ConformanceClient.print(result);
      return result;
    } catch (McpProtocolException e) {
      System.err.println("server refused: " + e.getMessage());
      return null;
    }
  }
}
