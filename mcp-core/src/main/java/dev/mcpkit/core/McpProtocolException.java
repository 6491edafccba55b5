package dev.mcpkit.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.jsonrpc.ErrorCodes;
import dev.mcpkit.core.jsonrpc.JsonRpcError;

/**
 * A JSON-RPC error: thrown by handlers to answer with an error, and by callers' blocking methods when the
 * peer answered with one. Tool failures are not protocol errors: they are results with {@code isError}.
 */
public class McpProtocolException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient JsonRpcError error;

  public McpProtocolException(JsonRpcError error) {
    super(error.code() + " " + error.message());
    this.error = error;
  }

  public McpProtocolException(int code, String message) {
    this(new JsonRpcError(code, message, null));
  }

  public McpProtocolException(int code, String message, JsonNode data) {
    this(new JsonRpcError(code, message, data));
  }

  /** The JSON-RPC error carried: code, message and optional data. */
  public JsonRpcError error() {
    return error;
  }

  public int code() {
    return error.code();
  }

  public static McpProtocolException invalidParams(String message) {
    return new McpProtocolException(ErrorCodes.INVALID_PARAMS, message);
  }

  public static McpProtocolException invalidRequest(String message) {
    return new McpProtocolException(ErrorCodes.INVALID_REQUEST, message);
  }

  public static McpProtocolException methodNotFound(String method) {
    return new McpProtocolException(ErrorCodes.METHOD_NOT_FOUND, "Method not found: " + method);
  }

  public static McpProtocolException internalError(String message) {
    return new McpProtocolException(ErrorCodes.INTERNAL_ERROR, message);
  }
}
