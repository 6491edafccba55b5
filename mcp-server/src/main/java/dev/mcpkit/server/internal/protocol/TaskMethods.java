package dev.mcpkit.server.internal.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.auth.McpPrincipal;
import dev.mcpkit.core.engine.MethodHandlers;
import dev.mcpkit.core.engine.RequestContext;
import dev.mcpkit.core.engine.RequestHandler;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.ErrorCodes;
import dev.mcpkit.core.schema.Methods;
import dev.mcpkit.core.schema.ProtocolRevision;
import dev.mcpkit.core.schema.Tasks;
import dev.mcpkit.core.schema.Tools.TaskSupport;
import dev.mcpkit.server.ToolDefinition;
import dev.mcpkit.server.internal.Keys;
import dev.mcpkit.server.internal.SessionState;
import dev.mcpkit.server.internal.StatelessMeta;
import dev.mcpkit.server.spi.TaskRecord;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The task methods of both eras and the decision whether a {@code tools/call} becomes a task.
 * 2026-07-28 ({@code io.modelcontextprotocol/tasks}): {@code tasks/get} inlines the result,
 * {@code tasks/update} delivers input, {@code tasks/cancel} acknowledges; every one needs the
 * extension in the request's client capabilities. 2025-11-25 sessions: {@code tasks/get}, {@code
 * tasks/result} (waits for the end, asking any pending input over its own request), {@code
 * tasks/list}, {@code tasks/cancel}, and {@code notifications/tasks/status} on every change.
 */
final class TaskMethods {
  /** Methods the 2026-07-28 extension adds to the stateless protocol. */
  static final Set<String> EXTENSION_METHODS =
      Set.of(Methods.TASKS_GET, Methods.TASKS_UPDATE, Methods.TASKS_CANCEL);
  /** The first session revision with tasks, named in the refusal of a task-only tool. */
  private static final String FIRST_WITH_TASKS = ProtocolRevision.all().stream()
      .filter(r -> r.defines(Methods.TASKS_RESULT)).map(ProtocolRevision::id).findFirst()
      .orElse("");

  private TaskMethods() {}

  /**
   * Tasks as {@code revision} has them: its own methods where it defines {@code tasks/result}
   * (2025-11-25), the extension where it has input-required rounds (2026-07-28), else none.
   */
  static void advertise(ObjectNode capabilities, ProtocolRevision revision) {
    if (revision.defines(Methods.TASKS_RESULT)) {
      ObjectNode tasks = capabilities.putObject("tasks");
      tasks.putObject("list");
      tasks.putObject("cancel");
      tasks.putObject("requests").putObject("tools").putObject("call");
    } else if (revision.hasInputRequired()) {
      capabilities.putObject("extensions").putObject(Tasks.EXTENSION);
    }
  }

  /** The task methods of {@code revision}, chosen as {@link #advertise} does. */
  static void register(MethodHandlers.Builder b, ServerCore core, ProtocolRevision revision) {
    if (revision.defines(Methods.TASKS_RESULT)) {
      registerSessionTasks(b, core);
    } else if (revision.hasInputRequired()) {
      registerExtension(b, core);
    }
  }

  private static void registerExtension(MethodHandlers.Builder b, ServerCore core) {
    b.onRequest(Methods.TASKS_GET, (ctx, p) ->
        detailed(core, ctx, record(core, ctx, p), "complete"));
    b.onRequest(Methods.TASKS_UPDATE, (ctx, p) -> {
      TaskRecord task = findOrNull(core, ctx, p);
      JsonNode answers = p.get("inputResponses");
      if (!(answers instanceof ObjectNode o)) {
        throw McpProtocolException.invalidParams("Invalid params: tasks/update needs"
            + " inputResponses, an object of answers keyed like the task's inputRequests");
      }
      if (task != null) {
        core.tasks().update(task.taskId(), o);
      }
      return McpJson.object();
    });
    b.onRequest(Methods.TASKS_CANCEL, (ctx, p) -> {
      core.tasks().cancel(record(core, ctx, p));
      return McpJson.object();
    });
  }

