package dev.mcpkit.server.internal.http;

import dev.mcpkit.core.engine.internal.Threads;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The time a client has to send its request line and headers on the JDK host's Java 17 pool. The
 * JDK server reads them on a pool thread before any handler runs, so a client that sends one byte a
 * second holds that thread; here a task that has not reached the handler within the deadline is
 * interrupted, which closes its connection (the server reads from an interruptible channel) and
 * frees the thread. While every thread is busy and tasks wait, the deadline drops to
 * {@code busyTimeout}: a client on a working network sends its request line and headers in one
 * round trip, well within it.
 * Thread-safe.
 */
final class HeaderDeadlines {
  private static final Logger LOG = LoggerFactory.getLogger(HeaderDeadlines.class);
  private static final ThreadLocal<Watched> CURRENT = new ThreadLocal<>();
  private static final int READING = 0;
  private static final int HANDLING = 1;
  private static final int CUT = 2;
  private static final int DONE = 3;

  private final long timeoutNanos;
  private final long busyTimeoutNanos;
  private final BooleanSupplier saturated;
  private final Set<Watched> running = ConcurrentHashMap.newKeySet();
  private final AtomicLong cut = new AtomicLong();
  private final AtomicLong lastWarning =
      new AtomicLong(System.nanoTime() - TimeUnit.MINUTES.toNanos(2));
  private final ScheduledFuture<?> checks;

  HeaderDeadlines(long timeoutMillis, long busyTimeoutMillis, BooleanSupplier saturated) {
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    this.busyTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(Math.min(busyTimeoutMillis,
        timeoutMillis));
    this.saturated = saturated;
    long every = Math.max(20, Math.min(250, Math.min(timeoutMillis, busyTimeoutMillis) / 4));
    this.checks = Threads.timer().scheduleWithFixedDelay(this::check, every, every,
        TimeUnit.MILLISECONDS);
  }

  /** {@code task} (one request of the JDK server, headers not yet read), watched. */
  Runnable watch(Runnable task) {
    return new Watched(task);
  }

  /**
   * Called first by the handler of a request: whether the request may go on. False when its
   * header deadline ran out just now; its connection is being closed, and the handler returns.
   */
  static boolean handlerStarts() {
    Watched w = CURRENT.get();
    return w == null || w.state.compareAndSet(READING, HANDLING);
  }

  /** Connections closed so far because their headers came too slowly. */
  long cut() {
    return cut.get();
  }

  void close() {
    checks.cancel(false);
  }

  private void check() {
    long now = System.nanoTime();
    long limit = saturated.getAsBoolean() ? busyTimeoutNanos : timeoutNanos;
    int n = 0;
    for (Watched w : running) {
      if (now - w.startNanos > limit && w.cut()) {
        n++;
      }
    }
    if (n > 0) {
      long total = cut.addAndGet(n);
      long last = lastWarning.get();
      if (now - last > TimeUnit.MINUTES.toNanos(1) && lastWarning.compareAndSet(last, now)) {
        LOG.warn("closed {} connection(s) ({} in all) that did not send their request line and"
            + " headers within {} ms (McpHttpServer.Builder.headerReadTimeout; {} ms while every"
            + " thread is busy): slow or hostile clients", n, total,
            TimeUnit.NANOSECONDS.toMillis(limit), TimeUnit.NANOSECONDS.toMillis(busyTimeoutNanos));
      }
    }
  }

  private final class Watched implements Runnable {
    final Runnable task;
    final AtomicInteger state = new AtomicInteger(READING);
    volatile long startNanos;
    private Thread thread;

    Watched(Runnable task) {
      this.task = task;
    }

    @Override
    public void run() {
      synchronized (this) {
        thread = Thread.currentThread();
      }
      startNanos = System.nanoTime();
      CURRENT.set(this);
      running.add(this);
      try {
        task.run();
      } finally {
        running.remove(this);
        CURRENT.remove();
        synchronized (this) {
          state.set(DONE);
          thread = null;
        }
        Thread.interrupted(); // an interrupt meant for this task ends with it
      }
    }

    /** Interrupts the task if it still reads headers; under the lock, so never the next task. */
    synchronized boolean cut() {
      if (thread != null && state.compareAndSet(READING, CUT)) {
        thread.interrupt();
        return true;
      }
      return false;
    }
  }
}
