package dev.mcpkit.core.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/**
 * Tasks. In 2025-11-25 (the first records of this file) a request carrying {@link TaskMetadata} in {@code task} returns a {@link
 * CreateTaskResult} at once; the requestor polls {@code tasks/get}, fetches the real result with
 * {@code tasks/result} (whatever the original method returns), lists with {@code tasks/list} and
 * cancels with {@code tasks/cancel}. In 2026-07-28 tasks moved out of the core protocol into the
 * {@code io.modelcontextprotocol/tasks} extension, advertised in {@code capabilities.extensions}:
 * the server alone decides to answer {@code tools/call} with a flat {@link DetailedTask} whose
 * {@code resultType} is {@code "task"}; {@code tasks/get} returns the same shape with the result,
 * error or pending input inlined; {@code tasks/update} delivers input ({@link UpdateTaskParams});
 * {@code tasks/cancel} and {@code tasks/update} answer with an empty result. {@code tasks/result}
 * and {@code tasks/list} do not exist there.
 */
public final class Tasks {
  /** The identifier of the tasks extension (2026-07-28). */
  public static final String EXTENSION = "io.modelcontextprotocol/tasks";
  /** The {@code resultType} of a result that is a task handle (2026-07-28). */
  public static final String RESULT_TYPE_TASK = "task";

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

  /**
   * A task as the 2026-07-28 extension sends it: the result of {@code tools/call} when the server
   * made a task ({@code resultType} {@code "task"}, none of {@code result}, {@code error}, {@code
   * inputRequests}), and of {@code tasks/get} ({@code resultType} {@code "complete"}, with
   * {@code result} when completed, {@code error} (a JSON-RPC error object) when failed, and
   * {@code inputRequests} when input is required). {@code ttlMs} is always written: {@code null}
   * means unlimited retention; both durations are integer milliseconds.
   */
  public record DetailedTask(
      String resultType,
      String taskId,
      TaskStatus status,
      String statusMessage,
      String createdAt,
      String lastUpdatedAt,
      @JsonInclude(JsonInclude.Include.ALWAYS) Long ttlMs,
      Long pollIntervalMs,
      ObjectNode result,
      ObjectNode error,
      ObjectNode inputRequests,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public DetailedTask {
      Immutable.required(taskId, "Task.taskId");
      Immutable.required(status, "Task.status");
      Immutable.required(createdAt, "Task.createdAt");
      Immutable.required(lastUpdatedAt, "Task.lastUpdatedAt");
      extra = Immutable.extra(extra);
    }

    /** Whether this is a task handle ({@code resultType} {@code "task"}). */
    @JsonIgnore
    public boolean isHandle() {
      return RESULT_TYPE_TASK.equals(resultType);
    }
  }

  /** Params of {@code tasks/update} (2026-07-28): answers to the task's pending input requests. */
  public record UpdateTaskParams(
      String taskId,
      ObjectNode inputResponses,
      String requestState,
      @JsonProperty("_meta") ObjectNode meta,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public UpdateTaskParams {
      Immutable.required(taskId, "taskId");
      Immutable.required(inputResponses, "inputResponses");
      extra = Immutable.extra(extra);
    }

    public UpdateTaskParams(String taskId, ObjectNode inputResponses) {
      this(taskId, inputResponses, null, null, null);
    }
  }
}
