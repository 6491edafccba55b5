package dev.mcpkit.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The JDK host's header deadlines on its Java 17 pool, without a server: a task that has not
 * reached its handler in time is interrupted, one that has is left alone, and an interrupt never
 * reaches the next task of the same thread.
 */
class HeaderDeadlinesTest {
  private ElasticPool pool;

  @AfterEach
  void stop() throws InterruptedException {
    pool.shutdownNow();
    pool.awaitTermination(5, TimeUnit.SECONDS);
  }

  @Test
  void aTaskStuckBeforeItsHandlerIsCutAndTheThreadServesTheNextTaskUninterrupted()
      throws Exception {
    pool = ElasticPool.forJdkServer(2, 150, 150);
    List<String> outcomes = new ArrayList<>();
    CountDownLatch stuckEnded = new CountDownLatch(2);
    for (int i = 0; i < 2; i++) {
      pool.execute(() -> {
        // "reads headers" without looking at interrupts until both tasks were cut
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (pool.slowHeadersCut() < 2 && System.nanoTime() < until) {
          Thread.onSpinWait();
        }
        boolean interrupted = Thread.currentThread().isInterrupted();
        boolean started = ElasticPool.handlerStarts();
        synchronized (outcomes) {
          outcomes.add((interrupted ? "interrupted, " : "not interrupted, ")
              + (started ? "handled" : "refused"));
        }
        stuckEnded.countDown();
      });
    }
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (pool.slowHeadersCut() < 2 && System.nanoTime() < deadline) {
      Thread.onSpinWait();
    }
    assertThat(pool.slowHeadersCut()).isEqualTo(2);

    // the same two threads now run quick tasks: none of them may see an interrupt
    AtomicInteger interrupted = new AtomicInteger();
    CountDownLatch done = new CountDownLatch(200);
    for (int i = 0; i < 200; i++) {
      pool.execute(() -> {
        // a task stalled past its own deadline (a long pause on a busy machine) is refused
        // rightly; one that starts its handler must find no interrupt left from another task
        if (ElasticPool.handlerStarts() && Thread.currentThread().isInterrupted()) {
          interrupted.incrementAndGet();
        }
        done.countDown();
      });
    }
    assertThat(done.await(10, TimeUnit.SECONDS)).isTrue();
    assertThat(interrupted).hasValue(0);
    // one thread may serve all 200 quick tasks before the other stuck task has said how it ended
    assertThat(stuckEnded.await(10, TimeUnit.SECONDS)).isTrue();
    synchronized (outcomes) {
      assertThat(outcomes).containsExactly("interrupted, refused", "interrupted, refused");
    }
  }

  @Test
  void aTaskWhoseHandlerStartedIsNeverCut() throws Exception {
    pool = ElasticPool.forJdkServer(1, 100, 100);
    CountDownLatch handling = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger interrupts = new AtomicInteger();
    pool.execute(() -> {
      if (!ElasticPool.handlerStarts()) {
        interrupts.addAndGet(1000);
      }
      handling.countDown();
      // an open stream on Java 17: holds its thread well past the header deadline
      long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(600);
      while (System.nanoTime() < until) {
        try {
          release.await(50, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
          interrupts.incrementAndGet();
        }
      }
    });
    assertThat(handling.await(5, TimeUnit.SECONDS)).isTrue();
    CountDownLatch second = new CountDownLatch(1);
    pool.execute(second::countDown);
    assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(interrupts).hasValue(0);
    assertThat(pool.slowHeadersCut()).isZero();
  }

  @Test
  void cutsRacingTheEndOfTasksNeverLeakIntoLaterTasks() throws Exception {
    // deadlines as short as the checker allows, tasks that end around them: the checker and the
    // task's end race many times
    pool = ElasticPool.forJdkServer(2, 20, 20);
    AtomicInteger leaked = new AtomicInteger();
    int rounds = 300;
    CountDownLatch done = new CountDownLatch(rounds * 2);
    for (int i = 0; i < rounds; i++) {
      int wait = i % 40;
      pool.execute(() -> {
        // "reading headers" for 0-39 ms, deaf to interrupts: some are cut, some not, and some
        // cuts land as the task ends
        long until = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(wait);
        while (System.nanoTime() < until) {
          Thread.onSpinWait();
        }
        done.countDown();
      });
      pool.execute(() -> {
        // a fresh task that starts its handler is uninterrupted, whatever happened to the one
        // before it (one stalled past its own deadline is refused rightly, and not counted)
        if (ElasticPool.handlerStarts() && Thread.currentThread().isInterrupted()) {
          leaked.incrementAndGet();
        }
        done.countDown();
      });
    }
    assertThat(done.await(60, TimeUnit.SECONDS)).isTrue();
    assertThat(leaked).hasValue(0);
    assertThat(pool.slowHeadersCut()).isPositive();
  }
}
