package dev.mcpkit.client;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.jsonrpc.JsonRpcError;
import dev.mcpkit.core.schema.Tasks.TaskStatus;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import java.time.Duration;

/**
 * A task as the server last described it (either protocol era).
 *
 * @param taskId the id, or null when the server answered a task call directly (then {@code
 *     status} is completed and {@code result} holds the answer)
 * @param statusMessage the server's line about the task (often its progress), or null
 * @param pollInterval how often the server wants to be asked, or null
 * @param ttl how long the server keeps the task from its creation, or null for unlimited
 * @param result the tool's result once completed (2026-07-28 inlines it; 2025-11-25 after
 *     {@code tasks/result}), else null
 * @param error the JSON-RPC error of a failed task (2026-07-28), else null
 * @param inputRequests what the task waits for, when {@link TaskStatus#INPUT_REQUIRED}, else null
 */
public record TaskSnapshot(String taskId, TaskStatus status, String statusMessage,
    Duration pollInterval, Duration ttl, CallToolResult result, JsonRpcError error,
    ObjectNode inputRequests) {

  /** Whether the task can no longer change. */
  public boolean isTerminal() {
    return status.isTerminal();
  }
}
