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

  /** Keys repeat from call to call; their verdict is remembered (bounded). */
  private static final java.util.Map<String, Boolean> KEYS_SEEN =
      new java.util.concurrent.ConcurrentHashMap<>();

  private Redactor() {}

  /** Whether a value under {@code key} is never logged. */
  public static boolean isSecretKey(String key) {
    Boolean known = KEYS_SEEN.get(key);
    if (known != null) {
      return known;
    }
    boolean secret = SECRET_KEY.matcher(key).matches();
    if (KEYS_SEEN.size() < 10_000) {
      KEYS_SEEN.put(key, secret);
    }
    return secret;
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

  /** Words one of which a secret in a text follows (lower case; see {@link #IN_TEXT}). */
  private static final String[] HINTS = {"bearer", "basic", "pass", "secret", "token", "key"};

  /**
   * A cheap test that rules out most strings before the regular expression runs (every match of
   * {@link #IN_TEXT} contains one of {@link #HINTS}, in ASCII letters of either case); it compares
   * in place rather than lower-casing a copy of the text.
   */
  static boolean mayHoldSecret(String text) {
    int n = text.length();
    if (n < 8) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      char c = lower(text.charAt(i));
      if (c == 'b' || c == 'p' || c == 's' || c == 't' || c == 'k') {
        for (String hint : HINTS) {
          if (hint.charAt(0) == c && startsWith(text, i, hint)) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /** ASCII letters in lower case; any other character is returned as is. */
  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c | 0x20) : c;
  }

  /** Whether {@code text} holds the lower-case ASCII {@code word} at {@code at}, in any case. */
  private static boolean startsWith(String text, int at, String word) {
    if (at + word.length() > text.length()) {
      return false;
    }
    for (int j = 1; j < word.length(); j++) {
      if (lower(text.charAt(at + j)) != word.charAt(j)) {
        return false;
      }
    }
    return true;
  }

  /** {@code text} with bearer credentials and {@code secret=value} pairs replaced. */
  public static String redactText(String text) {
    if (text == null || !mayHoldSecret(text)) {
      return text;
    }
    return IN_TEXT.matcher(text).replaceAll(m -> {
      String prefix = m.group(1) != null ? m.group(1) : m.group(2);
      return java.util.regex.Matcher.quoteReplacement(prefix + REDACTED);
    });
  }

  /** A URL in text: up to whitespace, a quote or a closing bracket. */
  private static final Pattern URL_IN_TEXT = Pattern.compile("https?://[^\\s'\"<>)\\]]+");
  /** A path segment that looks like a capability token: 20 or more base64url characters. */
  private static final Pattern TOKEN_SEGMENT = Pattern.compile("(?<=/)[A-Za-z0-9_-]{20,}(?=/|$)");

  /**
   * {@code text} with the secrets a URL can carry masked: path segments that look like a capability
   * token (20 or more base64url characters) and every query string. Used for server addresses in
   * events and failure reasons; the registration itself keeps the full URL.
   */
  public static String redactUrls(String text) {
    if (text == null || text.indexOf("://") < 0) {
      return text;
    }
    return URL_IN_TEXT.matcher(text).replaceAll(m -> {
      String url = m.group();
      int q = url.indexOf('?');
      String path = q < 0 ? url : url.substring(0, q);
      int start = path.indexOf('/', path.indexOf("://") + 3);
      if (start >= 0) {
        path = path.substring(0, start)
            + TOKEN_SEGMENT.matcher(path.substring(start)).replaceAll(REDACTED);
      }
      return java.util.regex.Matcher.quoteReplacement(path + (q < 0 ? "" : "?" + REDACTED));
    });
  }
}
