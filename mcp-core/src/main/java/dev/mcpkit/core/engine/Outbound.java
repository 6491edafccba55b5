package dev.mcpkit.core.engine;

import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.jsonrpc.RequestId;
import java.io.IOException;

/**
 * Where an engine writes. Called from any thread, concurrently: implementations serialise writes.
 * {@code relatedRequest} names the incoming request a message belongs to (a progress notification,
 * a nested request, the response itself), so an HTTP server can put it on that request's stream; it is
 * null for messages that belong to no request.
 */
@FunctionalInterface
public interface Outbound {
  void send(JsonRpcMessage message, RequestId relatedRequest) throws IOException;
}
