package dev.mcpkit.client;

import dev.mcpkit.core.schema.Elicitation.ElicitParams;
import dev.mcpkit.core.schema.Elicitation.ElicitResult;

/**
 * Answers a server's {@code elicitation/create}: asks the user and returns
 * {@link ElicitResult#accept}, {@link ElicitResult#decline()} or {@link ElicitResult#cancel()}. Form
 * mode ({@link dev.mcpkit.core.schema.Elicitation.FormParams}) carries a requested schema; URL mode
 * ({@link dev.mcpkit.core.schema.Elicitation.UrlParams}, 2025-11-25+) a URL the user should open, and
 * is declared only when {@link #supportsUrlMode()} says so. Setting one declares the
 * {@code elicitation} capability. Runs on a worker thread and may block; may be called concurrently.
 */
@FunctionalInterface
public interface ElicitationHandler {
  ElicitResult elicit(ElicitParams params) throws Exception;

  /** Whether this handler can send the user to a URL (declares {@code elicitation.url}). */
  default boolean supportsUrlMode() {
    return false;
  }
}
