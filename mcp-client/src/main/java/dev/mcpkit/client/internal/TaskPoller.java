package dev.mcpkit.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.client.TaskSnapshot;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.McpTimeoutException;
import dev.mcpkit.core.engine.RequestOptions;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.JsonRpcError;
import dev.mcpkit.core.schema.Methods;
import dev.mcpkit.core.schema.ProtocolRevision;
import dev.mcpkit.core.schema.Tasks;
import dev.mcpkit.core.schema.Tasks.TaskStatus;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Waits for a task: polls {@code tasks/get} at the server's interval, answers the task's input
 * requests with the client's handlers ({@code tasks/update}, 2026-07-28) or lets {@code
 * tasks/result} carry them (2025-11-25), and cancels the task when the wait times out or the
 * waiting thread is interrupted.
 */
public final class TaskPoller {
  private static final Logger LOG = LoggerFactory.getLogger(TaskPoller.class);
  private static final Duration DEFAULT_POLL = Duration.ofSeconds(1);
  private static final Duration MIN_POLL = Duration.ofMillis(50);

  private final Connection connection;

  public TaskPoller(Connection connection) {
    this.connection = connection;
  }

  /**
   * Calls a tool as a task ({@code params} without the task field) and returns the task's first
   * state: a task-augmented request on revisions with their own task methods (2025-11-25); on
   * 2026-07-28 the server decides, and a direct answer comes back as a completed snapshot.
   *
   * @throws IllegalStateException when the negotiated protocol has no tasks
   */
  public TaskSnapshot callAsTask(ObjectNode params, RequestOptions options) throws IOException {
    ProtocolRevision v = connection.revision();
    if (v != null && v.defines(Methods.TASKS_RESULT)) {
      params.putObject("task");
      JsonNode r = connection.request(Methods.TOOLS_CALL, params, options);
      return fromTask(r.path("task"));
    }
    if (v == null || !hasExtensionTasks(v)) {
      throw new IllegalStateException("protocol " + (v == null ? "(none yet)" : v.id())
          + " has no tasks (" + revisionsWithTasks() + " have); the server at "
          + connection.description() + " speaks it");
    }
    JsonNode r = connection.request(Methods.TOOLS_CALL, params, options);
    if (isHandle(r)) {
      return fromDetailed(r);
    }
    return answered(McpJson.fromTree(r, CallToolResult.class));
  }

  /** Every task of this client on the server ({@code tasks/list}, 2025-11-25), all pages. */
  public List<TaskSnapshot> list(RequestOptions options) throws IOException {
    List<TaskSnapshot> all = new ArrayList<>();
    String cursor = null;
    do {
      ObjectNode params = McpJson.object();
      if (cursor != null) {
        params.put("cursor", cursor);
      }
      JsonNode page = connection.request(Methods.TASKS_LIST, params, options);
      for (JsonNode t : page.path("tasks")) {
        all.add(fromTask(t));
      }
      cursor = page.path("nextCursor").asText(null);
    } while (cursor != null);
    return all;
  }

  /**
   * The typed result of an asynchronous {@code tools/call}: its answer, or, when the answer is a
   * task handle, the task's result once it ends. Cancelling the returned future cancels the
   * request, or stops polling and cancels the task, at the server.
   */
  public CompletableFuture<CallToolResult> toolResult(CompletableFuture<JsonNode> raw,
      Duration taskTimeout) {
    CompletableFuture<CallToolResult> typed = new CompletableFuture<>();
    raw.whenComplete((r, e) -> {
      if (e != null) {
        typed.completeExceptionally(e instanceof java.util.concurrent.CompletionException c
            && c.getCause() != null ? c.getCause() : e);
        return;
      }
      if (isHandle(r)) {
        CompletableFuture<CallToolResult> task = awaitAsync(r.path("taskId").asText(),
            taskTimeout);
        task.whenComplete((t, x) -> {
          if (x != null) {
            typed.completeExceptionally(x);
          } else {
            typed.complete(t);
          }
        });
        typed.whenComplete((t, x) -> {
          if (typed.isCancelled()) {
            task.cancel(true); // stops polling and cancels the task at the server
          }
        });
        return;
      }
      try {
        typed.complete(Results.read(r, CallToolResult.class, Methods.TOOLS_CALL,
            connection.description()));
      } catch (java.io.UncheckedIOException x) {
        typed.completeExceptionally(x.getCause());
      }
    });
    typed.whenComplete((r, e) -> {
      if (typed.isCancelled()) {
        raw.cancel(true); // cancels the request at the server
      }
    });
    return typed;
  }

