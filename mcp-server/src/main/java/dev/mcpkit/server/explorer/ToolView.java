package dev.mcpkit.server.explorer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Tools;
import java.util.Objects;

/**
 * One exposed tool as the explorer shows it: the fields of the protocol's {@code Tool} object.
 *
 * @param name the tool's name, as clients call it
 * @param title a human-readable title, or null
 * @param description what the tool does, or null; shown as text, never as HTML
 * @param inputSchema the JSON Schema of the arguments; null means an object with no properties
 * @param outputSchema the JSON Schema of {@code structuredContent}, or null
 * @param annotations the tool's annotations object ({@code readOnlyHint} …), or null
 */
public record ToolView(String name, String title, String description, JsonNode inputSchema,
    JsonNode outputSchema, JsonNode annotations) {

  public ToolView {
    Objects.requireNonNull(name, "name");
    if (inputSchema == null || inputSchema.isNull() || inputSchema.isMissingNode()) {
      inputSchema = McpJson.object().put("type", "object");
    }
    outputSchema = absentAsNull(outputSchema);
    annotations = absentAsNull(annotations);
  }

  /**
   * Reads one element of a {@code tools/list} result's {@code tools} array.
   *
   * @throws IllegalArgumentException when {@code tool} is not an object with a string {@code name}
   */
  public static ToolView of(JsonNode tool) {
    if (tool == null || !tool.isObject() || !tool.path("name").isTextual()) {
      throw new IllegalArgumentException(
          "a tool must be a JSON object with a string 'name', got: " + tool);
    }
    return new ToolView(tool.get("name").asText(), text(tool, "title"), text(tool, "description"),
        tool.get("inputSchema"), tool.get("outputSchema"), tool.get("annotations"));
  }

  /** The explorer's view of a protocol {@code Tool}, as the server lists it. */
  public static ToolView of(Tools.Tool tool) {
    return of(McpJson.toTree(Objects.requireNonNull(tool, "tool")));
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }

  private static JsonNode absentAsNull(JsonNode node) {
    return node == null || node instanceof NullNode || node.isMissingNode() ? null : node;
  }
}
