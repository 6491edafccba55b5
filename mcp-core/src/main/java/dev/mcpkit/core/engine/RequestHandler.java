package dev.mcpkit.core.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answers one request method. Runs on the thread that received the request (HTTP) or on the engine's
 * executor (stream transports), may block, and may be interrupted when the request is cancelled.
 *
 * <p>Return the result (null means an empty object). Throw {@link dev.mcpkit.core.McpProtocolException}
 * to answer with a specific JSON-RPC error; any other exception is answered with a generic internal error
 * that reveals nothing of it to the peer, and is logged.
 */
@FunctionalInterface
public interface RequestHandler {
  JsonNode handle(RequestContext context, JsonNode params) throws Exception;
}
