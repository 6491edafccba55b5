package dev.mcpkit.core.jsonrpc;

import java.util.List;

/**
 * What one JSON text held: a single message, or a batch. In a batch, elements that are not valid
 * JSON-RPC are answered by the prepared {@code rejected} error responses; the valid ones are in
 * {@code messages}, in order.
 */
public record Decoded(List<JsonRpcMessage> messages, List<JsonRpcResponse> rejected, boolean batch) {
  public Decoded {
    messages = List.copyOf(messages);
    rejected = List.copyOf(rejected);
  }

  /** The only message of a non-batch text. */
  public JsonRpcMessage single() {
    if (batch || messages.size() != 1) {
      throw new IllegalStateException("a batch of " + (messages.size() + rejected.size()) + " messages");
    }
    return messages.get(0);
  }
}