  /** Whether a {@code tools/call} result is a 2026-07-28 task handle. */
  public static boolean isHandle(JsonNode result) {
    return result != null && Tasks.RESULT_TYPE_TASK.equals(result.path("resultType").asText());
  }

  /**
   * Whether {@code revision} has tasks as the 2026-07-28 extension (server-directed, detailed
   * {@code tasks/get}, input through {@code tasks/update}) rather than its own task methods.
   */
  public static boolean hasExtensionTasks(ProtocolRevision revision) {
    return !revision.defines(Methods.TASKS_RESULT) && revision.hasInputRequired();
  }

  /** The revisions that have tasks in either form, newest first, comma-separated. */
  public static String revisionsWithTasks() {
    List<String> ids = new ArrayList<>();
    for (ProtocolRevision r : ProtocolRevision.all()) {
      if (r.defines(Methods.TASKS_RESULT) || hasExtensionTasks(r)) {
        ids.add(0, r.id());
      }
    }
    return String.join(", ", ids);
  }

  private boolean extensionTasks() {
    ProtocolRevision r = connection.revision();
    return r != null && hasExtensionTasks(r);
  }

  public TaskSnapshot get(String taskId) throws IOException {
    JsonNode r = connection.request(Methods.TASKS_GET, idParams(taskId), RequestOptions.DEFAULT);
    return extensionTasks() ? fromDetailed(r) : fromTask(r);
  }

  public void cancel(String taskId) throws IOException {
    connection.request(Methods.TASKS_CANCEL, idParams(taskId), RequestOptions.DEFAULT);
  }

