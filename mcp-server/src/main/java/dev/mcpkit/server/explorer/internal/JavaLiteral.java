package dev.mcpkit.server.explorer.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Writes a JSON value as Java source: {@code Map.of(…)}, {@code List.of(…)}, literals. */
final class JavaLiteral {
  private static final int MAP_OF_LIMIT = 10;

  private JavaLiteral() {}

  static String of(JsonNode node) {
    if (node == null || node.isNull()) {
      return "null";
    }
    if (node.isTextual()) {
      return new TextNode(node.asText()).toString();
    }
    if (node.isBoolean() || node.isInt()) {
      return node.toString();
    }
    if (node.isIntegralNumber()) {
      return node.toString() + "L";
    }
    if (node.isNumber()) {
      return node.toString() + (node.toString().matches("-?\\d+") ? ".0" : "");
    }
    List<String> parts = new ArrayList<>();
    if (node.isArray()) {
      node.forEach(element -> parts.add(of(element)));
      return "List.of(" + String.join(", ", parts) + ")";
    }
    boolean small = node.size() <= MAP_OF_LIMIT;
    for (Map.Entry<String, JsonNode> field : node.properties()) {
      String key = new TextNode(field.getKey()).toString();
      parts.add(small ? key + ", " + of(field.getValue())
          : "Map.entry(" + key + ", " + of(field.getValue()) + ")");
    }
    return (small ? "Map.of(" : "Map.ofEntries(") + String.join(", ", parts) + ")";
  }
}