  private static void registerSessionTasks(MethodHandlers.Builder b, ServerCore core) {
    b.onRequest(Methods.TASKS_GET, (ctx, p) -> McpJson.toTree(v1(record(core, ctx, p))));
    b.onRequest(Methods.TASKS_CANCEL, (ctx, p) -> {
      TaskRecord task = record(core, ctx, p);
      if (task.status().isTerminal()) {
        throw McpProtocolException.invalidParams("Invalid params: the task is already "
            + task.status().wire() + " and cannot be cancelled");
      }
      return McpJson.toTree(v1(core.tasks().cancel(task)));
    });
    b.onRequest(Methods.TASKS_RESULT, (ctx, p) -> TaskResults.await(core, ctx,
        record(core, ctx, p)));
    b.onRequest(Methods.TASKS_LIST, (ctx, p) -> {
      List<TaskRecord> mine = core.tasks().list(owner(ctx));
      return Results.page(mine, p, core.config().pageSize(), "tasks",
          t -> String.format("%020d-%s", t.createdAtMillis(), t.taskId()),
          t -> McpJson.toTree(v1(t)));
    });
  }

  /**
   * The answer to {@code tools/call} when it runs as a task (a task handle, or what the call
   * returned within its grace period), or null when it runs as an ordinary call.
   */
  static JsonNode toolCall(ServerCore core, RequestContext ctx, ToolDefinition tool,
      ObjectNode args, String name) throws Exception {
    TaskRuns runs = core.tasks();
    if (runs == null || tool.taskSupport() == TaskSupport.FORBIDDEN) {
      return null;
    }
    StatelessMeta meta = ctx.attributes().get(Keys.STATELESS);
    SessionState session = ctx.attributes().get(Keys.SESSION);
    Long ttl = null;
    if (meta != null) {
      if (!meta.clientCapabilities().path("extensions").has(Tasks.EXTENSION)) {
        if (tool.taskSupport() == TaskSupport.REQUIRED) {
          ObjectNode data = McpJson.object();
          data.putObject("requiredCapabilities").putObject("extensions")
              .putObject(Tasks.EXTENSION);
          throw new McpProtocolException(ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY,
              "Missing required client capability: tool '" + name + "' runs only as a task;"
                  + " declare the " + Tasks.EXTENSION + " extension in the request's client"
                  + " capabilities", data);
        }
        return null;
      }
    } else {
      JsonNode task = ctx.params().get("task");
      boolean asked = task instanceof ObjectNode && session != null
          && RevisionShaping.of(ctx.attributes()).defines(Methods.TASKS_RESULT);
      if (!asked) {
        if (tool.taskSupport() == TaskSupport.REQUIRED) {
          throw new McpProtocolException(ErrorCodes.METHOD_NOT_FOUND, "Tool '" + name + "' runs"
              + " only as a task: call it with params.task (protocol " + FIRST_WITH_TASKS + ")");
        }
        return null;
      }
      JsonNode t = task.get("ttl");
      if (t != null && !t.isNull()) {
        if (!t.isIntegralNumber() || !t.canConvertToLong() || t.asLong() <= 0) {
          throw McpProtocolException.invalidParams("Invalid params: task.ttl must be a positive"
              + " number of milliseconds, got " + t);
        }
        ttl = t.asLong();
      }
    }
    McpPrincipal principal = ctx.attributes().get(Keys.PRINCIPAL);
    TaskRun.Origin origin = new TaskRun.Origin(principal,
        meta != null ? meta.clientCapabilities() : session.clientCapabilities(),
        meta != null ? meta.clientInfo() : session.clientInfo(),
        meta != null ? meta.protocolVersion() : session.protocolVersion(),
        session == null ? null : session.id(), ctx.attributes(),
        meta == null ? ctx.engine() : null);
    if (meta == null || tool.taskAfter().isZero()) {
      TaskRun run = runs.newRun(owner(ctx), tool, args, origin, ttl);
      TaskRecord record = runs.promote(run);
      runs.submit(run);
      return handle(core, ctx, record);
    }
    // the call is answered directly if it ends (or asks for input) within its grace period
    return InputFlow.run(core, ctx, "tools/call", name, args, name, context -> {
      TaskRun run = runs.newRun(owner(ctx), tool, args, origin, null);
      synchronized (run) {
        run.delegate = context;
      }
      runs.submit(run);
      TaskRun.Outcome outcome;
      try {
        outcome = run.decision.get(tool.taskAfter().toNanos(), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        synchronized (run) {
          if (!run.decision.isDone()) {
            return handle(core, ctx, runs.promote(run));
          }
        }
        outcome = run.decision.get();
      }
      if (outcome.error() != null) {
        throw outcome.error();
      }
      return outcome.result();
    });
  }

  /** Who may see a task: the caller, and for the session protocol the session. */
  static String owner(RequestContext ctx) {
    McpPrincipal p = ctx.attributes().get(Keys.PRINCIPAL);
    String who = p == null || p.subject() == null ? "anonymous" : "user:" + p.subject();
    SessionState session = ctx.attributes().get(Keys.SESSION);
    return session == null || session.id() == null ? who : who + "#" + session.id();
  }

  private static JsonNode handle(ServerCore core, RequestContext ctx, TaskRecord record) {
    if (ctx.attributes().get(Keys.STATELESS) != null) {
      return detailed(core, ctx, record, Tasks.RESULT_TYPE_TASK);
    }
    return McpJson.toTree(new Tasks.CreateTaskResult(v1(record)));
  }

  private static TaskRecord findOrNull(ServerCore core, RequestContext ctx, JsonNode params) {
    requireExtension(ctx);
    JsonNode id = params == null ? null : params.get("taskId");
    if (id == null || !id.isTextual()) {
      throw McpProtocolException.invalidParams("Invalid params: " + ctx.method() + " needs"
          + " params.taskId, the id a tools/call answered with");
    }
    return core.tasks().find(owner(ctx), id.textValue());
  }

  private static TaskRecord record(ServerCore core, RequestContext ctx, JsonNode params) {
    TaskRecord r = findOrNull(core, ctx, params);
    if (r == null) {
      throw TaskRuns.unknownTask();
    }
    return r;
  }

  private static void requireExtension(RequestContext ctx) {
    StatelessMeta meta = ctx.attributes().get(Keys.STATELESS);
    if (meta != null && !meta.clientCapabilities().path("extensions").has(Tasks.EXTENSION)) {
      ObjectNode data = McpJson.object();
      data.putObject("requiredCapabilities").putObject("extensions").putObject(Tasks.EXTENSION);
      throw new McpProtocolException(ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY,
          "Missing required client capability: " + ctx.method() + " belongs to the "
              + Tasks.EXTENSION + " extension; declare it in the request's client capabilities",
          data);
    }
  }

  /** A task as 2026-07-28 sends it. */
  static ObjectNode detailed(ServerCore core, RequestContext ctx, TaskRecord r,
      String resultType) {
    boolean handle = Tasks.RESULT_TYPE_TASK.equals(resultType);
    Tasks.DetailedTask t = new Tasks.DetailedTask(resultType, r.taskId(), r.status(),
        r.statusMessage(), iso(r.createdAtMillis()), iso(r.lastUpdatedAtMillis()), r.ttlMillis(),
        r.pollIntervalMillis(), handle ? null : object(r.result()),
        handle ? null : object(r.error()), handle ? null : object(r.inputRequests()), null, null);
    return (ObjectNode) McpJson.toTree(t);
  }

  /** A task as 2025-11-25 sends it. */
  static Tasks.Task v1(TaskRecord r) {
    return new Tasks.Task(r.taskId(), r.status(), r.statusMessage(), iso(r.createdAtMillis()),
        iso(r.lastUpdatedAtMillis()), r.ttlMillis(), r.pollIntervalMillis(), null, null);
  }

  /** Tells a 2025-11-25 session that its task changed (best effort). */
  static void notifyStatus(TaskRun run, TaskRecord record) {
    if (run.origin.notifier() == null) {
      return;
    }
    try {
      run.origin.notifier().sendNotification(Methods.NOTIFICATIONS_TASKS_STATUS,
          McpJson.toTree(v1(record)));
    } catch (Exception | LinkageError e) {
      ServerCore.LOG.debug("task status notification not delivered: {}", e.toString());
    }
  }

  private static String iso(long millis) {
    return Instant.ofEpochMilli(millis).toString();
  }

  private static ObjectNode object(String json) {
    return json == null ? null : (ObjectNode) parse(json);
  }

  static JsonNode parse(String json) {
    try {
      return McpJson.mapper().readTree(json);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a stored task holds invalid JSON: " + e.getOriginalMessage(),
          e);
    }
  }
}
