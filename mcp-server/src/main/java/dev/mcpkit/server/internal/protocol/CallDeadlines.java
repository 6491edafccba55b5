package dev.mcpkit.server.internal.protocol;

import dev.mcpkit.core.engine.RequestContext;
import dev.mcpkit.core.engine.internal.Threads;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Tool call deadlines without a timer task per call: calls register a deadline, and one periodic
 * sweep interrupts those past it. Registering and finishing touch only a concurrent map, so the
 * hot path takes no shared lock (a scheduled task per call would lock the timer's queue twice).
 * Deadlines are kept to within {@value #TICK_MILLIS} ms.
 */
final class CallDeadlines {
  static final long TICK_MILLIS = 20;
  private static final Map<Deadline, Boolean> ACTIVE = new ConcurrentHashMap<>();

  static {
    Threads.timer().scheduleWithFixedDelay(CallDeadlines::sweep, TICK_MILLIS, TICK_MILLIS,
        TimeUnit.MILLISECONDS);
  }

  private CallDeadlines() {}

  /** A call's deadline; {@link #finish()} it in a finally block. */
  static final class Deadline {
    private final RequestContext context;
    private final long deadlineNanos;
    private final int hash;
    private volatile boolean expired;

    private Deadline(RequestContext context, long deadlineNanos) {
      this.context = context;
      this.deadlineNanos = deadlineNanos;
      this.hash = ThreadLocalRandom.current().nextInt();
    }

    // the identity hash would be installed in the object's header with an atomic instruction on
    // first use; equality stays identity
    @Override
    public int hashCode() {
      return hash;
    }

    @Override
    public boolean equals(Object other) {
      return this == other;
    }

    boolean expired() {
      return expired;
    }

    void finish() {
      ACTIVE.remove(this);
    }
  }

  static Deadline start(RequestContext context, long timeoutNanos) {
    Deadline d = new Deadline(context, System.nanoTime() + timeoutNanos);
    ACTIVE.put(d, Boolean.TRUE);
    return d;
  }

  private static void sweep() {
    if (ACTIVE.isEmpty()) {
      return;
    }
    long now = System.nanoTime();
    for (Iterator<Deadline> it = ACTIVE.keySet().iterator(); it.hasNext(); ) {
      Deadline d = it.next();
      if (now - d.deadlineNanos >= 0) {
        it.remove();
        d.expired = true;
        d.context.interrupt();
      }
    }
  }
}
