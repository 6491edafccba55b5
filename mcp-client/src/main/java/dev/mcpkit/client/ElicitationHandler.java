package dev.mcpkit.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answers a server's {@code elicitation/create}: asks the user and returns {@code accept} with the
 * content, {@code decline} or {@code cancel}. Form mode carries a {@code requestedSchema}; URL mode
 * (2025-11-25+) carries a {@code url} the user should open, and is declared only when
 * {@link #supportsUrlMode()} says so. Setting one declares the {@code elicitation} capability. Runs
 * on a worker thread and may block; may be called concurrently.
 */
@FunctionalInterface
public interface ElicitationHandler {
  /**
   * @param params the {@code ElicitRequest} params ({@code mode}, {@code message}, and
   *     {@code requestedSchema} or {@code url} and {@code elicitationId})
   * @return an {@code ElicitResult}: {@code {"action": "accept", "content": {...}}} or a decline/cancel
   */
  JsonNode elicit(JsonNode params) throws Exception;

  /** Whether this handler can send the user to a URL (declares {@code elicitation.url}). */
  default boolean supportsUrlMode() {
    return false;
  }
}
