package dev.mcpkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpkit.core.schema.Tasks.TaskStatus;
import dev.mcpkit.server.spi.TaskRecord;
import dev.mcpkit.server.spi.TaskStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What the PostgreSQL task store guarantees beyond the contract, with two store instances (each a
 * pool of its own) on one schema, as two server instances would have.
 */
@Timeout(60)
class TaskStoreTest {
  static final Clock AT_10S = Clock.fixed(Instant.ofEpochMilli(10_000), ZoneOffset.UTC);
  final ExecutorService pool = Executors.newFixedThreadPool(8);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  static TaskRecord working(String id, String owner, long createdAt, Long ttl) {
    return new TaskRecord(id, owner, "slow_compute", TaskStatus.WORKING, null, createdAt,
        createdAt, ttl, 500, null, null, null);
  }

  static McpPostgres on(String schema) throws Exception {
    return McpPostgres.builder().dataSource(TestDatabase.pool(4)).schema(schema).clock(AT_10S)
        .build();
  }

  @Test
  void aTaskCancelledOnOneInstanceAndCompletedOnAnotherEndsInExactlyOneTerminalState()
      throws Exception {
    String schema = TestDatabase.freshSchema("tasks_race");
    TaskStore a = on(schema).taskStore();
    TaskStore b = on(schema).taskStore();
    List<TaskRecord[]> outcomes = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      TaskRecord start = working("race" + i, "alice", 1_000, null);
      a.save(start);
      TaskRecord done = start.completed("{\"content\":[]}", 2_000);
      TaskRecord cancelled = start.withStatus(TaskStatus.CANCELLED, "Cancelled", 2_000);
      CountDownLatch go = new CountDownLatch(1);
      Future<?> completing = pool.submit(() -> {
        go.await();
        a.save(done);
        return null;
      });
      Future<?> cancelling = pool.submit(() -> {
        go.await();
        b.save(cancelled);
        return null;
      });
      go.countDown();
      completing.get(10, TimeUnit.SECONDS);
      cancelling.get(10, TimeUnit.SECONDS);
      outcomes.add(new TaskRecord[] {b.find(start.taskId()), a.find(start.taskId()), done,
          cancelled});
    }

    for (TaskRecord[] o : outcomes) {
      assertThat(o[0]).as("both instances read one state").isEqualTo(o[1]);
      assertThat(o[0]).isIn(o[2], o[3]);
    }
  }

  @Test
  void aLaterSaveNeverReplacesATerminalState() throws Exception {
    String schema = TestDatabase.freshSchema("tasks_terminal");
    TaskStore a = on(schema).taskStore();
    TaskStore b = on(schema).taskStore();
    TaskRecord start = working("t1", "alice", 1_000, 60_000L);
    a.save(start);
    TaskRecord cancelled = start.withStatus(TaskStatus.CANCELLED, "Cancelled", 1_500);

    b.save(cancelled);
    a.save(start.completed("{\"content\":[]}", 2_000));
    a.save(start.withStatus(TaskStatus.WORKING, "still going", 2_500));

    assertThat(a.find("t1")).isEqualTo(cancelled);
  }

  @Test
  void theOwnersLimitIsCountedInTheDatabaseAcrossInstances() throws Exception {
    String schema = TestDatabase.freshSchema("tasks_limit");
    TaskStore a = on(schema).taskStore(3, 1_000);
    TaskStore b = on(schema).taskStore(3, 1_000);
    a.save(working("old", "alice", 1_000, 1_000L)); // expired at 2,000 by the clock at 10,000
    CountDownLatch go = new CountDownLatch(1);
    List<CompletableFuture<Boolean>> saves = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      TaskStore store = i % 2 == 0 ? a : b;
      TaskRecord t = working("n" + i, "alice", 9_000 + i, null);
      saves.add(CompletableFuture.supplyAsync(() -> {
        try {
          go.await();
          store.save(t);
          return true;
        } catch (IllegalStateException refused) {
          assertThat(refused).hasMessageContaining("at most 3 unexpired tasks per owner");
          return false;
        } catch (InterruptedException e) {
          throw new IllegalStateException(e);
        }
      }, pool));
    }
    go.countDown();

    long kept = saves.stream().filter(CompletableFuture::join).count();
    assertThat(kept).isEqualTo(3);
    assertThat(a.list("alice")).hasSize(4); // the three and the expired one
    TaskRecord mine = a.list("alice").get(1);
    b.save(mine.completed("{\"content\":[]}", 9_500)); // a change is not a new task
    assertThat(a.find(mine.taskId()).status()).isEqualTo(TaskStatus.COMPLETED);
    b.save(working("bob1", "bob", 9_000, null));
    assertThat(b.find("bob1")).isNotNull();
  }

  @Test
  void anOversizedResultIsRefusedClearlyAndTheTaskEndsFailed() throws Exception {
    TaskStore store = on(TestDatabase.freshSchema("tasks_size")).taskStore(10, 100);
    TaskRecord start = working("secret-handle-1", "alice", 1_000, null);
    store.save(start);
    String fits = "x".repeat(100);
    store.save(working("secret-handle-2", "alice", 1_000, null).completed(fits, 2_000));

    assertThatThrownBy(() -> store.save(start.completed("y".repeat(101), 2_000)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("result is 101 characters, more than the task store keeps (100)")
        .hasMessageNotContaining("secret-handle").hasMessageNotContaining("yyy");
    TaskRecord kept = store.find("secret-handle-1");
    assertThat(kept.status()).isEqualTo(TaskStatus.FAILED);
    assertThat(kept.result()).isNull();
    assertThat(kept.error()).startsWith("{\"code\":-32603,").contains("101 characters");
    assertThat(store.find("secret-handle-2").result()).isEqualTo(fits);
  }

  @Test
  void oversizedInputRequestsAreRefusedToo() throws Exception {
    TaskStore store = on(TestDatabase.freshSchema("tasks_size_in")).taskStore(10, 50);
    TaskRecord start = working("t1", "alice", 1_000, null);
    store.save(start);

    assertThatThrownBy(() -> store.save(start.inputRequired("{\"k\":\"" + "z".repeat(60) + "\"}",
        2_000))).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("input requests is 68 characters");
    assertThat(store.find("t1").status()).isEqualTo(TaskStatus.FAILED);
    assertThat(store.find("t1").inputRequests()).isNull();
  }
}
