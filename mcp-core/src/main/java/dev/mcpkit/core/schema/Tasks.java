package dev.mcpkit.core.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Tasks (2025-11-25 only): a request carrying {@link TaskMetadata} in {@code task} returns a {@link
 * CreateTaskResult} at once; the requestor polls {@code tasks/get}, fetches the real result with
 * {@code tasks/result} (whatever the original method returns), lists with {@code tasks/list} and
 * cancels with {@code tasks/cancel}. In 2026-07-28 tasks moved out of the core protocol into the
 * {@code io.modelcontextprotocol/tasks} extension, advertised in {@code capabilities.extensions}.
 */
public final class Tasks {
  private Tasks() {}

  /** The {@code task} param of a task-augmented request: the retention the requestor asks for. */
  public record TaskMetadata(
      Long ttl,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public TaskMetadata {
      extra = Immutable.extra(extra);
    }

    public TaskMetadata(Long ttl) {
      this(ttl, null);
    }
  }

  /**
   * A task. Also the result of {@code tasks/get} and {@code tasks/cancel} and the params of {@code
   * notifications/tasks/status}, which add {@code _meta}. {@code ttl} is always written: {@code
   * null} means unlimited retention. Timestamps are ISO 8601.
   */
  public record Task(
      String taskId,
      TaskStatus status,
      String statusMessage,
      String createdAt,
      String lastUpdatedAt,
      @JsonInclude(JsonInclude.Include.ALWAYS) Long ttl,
      Long pollInterval,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public Task {
      Immutable.required(taskId, "Task.taskId");
      Immutable.required(status, "Task.status");
      Immutable.required(createdAt, "Task.createdAt");
      Immutable.required(lastUpdatedAt, "Task.lastUpdatedAt");
      extra = Immutable.extra(extra);
    }
  }

  /** The state of a task; {@link #COMPLETED}, {@link #FAILED} and {@link #CANCELLED} are final. */
  public enum TaskStatus {
    WORKING("working"),
    INPUT_REQUIRED("input_required"),
    COMPLETED("completed"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String wire;

    TaskStatus(String wire) {
      this.wire = wire;
    }

    @JsonValue
    public String wire() {
      return wire;
    }

    @JsonCreator
    public static TaskStatus fromWire(String value) {
      return WireEnums.parse(TaskStatus.class, value, TaskStatus::wire);
    }

    /** Whether the task can no longer change. */
    public boolean isTerminal() {
      return this == COMPLETED || this == FAILED || this == CANCELLED;
    }
  }

  /** The immediate answer to a task-augmented request. */
  public record CreateTaskResult(
      Task task,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public CreateTaskResult {
      Immutable.required(task, "CreateTaskResult.task");
      extra = Immutable.extra(extra);
    }

    public CreateTaskResult(Task task) {
      this(task, null, null);
    }
  }

  /** Params of {@code tasks/get}, {@code tasks/result} and {@code tasks/cancel}. */
  public record TaskIdParams(
      String taskId,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public TaskIdParams {
      Immutable.required(taskId, "taskId");
      extra = Immutable.extra(extra);
    }

    public TaskIdParams(String taskId) {
      this(taskId, null, null);
    }
  }

  /** Result of {@code tasks/list}. */
  public record ListTasksResult(
      List<Task> tasks,
      String nextCursor,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra)
      implements Pagination.PaginatedResult {
    public ListTasksResult {
      tasks = Immutable.list(Immutable.required(tasks, "ListTasksResult.tasks"));
      extra = Immutable.extra(extra);
    }

    public ListTasksResult(List<Task> tasks, String nextCursor) {
      this(tasks, nextCursor, null, null);
    }
  }

  /** The value under {@link Meta#RELATED_TASK} in {@code _meta}: the task a message belongs to. */
  public record RelatedTask(
      String taskId,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public RelatedTask {
      Immutable.required(taskId, "RelatedTaskMetadata.taskId");
      extra = Immutable.extra(extra);
    }

    public RelatedTask(String taskId) {
      this(taskId, null);
    }
  }
}
