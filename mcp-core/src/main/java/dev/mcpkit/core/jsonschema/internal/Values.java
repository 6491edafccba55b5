package dev.mcpkit.core.jsonschema.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/** How problem messages show JSON values and type names to a human (or a model). */
public final class Values {
  private static final int MAX_STRING = 40;

  private Values() {}

  /** {@code string "x"}, {@code integer 3}, {@code number 1.5}, {@code null}, {@code an object}. */
  public static String describe(JsonNode value) {
    if (value == null || value.isMissingNode()) {
      return "nothing";
    }
    return switch (value.getNodeType()) {
      case STRING -> "string " + json(value);
      case NUMBER -> (value.isIntegralNumber() ? "integer " : "number ") + value;
      case BOOLEAN -> "boolean " + value;
      case NULL -> "null";
      case OBJECT, POJO -> "an object";
      case ARRAY -> "an array";
      default -> value.getNodeType().name().toLowerCase(Locale.ROOT);
    };
  }

  /** Compact JSON, with long strings cut short. */
  static String json(JsonNode value) {
    if (value.isTextual()) {
      String text = value.textValue();
      if (text.codePointCount(0, text.length()) > MAX_STRING) {
        text = text.substring(0, text.offsetByCodePoints(0, MAX_STRING)) + "...";
      }
      return TextNode.valueOf(text).toString();
    }
    return value.toString();
  }

  /** The length the JSON Schema length keywords count: code points. */
  static int length(JsonNode value) {
    String text = value.asText();
    return text.codePointCount(0, text.length());
  }

  /** {@code an integer}, {@code a string or null}, {@code an object, an array or null}. */
  static String typeList(Collection<String> types) {
    List<String> named = new ArrayList<>();
    for (String type : types) {
      named.add(switch (type) {
        case "integer", "object", "array" -> "an " + type;
        case "null" -> "null";
        default -> "a " + type;
      });
    }
    if (named.size() == 1) {
      return named.get(0);
    }
    return String.join(", ", named.subList(0, named.size() - 1))
        + " or " + named.get(named.size() - 1);
  }

  /** {@code  (did you mean "metric"?)} when one allowed text value is a likely intended one. */
  static String suggestion(JsonNode given, JsonNode allowed) {
    List<String> candidates = new ArrayList<>();
    allowed.forEach(value -> {
      if (value.isTextual()) {
        candidates.add(value.textValue());
      }
    });
    return suggestion(given, candidates);
  }

  static String suggestion(JsonNode given, Collection<String> candidates) {
    if (given == null || !given.isTextual()) {
      return "";
    }
    String text = given.textValue().toLowerCase(Locale.ROOT);
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : candidates) {
      int distance = distance(text, candidate.toLowerCase(Locale.ROOT));
      if (distance < bestDistance) {
        best = candidate;
        bestDistance = distance;
      }
    }
    boolean close = best != null && bestDistance <= Math.max(1, Math.min(2, best.length() / 3));
    return close ? " (did you mean " + TextNode.valueOf(best) + "?)" : "";
  }

  /** Levenshtein distance; inputs are short (enum values, property names). */
  private static int distance(String a, String b) {
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[b.length()];
  }
}
