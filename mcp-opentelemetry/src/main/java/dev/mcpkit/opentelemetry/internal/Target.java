package dev.mcpkit.opentelemetry.internal;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a request is about, as the conventions name it: the tool ({@code tools/call}), the prompt
 * ({@code prompts/get}) or the resource ({@code resources/read}, {@code resources/subscribe},
 * {@code resources/unsubscribe}). The span name is {@code {mcp.method.name} {target}} with the tool or
 * prompt as target; a resource URI never goes into the name (its cardinality is unbounded).
 */
record Target(String tool, String prompt, String resourceUri) {
  private static final Target NONE = new Target(null, null, null);
  /** Longer names are not low-cardinality targets; they are left out of the span name. */
  private static final int MAX_NAME = 256;

  static Target of(String method, JsonNode params) {
    if (params == null) {
      return NONE;
    }
    switch (method) {
      case "tools/call":
        return new Target(text(params, "name"), null, null);
      case "prompts/get":
        return new Target(null, text(params, "name"), null);
      case "resources/read", "resources/subscribe", "resources/unsubscribe":
        return new Target(null, null, text(params, "uri"));
      default:
        return NONE;
    }
  }

  String spanName(String method) {
    String target = tool != null ? tool : prompt;
    return target == null ? method : method + " " + target;
  }

  private static String text(JsonNode params, String field) {
    JsonNode v = params.get(field);
    return v != null && v.isTextual() && v.textValue().length() <= MAX_NAME ? v.textValue() : null;
  }
}
