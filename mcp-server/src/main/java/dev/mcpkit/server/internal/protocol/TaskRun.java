package dev.mcpkit.server.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.auth.McpPrincipal;
import dev.mcpkit.core.engine.Attributes;
import dev.mcpkit.core.engine.ProtocolEngine;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.server.ToolDefinition;
import dev.mcpkit.server.spi.TaskRecord;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;

/**
 * The running state of one task in this JVM: its handler's thread, the answers collected for its
 * input requests, and, before a grace-period task is created, the answer its request waits for.
 * Fields other than the finals are guarded by the object's monitor.
 */
final class TaskRun {
  /** Who created the task and how to reach them; fixed at creation. */
  record Origin(McpPrincipal principal, ObjectNode clientCapabilities, ObjectNode clientInfo,
      String protocolVersion, String sessionId, Attributes attributes, ProtocolEngine notifier) {}

  /** How an attempt of the handler ended. */
  record Outcome(JsonNode result, RuntimeException error) {}

  final String taskId;
  final String owner;
  final ToolDefinition tool;
  final ObjectNode arguments;
  final Origin origin;
  final Long ttlMillis;
  /** Completed with the first attempt's outcome while the call is still a plain request. */
  final CompletableFuture<Outcome> decision = new CompletableFuture<>();
  final ObjectNode responses = McpJson.object();
  final Set<String> pending = new LinkedHashSet<>();
  JsonNode state;
  TaskRecord record; // null while the call is still a plain request
  CallContextImpl delegate; // the request's context while the call is still a plain request
  volatile boolean cancelled;
  volatile Thread worker;

  TaskRun(String taskId, String owner, ToolDefinition tool, ObjectNode arguments, Origin origin,
      Long ttlMillis) {
    this.taskId = taskId;
    this.owner = owner;
    this.tool = tool;
    this.arguments = arguments;
    this.origin = origin;
    this.ttlMillis = ttlMillis;
  }

  synchronized boolean isTask() {
    return record != null;
  }

  synchronized boolean isFinished() {
    return record != null && record.status().isTerminal();
  }
}
