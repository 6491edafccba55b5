package dev.mcpkit.policy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mcpkit.core.json.McpJson;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Removes secrets from what goes into the activity log: values of keys that look like secrets
 * (case-insensitive, at any depth, also inside strings that hold JSON), and bearer/basic credentials or
 * {@code key=value} secrets inside other strings. Returns a copy; the input is not changed.
 */
public final class Redactor {
  public static final String REDACTED = "[REDACTED]";
  private static final Pattern SECRET_KEY = Pattern.compile(
      "(?i).*(password|passwd|secret|token|api[_-]?key|apikey|authorization|credential|cookie|"
          + "private[_-]?key).*");
  private static final Pattern IN_TEXT = Pattern.compile(
      "(?i)((?:bearer|basic)\\s+)[A-Za-z0-9._~+/=-]{8,}"
          + "|((?:password|passwd|secret|token|api[_-]?key|apikey)\\s*[=:]\\s*)[^\\s,;&\"']+");

  private Redactor() {}

  /** Whether a value under {@code key} is never logged. */
  public static boolean isSecretKey(String key) {
    return SECRET_KEY.matcher(key).matches();
  }

  /** A redacted copy of {@code node} (null stays null). */
  public static JsonNode redact(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        out.set(f.getKey(), isSecretKey(f.getKey()) ? TextNode.valueOf(REDACTED)
            : redact(f.getValue()));
      }
      return out;
    }
    if (node.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (JsonNode item : node) {
        out.add(redact(item));
      }
      return out;
    }
    if (node.isTextual()) {
      return TextNode.valueOf(redactEmbedded(node.textValue()));
    }
    return node;
  }

  /** Text that is itself JSON (a structured result repeated as text) is redacted as JSON. */
  private static String redactEmbedded(String text) {
    String t = text.strip();
    if (t.length() < 1_000_000 && (t.startsWith("{") || t.startsWith("["))) {
      try {
        JsonNode parsed = McpJson.mapper().readTree(t);
        if (parsed != null && parsed.isContainerNode()) {
          return McpJson.write(redact(parsed));
        }
      } catch (java.io.IOException notJson) {
        // plain text that merely starts with a bracket
      }
    }
    return redactText(text);
  }

  /** {@code text} with bearer credentials and {@code secret=value} pairs replaced. */
  public static String redactText(String text) {
    if (text == null) {
      return null;
    }
    return IN_TEXT.matcher(text).replaceAll(m -> {
      String prefix = m.group(1) != null ? m.group(1) : m.group(2);
      return java.util.regex.Matcher.quoteReplacement(prefix + REDACTED);
    });
  }
}
