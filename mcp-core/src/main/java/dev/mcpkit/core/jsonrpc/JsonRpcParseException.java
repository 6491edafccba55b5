package dev.mcpkit.core.jsonrpc;

import dev.mcpkit.core.McpProtocolException;

/**
 * Input that is not JSON ({@link ErrorCodes#PARSE_ERROR}) or not JSON-RPC
 * ({@link ErrorCodes#INVALID_REQUEST}). {@link #id()} is the offending message's id when it could be
 * read, so the error response can carry it.
 */
public final class JsonRpcParseException extends McpProtocolException {
  private static final long serialVersionUID = 1L;
  private final transient RequestId id;

  public JsonRpcParseException(int code, String message, RequestId id) {
    super(code, message);
    this.id = id;
  }

  /** The id of the rejected message, or null. */
  public RequestId id() {
    return id;
  }

  /** The error response to send back. */
  public JsonRpcResponse toResponse() {
    return JsonRpcResponse.error(id, error());
  }
}
