package dev.mcpkit.server.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.engine.internal.Threads;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.ErrorCodes;
import dev.mcpkit.core.jsonschema.SchemaViolationException;
import dev.mcpkit.core.schema.Inputs.InputRequest;
import dev.mcpkit.core.schema.Tasks.TaskStatus;
import dev.mcpkit.server.InputRequiredException;
import dev.mcpkit.server.TaskOptions;
import dev.mcpkit.server.ToolException;
import dev.mcpkit.server.spi.TaskRecord;
import dev.mcpkit.server.spi.TaskStore;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BiConsumer;

/**
 * Runs tools as tasks: creates them (bounded per owner and in total), runs their handlers on their
 * own threads, records every change in the {@link TaskStore}, takes input and cancellation, and
 * forgets tasks whose retention ended. Thread-safe.
 */
final class TaskRuns {
  private static final long SWEEP_EVERY_MILLIS = 1_000;

  private final ServerCore core;
  private final TaskOptions options;
  private final TaskStore store;
  private final ExecutorService executor;
  private final Map<String, TaskRun> runs = new ConcurrentHashMap<>();
  private final SecureRandom random = new SecureRandom();
  private final AtomicLong nextSweep = new AtomicLong();
  private volatile BiConsumer<String, ObjectNode> elsewhere;

  TaskRuns(ServerCore core, TaskOptions options) {
    this.core = core;
    this.options = options;
    this.store = options.store();
    this.executor = Threads.newExecutor("mcp-task", options.maxActive() + 1);
  }

  TaskOptions options() {
    return options;
  }

  long now() {
    return options.clock().millis();
  }

  /**
   * A new run for {@code owner}; not a task yet ({@link #promote}).
   *
   * @throws McpProtocolException when the owner or the server has too many unfinished tasks
   */
  TaskRun newRun(String owner, dev.mcpkit.server.ToolDefinition tool, ObjectNode args,
      TaskRun.Origin origin, Long requestedTtlMillis) {
    sweep();
    int mine = 0;
    for (TaskRun r : runs.values()) {
      if (r.owner.equals(owner)) {
        mine++;
      }
    }
    if (mine >= options.maxActivePerOwner()) {
      throw McpProtocolException.invalidRequest("Too many tasks: this client already has " + mine
          + " unfinished tasks (limit " + options.maxActivePerOwner() + "); wait for one to"
          + " finish or cancel one with tasks/cancel");
    }
    if (runs.size() >= options.maxActive()) {
      throw McpProtocolException.invalidRequest("Too many tasks: the server runs "
          + options.maxActive() + " tasks at once; try again later");
    }
    long max = options.maxTtl().toMillis();
    Long ttl = requestedTtlMillis == null ? options.ttl().toMillis()
        : Math.max(1, Math.min(requestedTtlMillis, max));
    byte[] id = new byte[16];
    random.nextBytes(id);
    TaskRun run = new TaskRun(HexFormat.of().formatHex(id), owner, tool, args, origin, ttl);
    runs.put(run.taskId, run);
    return run;
  }

  /** Makes {@code run} a task: its record is saved before this returns. */
  TaskRecord promote(TaskRun run) {
    synchronized (run) {
      long now = now();
      TaskRecord record = new TaskRecord(run.taskId, run.owner, run.tool.name(),
          TaskStatus.WORKING, null, now, now, run.ttlMillis,
          options.pollInterval().toMillis(), null, null, null);
      try {
        store.save(record);
      } catch (RuntimeException e) {
        runs.remove(run.taskId);
        // by class only, here and below: a store's message may quote ids or the stored result
        ServerCore.LOG.warn("task store refused task of tool '{}' ({})", run.tool.name(),
            e.getClass().getName());
        throw McpProtocolException.internalError("Internal error: the task store could not"
            + " save the task");
      }
      run.record = record;
      if (run.delegate != null) {
        run.responses.setAll(run.delegate.rawResponses());
        run.state = run.delegate.requestState();
        run.delegate = null;
      }
      return record;
    }
  }

  /** Runs one attempt of the handler on a task thread. */
  void submit(TaskRun run) {
    executor.execute(() -> attempt(run));
  }

