package dev.mcpkit.server;

import dev.mcpkit.core.schema.Completions.CompleteParams;
import dev.mcpkit.core.schema.Completions.Completion;

/**
 * Suggests values for a prompt argument or a resource template variable ({@code
 * completion/complete}). Return at most 100 values; an empty completion is a fine answer.
 */
@FunctionalInterface
public interface CompletionHandler {
  Completion complete(CompleteParams params, CallContext context) throws Exception;
}
