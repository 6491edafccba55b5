package dev.mcpkit.server.internal.tasks;

import dev.mcpkit.server.spi.TaskRecord;
import dev.mcpkit.server.spi.TaskStore;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link TaskStore#inMemory}: a concurrent map. A new task beyond {@code maxTasks} is refused with
 * an {@link IllegalStateException} (the server turns it into a clear error), never an old one
 * dropped.
 */
public final class InMemoryTaskStore implements TaskStore {
  private final Map<String, TaskRecord> tasks = new ConcurrentHashMap<>();
  private final int maxTasks;

  public InMemoryTaskStore(int maxTasks) {
    if (maxTasks < 1) {
      throw new IllegalArgumentException("maxTasks must be at least 1, got " + maxTasks);
    }
    this.maxTasks = maxTasks;
  }

  @Override
  public void save(TaskRecord task) {
    if (!tasks.containsKey(task.taskId()) && tasks.size() >= maxTasks) {
      throw new IllegalStateException("the in-memory task store is full (" + maxTasks
          + " tasks); raise TaskStore.inMemory(max) or shorten the tasks' ttl");
    }
    tasks.put(task.taskId(), task);
  }

  @Override
  public TaskRecord find(String taskId) {
    return taskId == null ? null : tasks.get(taskId);
  }

  @Override
  public List<TaskRecord> list(String owner) {
    List<TaskRecord> mine = new ArrayList<>();
    for (TaskRecord t : tasks.values()) {
      if (t.owner().equals(owner)) {
        mine.add(t);
      }
    }
    mine.sort(Comparator.comparingLong(TaskRecord::createdAtMillis)
        .thenComparing(TaskRecord::taskId));
    return mine;
  }

  @Override
  public boolean remove(String taskId) {
    return tasks.remove(taskId) != null;
  }

  @Override
  public List<String> removeExpired(long nowMillis) {
    List<String> gone = new ArrayList<>();
    for (TaskRecord t : tasks.values()) {
      if (t.expiresAtMillis() <= nowMillis && tasks.remove(t.taskId(), t)) {
        gone.add(t.taskId());
      }
    }
    return gone;
  }
}