  private void attempt(TaskRun run) {
    synchronized (run) {
      run.worker = Thread.currentThread();
    }
    TaskRun.Outcome outcome;
    TaskContext context = new TaskContext(core, run);
    try {
      JsonNode result = ToolMethods.resultJson(run.tool,
          run.tool.handler().call(run.arguments, context), false);
      outcome = new TaskRun.Outcome(result, null);
    } catch (InputRequiredException | McpProtocolException e) {
      outcome = new TaskRun.Outcome(null, e);
    } catch (ToolException e) {
      outcome = new TaskRun.Outcome(ToolMethods.error(e.getMessage()), null);
    } catch (SchemaViolationException e) {
      outcome = new TaskRun.Outcome(ToolMethods.error("Invalid arguments for tool '"
          + run.tool.name() + "': " + e.result().summary()), null);
    } catch (Exception | LinkageError | AssertionError e) {
      outcome = new TaskRun.Outcome(run.cancelled ? null : ToolMethods.failed(run.tool, e), null);
    } finally {
      synchronized (run) { // interrupts are sent under this monitor: none can arrive after this
        run.worker = null;
      }
      Thread.interrupted(); // an interrupt meant for the handler
    }
    InputRequiredException asked = context.askedForInput();
    if (asked != null && !(outcome.error() instanceof InputRequiredException)) {
      outcome = new TaskRun.Outcome(null, asked); // asked, then caught: the input still wins
    }
    finish(run, outcome);
  }

  private void finish(TaskRun run, TaskRun.Outcome outcome) {
    synchronized (run) {
      if (run.record == null) {
        run.decision.complete(outcome);
        runs.remove(run.taskId); // answered directly: never a task
        return;
      }
      if (run.cancelled || run.record.status().isTerminal()) {
        return;
      }
      long now = now();
      TaskRecord next;
      if (outcome.error() instanceof InputRequiredException e) {
        next = inputRequired(run, e, now);
      } else if (outcome.error() instanceof McpProtocolException e) {
        next = run.record.failed(McpJson.write(e.error()), e.getMessage(), now);
      } else {
        next = run.record.completed(McpJson.write(outcome.result()), now);
      }
      save(run, next);
    }
  }

  private TaskRecord inputRequired(TaskRun run, InputRequiredException e, long now) {
    ObjectNode requests = McpJson.object();
    try {
      for (Map.Entry<String, InputRequest> ask : e.requests().entrySet()) {
        CallContextImpl.requireCapability(ask.getValue().method(),
            run.origin.clientCapabilities());
        requests.set(ask.getKey(), McpJson.toTree(ask.getValue()));
      }
    } catch (McpProtocolException missing) {
      return run.record.failed(McpJson.write(missing.error()), missing.getMessage(), now);
    }
    run.pending.clear();
    requests.fieldNames().forEachRemaining(run.pending::add);
    run.state = e.state();
    return run.record.inputRequired(McpJson.write(requests), now);
  }

  /** Saves a new state of a task (caller holds the run's monitor) and tells whoever waits. */
  private void save(TaskRun run, TaskRecord next) {
    run.record = next;
    try {
      store.save(next);
    } catch (RuntimeException e) {
      ServerCore.LOG.warn("task store could not save task state {} ({})", next.status().wire(),
          e.getClass().getName());
    }
    if (next.status().isTerminal()) {
      runs.remove(run.taskId);
    }
    run.notifyAll();
    if (run.origin.notifier() != null) { // sent off this monitor: a slow client blocks no poll
      executor.execute(() -> TaskMethods.notifyStatus(run, next));
    }
  }

  /** The task {@code taskId} if {@code owner} may see it and it has not expired, else null. */
  TaskRecord find(String owner, String taskId) {
    sweep();
    TaskRun run = runs.get(taskId);
    TaskRecord r;
    if (run != null) {
      synchronized (run) {
        r = run.record;
      }
      if (r != null && !r.status().isTerminal() && r.owner().equals(owner)) {
        r = endedElsewhere(run, r);
      }
    } else {
      r = store.find(taskId);
    }
    if (r == null || !r.owner().equals(owner)) {
      return null;
    }
    if (r.expiresAtMillis() <= now()) {
      forget(r.taskId());
      return null;
    }
    return r;
  }

  /**
   * The stored record when the store says the task ended while it runs here (a shared store: it was
   * cancelled through another instance); the handler is then stopped as on a local cancel. Otherwise
   * {@code local}, also when the store cannot be read.
   */
  private TaskRecord endedElsewhere(TaskRun run, TaskRecord local) {
    TaskRecord stored;
    try {
      stored = store.find(run.taskId);
    } catch (RuntimeException e) {
      ServerCore.LOG.warn("task store could not be read; answering from this instance ({})",
          e.getClass().getName());
      return local;
    }
    if (stored == null || !stored.status().isTerminal()) {
      return local;
    }
    synchronized (run) {
      if (run.record != null && !run.record.status().isTerminal()) {
        run.cancelled = true;
        run.record = stored;
        runs.remove(run.taskId);
        Thread w = run.worker;
        if (w != null) {
          w.interrupt();
        }
        run.notifyAll();
      }
      return run.record;
    }
  }

