package dev.mcpkit.core.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** A request: expects exactly one response with the same id. {@code params} may be null. */
public record JsonRpcRequest(RequestId id, String method, JsonNode params) implements JsonRpcMessage {
  public JsonRpcRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(method, "method");
  }
}