  /**
   * Waits until the task ends and returns its result.
   *
   * @throws McpTimeoutException when it did not end within {@code timeout} (it is then cancelled)
   * @throws McpProtocolException when the task failed with a JSON-RPC error
   * @throws CancellationException when the task was cancelled (by someone else)
   */
  public CallToolResult await(String taskId, Duration timeout, Consumer<TaskSnapshot> onChange)
      throws IOException {
    long deadline = System.nanoTime() + timeout.toNanos();
    Set<String> answered = new HashSet<>();
    String last = null;
    try {
      while (true) {
        TaskSnapshot t = get(taskId);
        String seen = t.status().wire() + "|" + t.statusMessage();
        if (!seen.equals(last)) {
          last = seen;
          onChange.accept(t);
        }
        if (t.status() == TaskStatus.COMPLETED && t.result() != null) {
          return t.result();
        }
        if (t.isTerminal() || t.status() == TaskStatus.INPUT_REQUIRED && !extensionTasks()) {
          return finish(taskId, t, deadline);
        }
        if (t.status() == TaskStatus.INPUT_REQUIRED) {
          ObjectNode open = t.inputRequests() == null ? McpJson.object() : t.inputRequests()
              .deepCopy();
          open.remove(answered);
          if (!open.isEmpty()) {
            ObjectNode params = idParams(taskId);
            params.set("inputResponses", connection.answer(open));
            open.fieldNames().forEachRemaining(answered::add);
            connection.request(Methods.TASKS_UPDATE, params, RequestOptions.DEFAULT);
            continue;
          }
        }
        long left = deadline - System.nanoTime();
        if (left <= 0) {
          throw timedOut(taskId, timeout);
        }
        Duration poll = t.pollInterval() == null ? DEFAULT_POLL : t.pollInterval();
        if (poll.compareTo(MIN_POLL) < 0) {
          poll = MIN_POLL;
        }
        Thread.sleep(Math.max(1, Math.min(poll.toMillis(), left / 1_000_000)));
      }
    } catch (InterruptedException e) {
      cancelQuietly(taskId);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for a task of "
          + connection.description() + "; the task was cancelled");
    } catch (InterruptedIOException e) {
      if (!(e instanceof McpTimeoutException)) {
        cancelQuietly(taskId);
      }
      throw e;
    }
  }

  /**
   * {@link #await} on a worker thread, without change callbacks. Cancelling the returned future stops
   * the polling and cancels the task at the server ({@code tasks/cancel}).
   */
  public CompletableFuture<CallToolResult> awaitAsync(String taskId, Duration timeout) {
    CompletableFuture<CallToolResult> result = new CompletableFuture<>();
    Object lock = new Object();
    Thread[] polling = new Thread[1];
    result.whenComplete((r, e) -> {
      if (result.isCancelled()) {
        synchronized (lock) {
          if (polling[0] != null) {
            polling[0].interrupt(); // await cancels the task when interrupted
          }
        }
      }
    });
    connection.startWorker(() -> {
      synchronized (lock) {
        if (result.isCancelled()) {
          cancelQuietly(taskId);
          return;
        }
        polling[0] = Thread.currentThread();
      }
      try {
        result.complete(await(taskId, timeout, t -> { }));
      } catch (IOException | RuntimeException e) {
        result.completeExceptionally(e);
      } finally {
        synchronized (lock) {
          polling[0] = null;
        }
        Thread.interrupted(); // an interrupt meant for this call ends with it
      }
    });
    return result;
  }

  /** A task that ended (or, in 2025-11-25, asks for input): its result. */
  private CallToolResult finish(String taskId, TaskSnapshot t, long deadline) throws IOException {
    if (extensionTasks()) {
      if (t.status() == TaskStatus.FAILED) {
        throw new McpProtocolException(t.error() != null ? t.error()
            : new JsonRpcError(-32603, "the task failed"));
      }
      throw new CancellationException("the task was cancelled"
          + (t.statusMessage() == null ? "" : ": " + t.statusMessage()));
    }
    if (t.status() == TaskStatus.CANCELLED) {
      throw new CancellationException("the task was cancelled");
    }
    long left = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
    JsonNode r = connection.request(Methods.TASKS_RESULT, idParams(taskId),
        RequestOptions.timeout(Duration.ofMillis(left)));
    return McpJson.fromTree(r, CallToolResult.class);
  }

  private McpTimeoutException timedOut(String taskId, Duration timeout) {
    cancelQuietly(taskId);
    return new McpTimeoutException("the task of " + connection.description()
        + " did not finish within " + timeout.toMillis() + " ms; it was cancelled");
  }

  private void cancelQuietly(String taskId) {
    boolean interrupted = Thread.interrupted();
    try {
      cancel(taskId);
    } catch (IOException | RuntimeException e) {
      LOG.debug("could not cancel a task of {}: {}", connection.description(), e.toString());
    } finally {
      if (interrupted) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static ObjectNode idParams(String taskId) {
    return McpJson.object().put("taskId", taskId);
  }

  /** A 2026-07-28 task (handle or {@code tasks/get} result). */
  public static TaskSnapshot fromDetailed(JsonNode json) {
    Tasks.DetailedTask t = McpJson.fromTree(json, Tasks.DetailedTask.class);
    return new TaskSnapshot(t.taskId(), t.status(), t.statusMessage(), millis(t.pollIntervalMs()),
        millis(t.ttlMs()), t.result() == null ? null
            : McpJson.fromTree(t.result(), CallToolResult.class),
        t.error() == null ? null : McpJson.fromTree(t.error(), JsonRpcError.class),
        t.inputRequests());
  }

  /** A 2025-11-25 {@code Task}. */
  public static TaskSnapshot fromTask(JsonNode json) {
    Tasks.Task t = McpJson.fromTree(json, Tasks.Task.class);
    return new TaskSnapshot(t.taskId(), t.status(), t.statusMessage(), millis(t.pollInterval()),
        millis(t.ttl()), null, null, null);
  }

  /** What a direct answer to a task call looks like as a snapshot. */
  public static TaskSnapshot answered(CallToolResult result) {
    return new TaskSnapshot(null, TaskStatus.COMPLETED, null, null, null, result, null, null);
  }

  private static Duration millis(Long ms) {
    return ms == null ? null : Duration.ofMillis(ms);
  }
}
