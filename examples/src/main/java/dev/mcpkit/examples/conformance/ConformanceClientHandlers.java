package dev.mcpkit.examples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;

/** Stand-ins for a user and a model: what the conformance client answers when a server asks. */
final class ConformanceClientHandlers {
  private ConformanceClientHandlers() {}

  /** Accepts a form elicitation, filling every field from its schema default. */
  static JsonNode acceptWithDefaults(JsonNode params) {
    ObjectNode result = McpJson.object();
    result.put("action", "accept");
    ObjectNode content = result.putObject("content");
    JsonNode properties = params.path("requestedSchema").path("properties");
    properties.fields().forEachRemaining(e -> {
      JsonNode def = e.getValue().get("default");
      if (def != null) {
        content.set(e.getKey(), def);
      }
    });
    return result;
  }

  /** A canned model answer. */
  static JsonNode sample(JsonNode params) {
    ObjectNode result = McpJson.object();
    result.put("role", "assistant");
    ObjectNode content = result.putObject("content");
    content.put("type", "text");
    content.put("text", "This is a response from the conformance client's stand-in model.");
    result.put("model", "stand-in-model");
    result.put("stopReason", "endTurn");
    return result;
  }

  /** One root. */
  static JsonNode roots() {
    ObjectNode result = McpJson.object();
    ObjectNode root = result.putArray("roots").addObject();
    root.put("uri", "file:///tmp/conformance");
    root.put("name", "conformance");
    return result;
  }
}
