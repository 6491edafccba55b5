package dev.mcpkit.core.jsonrpc;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Objects;

/** A notification: no id, no response. {@code params} may be null. */
public record JsonRpcNotification(String method, JsonNode params) implements JsonRpcMessage {
  public JsonRpcNotification {
    Objects.requireNonNull(method, "method");
  }
}
