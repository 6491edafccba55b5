package dev.mcpkit.server;

/**
 * Runs a tool on arguments read into a record (whose schema is the tool's input schema). Returns
 * either a {@link dev.mcpkit.core.schema.Tools.CallToolResult} or, for tools with an output record,
 * that record (sent as {@code structuredContent} and repeated as text). Failures as for {@link
 * ToolHandler}.
 *
 * @param <A> the arguments record
 * @param <R> what the handler returns
 */
@FunctionalInterface
public interface TypedToolHandler<A extends Record, R> {
  R call(A arguments, ToolContext context) throws Exception;
}
