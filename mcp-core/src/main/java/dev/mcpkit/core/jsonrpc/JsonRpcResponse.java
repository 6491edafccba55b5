package dev.mcpkit.core.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** The answer to a request: a result or an error. */
public sealed interface JsonRpcResponse extends JsonRpcMessage {
  /** The id of the request answered; null only for an error about a message whose id was unreadable. */
  RequestId id();

  static JsonRpcResponse result(RequestId id, JsonNode result) {
    return new Result(id, result);
  }

  static JsonRpcResponse error(RequestId id, JsonRpcError error) {
    return new Error(id, error);
  }

  static JsonRpcResponse error(RequestId id, int code, String message) {
    return new Error(id, new JsonRpcError(code, message));
  }

  /** A successful response. */
  record Result(RequestId id, JsonNode result) implements JsonRpcResponse {
    public Result {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(result, "result");
    }
  }

  /** An error response. */
  record Error(RequestId id, JsonRpcError error) implements JsonRpcResponse {
    public Error {
      Objects.requireNonNull(error, "error");
    }
  }
}
