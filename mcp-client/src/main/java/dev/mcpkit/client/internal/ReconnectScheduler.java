package dev.mcpkit.client.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where a transport schedules the reopening of a dropped stream: the host's scheduler when it
 * gave one, else a daemon thread of the transport's own, made on first use (most transports never
 * reconnect) and shut down by {@link #close}. A scheduler the host gave is never shut down here.
 * Thread-safe.
 */
public final class ReconnectScheduler implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final ScheduledExecutorService given;
  private ScheduledExecutorService own; // guarded by this
  private boolean closed; // guarded by this

  /** With {@code given} null the scheduler makes its own when first needed. */
  public ReconnectScheduler(ScheduledExecutorService given) {
    this.given = given;
  }

  /**
   * Runs {@code task} after {@code delayMillis}; false (and nothing runs) once closed or when the
   * host's scheduler refuses it.
   */
  public synchronized boolean schedule(Runnable task, long delayMillis) {
    if (closed) {
      return false;
    }
    ScheduledExecutorService s = given;
    if (s == null) {
      if (own == null) {
        own = Executors.newSingleThreadScheduledExecutor(r -> {
          Thread t = new Thread(r, "mcp-http-reconnect-" + THREADS.incrementAndGet());
          t.setDaemon(true);
          return t;
        });
      }
      s = own;
    }
    try {
      s.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  /** Shuts down the scheduler this made (pending reconnects are dropped); never the host's. */
  @Override
  public synchronized void close() {
    closed = true;
    if (own != null) {
      own.shutdownNow();
    }
  }
}
