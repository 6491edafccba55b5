package dev.mcpkit.server.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.engine.RequestContext;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.JsonRpcError;
import dev.mcpkit.core.schema.Meta;
import dev.mcpkit.core.schema.Tasks.RelatedTask;
import dev.mcpkit.core.schema.Tasks.TaskStatus;
import dev.mcpkit.server.spi.TaskRecord;
import java.time.Duration;
import java.util.Iterator;
import java.util.Map;

/**
 * {@code tasks/result} (2025-11-25): waits until the task ends and answers with what the tool
 * returned. Input the task waits for is asked over this request (the client answers it like any
 * server request), so a client blocked on the result still sees the questions.
 */
final class TaskResults {
  private TaskResults() {}

  static JsonNode await(ServerCore core, RequestContext ctx, TaskRecord first) throws Exception {
    TaskRuns runs = core.tasks();
    TaskRecord task = first;
    String owner = TaskMethods.owner(ctx);
    while (!task.status().isTerminal()) {
      ctx.throwIfCancelled();
      if (task.status() == TaskStatus.INPUT_REQUIRED) {
        ObjectNode asks = (ObjectNode) TaskMethods.parse(task.inputRequests());
        ObjectNode answers = McpJson.object();
        for (Iterator<Map.Entry<String, JsonNode>> it = asks.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> ask = it.next();
          answers.set(ask.getKey(), ctx.sendRequest(ask.getValue().path("method").asText(),
              ask.getValue().get("params"), Duration.ZERO));
        }
        runs.update(task.taskId(), answers);
      } else {
        TaskRun run = runs.running(task.taskId());
        if (run != null) {
          synchronized (run) {
            if (run.record == null || run.record.lastUpdatedAtMillis()
                == task.lastUpdatedAtMillis() && run.record.status() == task.status()) {
              run.wait(task.pollIntervalMillis());
            }
          }
        } else {
          Thread.sleep(task.pollIntervalMillis()); // held by another instance: poll its record
        }
      }
      task = runs.find(owner, task.taskId());
      if (task == null) {
        throw TaskRuns.unknownTask();
      }
    }
    return switch (task.status()) {
      case COMPLETED -> {
        ObjectNode result = (ObjectNode) TaskMethods.parse(task.result());
        JsonNode meta = result.get("_meta");
        ObjectNode m = meta instanceof ObjectNode o ? o : result.putObject("_meta");
        m.set(Meta.RELATED_TASK, McpJson.toTree(new RelatedTask(task.taskId())));
        yield result;
      }
      case FAILED -> throw new McpProtocolException(McpJson.fromTree(
          TaskMethods.parse(task.error()), JsonRpcError.class));
      default -> throw McpProtocolException.invalidParams("Invalid params: the task was cancelled and"
          + " has no result");
    };
  }
}
