package dev.mcpkit.server.spi;

import dev.mcpkit.server.internal.tasks.InMemoryTaskStore;
import java.util.List;

/**
 * Where tasks live ({@code io.modelcontextprotocol/tasks} and the tasks of 2025-11-25), so that
 * their state and results survive the request that created them and can be read from another
 * server instance. The server writes a task's {@link TaskRecord} before it answers with the task's
 * id, and on every change of status.
 *
 * <p>Guarantees an implementation gives: every method is thread-safe; {@link #save} replaces a
 * record with the same id and is visible to {@link #find} as soon as it returns (the server
 * answers {@code CreateTaskResult} only after it returned, so an immediate {@code tasks/get}
 * finds the task); a removed record is never returned again; {@link #list} returns an owner's
 * tasks oldest first. Expiry is the server's decision ({@link TaskRecord#expiresAtMillis} against
 * its clock): it calls {@link #removeExpired} and ignores expired records it finds.
 *
 * <p>Failure: an exception from any method fails only the request being served (a JSON-RPC
 * internal error naming the store; the server logs it). A task whose final state cannot be saved
 * stays in its last saved state until it expires.
 */
public interface TaskStore {
  /** Creates or replaces a task. */
  void save(TaskRecord task);

  /** The task with this id, or null when it is unknown or removed. */
  TaskRecord find(String taskId);

  /** The tasks of {@code owner}, oldest first. */
  List<TaskRecord> list(String owner);

  /** Removes a task; returns whether it existed. Idempotent. */
  boolean remove(String taskId);

  /** Removes every task whose retention ended before {@code nowMillis}; returns their ids. */
  List<String> removeExpired(long nowMillis);

  /** Tasks in this JVM's memory, at most {@code maxTasks} at a time; the default. */
  static TaskStore inMemory(int maxTasks) {
    return new InMemoryTaskStore(maxTasks);
  }
}
