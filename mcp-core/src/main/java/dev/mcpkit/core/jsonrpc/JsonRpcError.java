package dev.mcpkit.core.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** The {@code error} member of a JSON-RPC error response. {@code data} may be null. */
public record JsonRpcError(int code, String message, JsonNode data) {
  public JsonRpcError {
    Objects.requireNonNull(message, "message");
  }

  public JsonRpcError(int code, String message) {
    this(code, message, null);
  }
}