  TaskRun running(String taskId) {
    return runs.get(taskId);
  }

  List<TaskRecord> list(String owner) {
    sweep();
    return store.list(owner).stream().filter(r -> r.expiresAtMillis() > now()).toList();
  }

  /** Cancels an unfinished task; returns its record afterwards (unchanged when finished). */
  TaskRecord cancel(TaskRecord task) {
    TaskRun run = runs.get(task.taskId());
    if (run == null) {
      if (task.status().isTerminal()) {
        return task;
      }
      TaskRecord next = task.withStatus(TaskStatus.CANCELLED, "Cancelled by the client", now());
      store.save(next); // running in another instance (or lost): that instance stops on expiry
      return next;
    }
    synchronized (run) {
      if (run.record == null || run.record.status().isTerminal()) {
        return run.record == null ? task : run.record;
      }
      run.cancelled = true;
      save(run, run.record.withStatus(TaskStatus.CANCELLED, "Cancelled by the client", now()));
      Thread w = run.worker;
      if (w != null) {
        w.interrupt();
      }
      return run.record;
    }
  }

  /**
   * Delivers answers to a task's pending input; answers to keys that are not pending are ignored.
   * When nothing is pending any more, the handler runs again with every answer so far.
   */
  void update(String taskId, ObjectNode answers) {
    if (!updateHere(taskId, answers)) {
      BiConsumer<String, ObjectNode> out = elsewhere;
      if (out != null) {
        out.accept(taskId, answers); // the task may run on another instance
      }
    }
  }

  /** Where answers go for a task no run of this JVM has (other instances), or null. */
  void forwardTo(BiConsumer<String, ObjectNode> out) {
    this.elsewhere = out;
  }

  /** {@link #update} for a task running here; false (and nothing done) when it does not. */
  boolean updateHere(String taskId, ObjectNode answers) {
    TaskRun run = runs.get(taskId);
    if (run == null) {
      return false;
    }
    updateRun(run, answers);
    return true;
  }

  private void updateRun(TaskRun run, ObjectNode answers) {
    synchronized (run) {
      if (run.record == null || run.record.status() != TaskStatus.INPUT_REQUIRED) {
        return;
      }
      boolean any = false;
      for (Map.Entry<String, JsonNode> a : (Iterable<Map.Entry<String, JsonNode>>)
          answers::fields) {
        if (run.pending.remove(a.getKey())) {
          run.responses.set(a.getKey(), a.getValue());
          any = true;
        }
      }
      if (!any) {
        return;
      }
      long now = now();
      if (run.pending.isEmpty()) {
        save(run, run.record.withStatus(TaskStatus.WORKING, null, now));
        submit(run);
      } else {
        ObjectNode left = (ObjectNode) TaskMethods.parse(run.record.inputRequests());
        left.retain(run.pending);
        save(run, run.record.inputRequired(McpJson.write(left), now));
      }
    }
  }

  /** Records a progress line as the task's status message. */
  void progress(TaskRun run, String message) {
    synchronized (run) {
      if (run.record != null && run.record.status() == TaskStatus.WORKING) {
        TaskRecord r = run.record;
        save(run, new TaskRecord(r.taskId(), r.owner(), r.toolName(), r.status(), message,
            r.createdAtMillis(), now(), r.ttlMillis(), r.pollIntervalMillis(), null, null, null));
      }
    }
  }

  private void sweep() {
    long now = now();
    long due = nextSweep.get();
    if (now < due || !nextSweep.compareAndSet(due, now + SWEEP_EVERY_MILLIS)) {
      return;
    }
    for (TaskRun run : runs.values()) {
      synchronized (run) {
        if (run.record != null && run.record.expiresAtMillis() <= now) {
          forget(run.taskId);
        }
      }
    }
    try {
      store.removeExpired(now).forEach(this::forget);
    } catch (RuntimeException e) {
      ServerCore.LOG.warn("task store could not remove expired tasks ({})",
          e.getClass().getName());
    }
  }

  private void forget(String taskId) {
    TaskRun run = runs.remove(taskId);
    if (run != null) {
      synchronized (run) {
        run.cancelled = true;
        Thread w = run.worker;
        if (w != null) {
          w.interrupt();
        }
      }
    }
    store.remove(taskId);
  }

  /** The error for a task the caller may not see; it does not repeat the id (a handle). */
  static McpProtocolException unknownTask() {
    return new McpProtocolException(ErrorCodes.INVALID_PARAMS, "Invalid params: unknown taskId"
        + " (the task never existed, expired, or belongs to someone else)");
  }
}
