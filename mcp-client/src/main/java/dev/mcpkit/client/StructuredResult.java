package dev.mcpkit.client;

import dev.mcpkit.core.schema.Tools.CallToolResult;

/**
 * A tool result whose structured content was read as a Java type.
 *
 * @param value the structured content as {@code T}; null when the tool failed ({@link #isError()})
 *     or returned no structured content
 * @param result the whole result, with the content blocks
 */
public record StructuredResult<T>(T value, CallToolResult result) {
  /** Whether the tool reported a failure; the reason is in the result's content. */
  public boolean isError() {
    return Boolean.TRUE.equals(result.isError());
  }
}
