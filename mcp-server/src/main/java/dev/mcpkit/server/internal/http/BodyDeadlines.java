package dev.mcpkit.server.internal.http;

import dev.mcpkit.core.engine.internal.Threads;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

/**
 * Deadlines for reading request bodies on hosts that enforce none themselves (the JDK host, whose
 * reads block): a call still reading when its deadline passes is aborted, which closes its
 * connection and frees the thread blocked in the read. One sweep every 250 ms for all calls, so a
 * read costs a map entry, not a timer task. Thread-safe.
 */
final class BodyDeadlines {
  private static final long SWEEP_MILLIS = 250;
  private final long timeoutNanos;
  private final Map<HttpCall, Long> reading = new ConcurrentHashMap<>();
  private final ScheduledFuture<?> sweeper;

  BodyDeadlines(long timeoutMillis) {
    this.timeoutNanos = TimeUnit.MILLISECONDS.toNanos(timeoutMillis);
    this.sweeper = Threads.timer().scheduleWithFixedDelay(this::sweep, SWEEP_MILLIS, SWEEP_MILLIS,
        TimeUnit.MILLISECONDS);
  }

  /** Starts the clock for {@code call}'s body; {@link #done} when read. */
  void reading(HttpCall call) {
    reading.put(call, System.nanoTime() + timeoutNanos);
  }

  void done(HttpCall call) {
    reading.remove(call);
  }

  private void sweep() {
    long now = System.nanoTime();
    for (Map.Entry<HttpCall, Long> e : reading.entrySet()) {
      if (now - e.getValue() > 0 && reading.remove(e.getKey(), e.getValue())) {
        McpHttpHandler.LOG.debug("a request body did not arrive in time; connection closed");
        e.getKey().abort();
      }
    }
  }

  void close() {
    sweeper.cancel(false);
  }
}
