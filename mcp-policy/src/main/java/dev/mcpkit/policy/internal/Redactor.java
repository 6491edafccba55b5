package dev.mcpkit.policy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.json.SecretRedactor;

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
}
