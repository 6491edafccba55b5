package dev.mcpkit.examples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Content.Role;
import dev.mcpkit.core.schema.Elicitation.ElicitParams;
import dev.mcpkit.core.schema.Elicitation.ElicitResult;
import dev.mcpkit.core.schema.Roots.ListRootsResult;
import dev.mcpkit.core.schema.Roots.Root;
import dev.mcpkit.core.schema.Sampling.CreateMessageParams;
import dev.mcpkit.core.schema.Sampling.CreateMessageResult;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Stand-ins for a user and a model: what the conformance client answers when a server asks. */
final class ConformanceClientHandlers {
  private ConformanceClientHandlers() {}

  /** Accepts a form elicitation, filling every field that has a default in the requested schema. */
  static ElicitResult acceptWithDefaults(ElicitParams params) {
    Map<String, JsonNode> content = new LinkedHashMap<>();
    JsonNode properties = McpJson.toTree(params).path("requestedSchema").path("properties");
    properties.fields().forEachRemaining(e -> {
      JsonNode def = e.getValue().get("default");
      if (def != null) {
        content.put(e.getKey(), def);
      } else if (e.getValue().path("type").asText().equals("boolean")) {
        content.put(e.getKey(), McpJson.mapper().getNodeFactory().booleanNode(true));
      }
    });
    return ElicitResult.accept(content);
  }

  /** A canned model answer. */
  static CreateMessageResult sample(CreateMessageParams params) {
    return new CreateMessageResult(Role.ASSISTANT,
        new Content.Text("This is a response from the conformance client's stand-in model."),
        "stand-in-model", "endTurn");
  }

  /** One root. */
  static ListRootsResult roots() {
    return new ListRootsResult(List.of(new Root("file:///tmp/conformance", "conformance", null,
        null)));
  }
}
