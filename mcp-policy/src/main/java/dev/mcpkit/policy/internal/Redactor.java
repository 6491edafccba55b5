package dev.mcpkit.policy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.json.SecretRedactor;
import java.util.regex.Pattern;

/**
 * The activity log's redaction: mcp-core's {@link SecretRedactor}, which telemetry shares so that a
 * payload on a span is redacted exactly as in the log.
 */
public final class Redactor {
  public static final String REDACTED = SecretRedactor.REDACTED;

  private Redactor() {}

  public static boolean isSecretKey(String key) {
    return SecretRedactor.isSecretKey(key);
  }

  public static JsonNode redact(JsonNode node) {
    return SecretRedactor.redact(node);
  }

  public static String redactText(String text) {
    return SecretRedactor.redactText(text);
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
