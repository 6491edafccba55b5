package dev.mcpkit.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.schema.Tools.CallToolResult;

/**
 * Runs a tool on raw JSON arguments. The arguments have been validated against the tool's input
 * schema before the handler runs.
 *
 * <p>Return the result; report a failure the model should see either as a result with {@code
 * isError} ({@link CallToolResult#error}) or by throwing {@link ToolException}, whose message is
 * shown. Any other exception also becomes an {@code isError} result, with a generic message (the
 * exception is logged, never sent). Throw {@link dev.mcpkit.core.McpProtocolException} only for
 * protocol errors. Runs on the request's thread; it is interrupted when the call is cancelled or
 * times out.
 */
@FunctionalInterface
public interface ToolHandler {
  CallToolResult call(ObjectNode arguments, ToolContext context) throws Exception;
}
