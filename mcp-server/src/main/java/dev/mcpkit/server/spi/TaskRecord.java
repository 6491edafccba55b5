package dev.mcpkit.server.spi;

import dev.mcpkit.core.schema.Tasks.TaskStatus;
import java.util.Objects;

/**
 * What the server keeps of a task: enough to answer {@code tasks/get}, {@code tasks/result} and
 * {@code tasks/list} from any instance. JSON payloads are kept as text, so a store needs no JSON
 * type. The task's running state (the handler's thread, answers collected for a pending input)
 * stays in the JVM that runs it.
 *
 * @param taskId unguessable id (128 random bits)
 * @param owner who may see the task: the caller's subject, and for the session protocol the session
 * @param toolName the tool the task runs
 * @param statusMessage a line for people (progress, why it failed), or null
 * @param ttlMillis retention from creation, or null for unlimited
 * @param pollIntervalMillis how often a client should poll
 * @param result the tool's {@code CallToolResult} as JSON, when {@link TaskStatus#COMPLETED}
 * @param error the JSON-RPC error object, when {@link TaskStatus#FAILED}
 * @param inputRequests the pending input requests (a JSON object keyed by request key), when
 *     {@link TaskStatus#INPUT_REQUIRED}
 */
public record TaskRecord(
    String taskId,
    String owner,
    String toolName,
    TaskStatus status,
    String statusMessage,
    long createdAtMillis,
    long lastUpdatedAtMillis,
    Long ttlMillis,
    long pollIntervalMillis,
    String result,
    String error,
    String inputRequests) {

  public TaskRecord {
    Objects.requireNonNull(taskId, "taskId");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(toolName, "toolName");
    Objects.requireNonNull(status, "status");
  }

  /** When the task may be forgotten ({@link Long#MAX_VALUE} when it never expires). */
  public long expiresAtMillis() {
    return ttlMillis == null ? Long.MAX_VALUE : createdAtMillis + ttlMillis;
  }

  /** A copy in {@code status}, with no payload, updated at {@code nowMillis}. */
  public TaskRecord withStatus(TaskStatus status, String message, long nowMillis) {
    return new TaskRecord(taskId, owner, toolName, status, message, createdAtMillis, nowMillis,
        ttlMillis, pollIntervalMillis, null, null, null);
  }

  /** A copy that completed with {@code resultJson}. */
  public TaskRecord completed(String resultJson, long nowMillis) {
    return new TaskRecord(taskId, owner, toolName, TaskStatus.COMPLETED, statusMessage,
        createdAtMillis, nowMillis, ttlMillis, pollIntervalMillis, resultJson, null, null);
  }

  /** A copy that failed with the JSON-RPC error {@code errorJson}. */
  public TaskRecord failed(String errorJson, String message, long nowMillis) {
    return new TaskRecord(taskId, owner, toolName, TaskStatus.FAILED, message, createdAtMillis,
        nowMillis, ttlMillis, pollIntervalMillis, null, errorJson, null);
  }

  /** A copy that waits for the answers to {@code requestsJson}. */
  public TaskRecord inputRequired(String requestsJson, long nowMillis) {
    return new TaskRecord(taskId, owner, toolName, TaskStatus.INPUT_REQUIRED, statusMessage,
        createdAtMillis, nowMillis, ttlMillis, pollIntervalMillis, null, null, requestsJson);
  }
}
