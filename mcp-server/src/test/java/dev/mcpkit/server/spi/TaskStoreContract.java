package dev.mcpkit.server.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.core.schema.Tasks.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link TaskStore} must do. Extend it in your tests with your implementation:
 *
 * <pre>{@code
 * class JdbcTaskStoreTest extends TaskStoreContract {
 *   protected TaskStore newStore() { return new JdbcTaskStore(dataSource); }
 * }
 * }</pre>
 */
public abstract class TaskStoreContract {
  private TaskStore store;

  /** A fresh, empty store with room for at least 100 tasks. */
  protected abstract TaskStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  protected static TaskRecord task(String id, String owner, long createdAt, Long ttl) {
    return new TaskRecord(id, owner, "slow_compute", TaskStatus.WORKING, "starting", createdAt,
        createdAt, ttl, 1_000, null, null, null);
  }

  @Test
  void aSavedTaskIsFoundWithEveryField() {
    TaskRecord done = task("t1", "alice", 1_000, 60_000L)
        .completed("{\"content\":[{\"type\":\"text\",\"text\":\"ok\"}]}", 2_000);
    store.save(done);

    assertThat(store.find("t1")).isEqualTo(done);
  }

  @Test
  void everyPayloadSurvivesTheRoundTrip() {
    TaskRecord failed = task("t1", "alice", 1_000, null)
        .failed("{\"code\":-32603,\"message\":\"boom\"}", "boom", 2_000);
    TaskRecord asking = task("t2", "alice", 1_000, 5_000L)
        .inputRequired("{\"k\":{\"method\":\"elicitation/create\",\"params\":{}}}", 3_000);
    store.save(failed);
    store.save(asking);

    assertThat(store.find("t1")).isEqualTo(failed);
    assertThat(store.find("t2")).isEqualTo(asking);
    assertThat(store.find("t1").ttlMillis()).isNull();
  }

  @Test
  void anUnknownIdIsNull() {
    assertThat(store.find("nope")).isNull();
  }

  @Test
  void saveReplacesTheTaskWithTheSameId() {
    store.save(task("t1", "alice", 1_000, 60_000L));
    store.save(task("t1", "alice", 1_000, 60_000L)
        .withStatus(TaskStatus.CANCELLED, "stopped", 1_500));

    assertThat(store.find("t1").status()).isEqualTo(TaskStatus.CANCELLED);
    assertThat(store.list("alice")).hasSize(1);
  }

  @Test
  void aRemovedTaskIsGoneAndRemovingIsIdempotent() {
    store.save(task("t1", "alice", 1_000, 60_000L));

    assertThat(store.remove("t1")).isTrue();
    assertThat(store.remove("t1")).isFalse();
    assertThat(store.find("t1")).isNull();
  }

  @Test
  void listReturnsOnlyTheOwnersTasksOldestFirst() {
    store.save(task("b", "alice", 2_000, null));
    store.save(task("a", "alice", 3_000, null));
    store.save(task("c", "bob", 1_000, null));
    store.save(task("d", "alice", 1_000, null));

    assertThat(store.list("alice")).extracting(TaskRecord::taskId).containsExactly("d", "b", "a");
    assertThat(store.list("carol")).isEmpty();
  }

  @Test
  void removeExpiredRemovesExactlyTheTasksWhoseRetentionEnded() {
    store.save(task("short", "alice", 1_000, 1_000L)); // ends at 2,000
    store.save(task("long", "alice", 1_000, 10_000L));
    store.save(task("forever", "alice", 1_000, null));

    assertThat(store.removeExpired(1_999)).isEmpty();
    assertThat(store.removeExpired(2_000)).containsExactly("short");
    assertThat(store.find("short")).isNull();
    assertThat(store.find("long")).isNotNull();
    assertThat(store.find("forever")).isNotNull();
  }

  @Test
  void concurrentSavesOfDifferentTasksAreAllKept() {
    List<CompletableFuture<Void>> writers = new ArrayList<>();
    for (int w = 0; w < 4; w++) {
      int base = w * 25;
      writers.add(CompletableFuture.runAsync(() -> {
        for (int i = base; i < base + 25; i++) {
          store.save(task("t" + i, "alice", i, null));
        }
      }));
    }
    writers.forEach(CompletableFuture::join);

    assertThat(store.list("alice")).hasSize(100);
  }
}
