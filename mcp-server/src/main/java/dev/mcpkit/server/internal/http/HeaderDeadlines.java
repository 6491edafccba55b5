package dev.mcpkit.server.internal.http;

import dev.mcpkit.core.engine.internal.Threads;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
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
 *
 * <p>Each pool thread has one {@link Slot}, made with the thread and reused for every task it
 * runs: a task costs a store and two compare-and-sets, with no allocation and no shared map.
 * Thread-safe.
 */
final class HeaderDeadlines {
  private static final Logger LOG = LoggerFactory.getLogger(HeaderDeadlines.class);
  // a slot's state: the task's sequence number above three bits of phase
  private static final long READING = 0;
  private static final long HANDLING = 1;
  private static final long CUTTING = 2; // the checker interrupts the thread now
  private static final long CUT = 3; // interrupted; the task ends soon
  private static final long IDLE = 4; // between tasks
  private static final long PHASE = 7;

  private final long timeoutNanos;
  private final long busyTimeoutNanos;
  private final BooleanSupplier saturated;
  private final Set<Slot> slots = ConcurrentHashMap.newKeySet(); // changes as threads come and go
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

  /** A pool thread whose tasks may be watched: it carries its slot, so no lookup per task. */
  static final class WatchedThread extends Thread {
    final Slot slot = new Slot(this);

    WatchedThread(Runnable work, String name) {
      super(work, name);
      setDaemon(true);
    }

    @Override
    public void run() {
      try {
        super.run();
      } finally {
        HeaderDeadlines watcher = slot.watcher;
        if (watcher != null) {
          watcher.slots.remove(slot);
        }
      }
    }
  }

  /** One pool thread's task: where it is, and since when. */
  static final class Slot {
    final Thread thread;
    final AtomicLong state = new AtomicLong(IDLE);
    long startNanos; // written before state, read after it: published by the state's store
    HeaderDeadlines watcher; // set and read by the slot's own thread only

    Slot(Thread thread) {
      this.thread = thread;
    }
  }

  /** On the pool thread, before a task (a request whose headers are not read yet) runs. */
  void begin(Slot slot) {
    if (slot.watcher != this) {
      slots.add(slot);
      slot.watcher = this;
    }
    slot.startNanos = System.nanoTime();
    long sequence = (slot.state.get() & ~PHASE) + PHASE + 1;
    slot.state.setRelease(sequence | READING); // publishes startNanos too
  }

  /**
   * On the pool thread, after its task: waits for a cut in progress to deliver its interrupt,
   * then clears it, so that it never reaches the thread's next task.
   */
  void end(Slot slot) {
    for (;;) {
      long state = slot.state.get();
      long phase = state & PHASE;
      if (phase == CUTTING) {
        Thread.onSpinWait();
        continue;
      }
      if (phase == CUT || phase == IDLE
          || slot.state.compareAndSet(state, (state & ~PHASE) | IDLE)) {
        break;
      }
    }
    Thread.interrupted(); // an interrupt meant for this task ends with it
  }

  /**
   * Called first by the handler of a request: whether the request may go on. False when its
   * header deadline ran out just now; its connection is being closed, and the handler returns.
   */
  static boolean handlerStarts() {
    if (!(Thread.currentThread() instanceof WatchedThread t)) {
      return true;
    }
    AtomicLong state = t.slot.state;
    long now = state.get();
    long phase = now & PHASE;
    if (phase == READING) {
      return state.compareAndSet(now, (now & ~PHASE) | HANDLING);
    }
    return phase != CUTTING && phase != CUT;
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
    for (Slot slot : slots) {
      long state = slot.state.get();
      if ((state & PHASE) == READING && now - slot.startNanos > limit
          && slot.state.compareAndSet(state, (state & ~PHASE) | CUTTING)) {
        // the thread waits in end() until this is done, so the interrupt hits this task only
        slot.thread.interrupt();
        slot.state.set((state & ~PHASE) | CUT);
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
}
