package dev.mcpkit.opentelemetry.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a request is about, as the conventions name it: the tool ({@code tools/call}), the prompt
 * ({@code prompts/get}) or the resource ({@code resources/read}, {@code resources/subscribe},
 * {@code resources/unsubscribe}). The span name is {@code {mcp.method.name} {target}} with the tool or
 * prompt as target; a resource URI never goes into the name (its cardinality is unbounded). Read
 * straight from the params, without allocating.
 */
final class Target {
  /** Longer names are not low-cardinality targets; they are left out of the span name. */
  private static final int MAX_NAME = 256;

  private Target() {}

  /** The tool ({@code tools/call}) or prompt ({@code prompts/get}) named, or null. */
  static String name(String method, JsonNode params) {
    if (params == null || !isTool(method) && !"prompts/get".equals(method)) {
      return null;
    }
    return text(params, "name");
  }

  static boolean isTool(String method) {
    return "tools/call".equals(method);
  }

  /** The resource a resource request (or {@code notifications/resources/updated}) is about. */
  static String resourceUri(String method, JsonNode params) {
    if (params == null) {
      return null;
    }
    return switch (method) {
      case "resources/read", "resources/subscribe", "resources/unsubscribe",
          "notifications/resources/updated" -> text(params, "uri");
      default -> null;
    };
  }

  private static String text(JsonNode params, String field) {
    JsonNode v = params.get(field);
    return v != null && v.isTextual() && v.textValue().length() <= MAX_NAME ? v.textValue() : null;
  }
}
