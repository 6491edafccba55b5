package dev.mcpkit.server.internal.http;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A pool of platform threads for the JDK host on Java 17 that grows only when no thread is idle,
 * up to its maximum, and queues beyond. (A plain pool whose core size is its maximum starts a new
 * thread for every task until it has them all, and each keeps its thread-local buffers: about
 * 4 KB of live heap per request for the first 200 requests.) Idle threads end after 30 s.
 */
public final class ElasticPool extends ThreadPoolExecutor {
  private final Backlog backlog;
  // counted here rather than asked of the pool, whose getters take its main lock
  private final AtomicInteger threads;
  private final AtomicInteger tasks = new AtomicInteger(); // submitted, not yet finished
  private volatile HeaderDeadlines deadlines;

  private ElasticPool(int maxThreads, Backlog backlog, AtomicInteger threads) {
    super(0, maxThreads, 30, TimeUnit.SECONDS, backlog, counting(threads),
        (task, pool) -> backlog.enqueue(task));
    this.backlog = backlog;
    this.threads = threads;
  }

  /** A pool of at most {@code maxThreads} threads, without header deadlines. */
  public static ElasticPool of(int maxThreads) {
    Backlog backlog = new Backlog();
    ElasticPool pool = new ElasticPool(maxThreads, backlog, new AtomicInteger());
    backlog.pool = pool;
    return pool;
  }

  /**
   * A pool for the JDK server whose tasks get {@code headerTimeoutMillis} to send their request
   * line and headers, and at most {@code busyTimeoutMillis} while every thread is busy (see
   * {@link HeaderDeadlines}); its handler calls {@link #handlerStarts()} first.
   */
  public static ElasticPool forJdkServer(int maxThreads, long headerTimeoutMillis,
      long busyTimeoutMillis) {
    ElasticPool pool = of(maxThreads);
    pool.deadlines = new HeaderDeadlines(headerTimeoutMillis, busyTimeoutMillis,
        () -> pool.threads.get() >= pool.getMaximumPoolSize() && !pool.backlog.isEmpty());
    return pool;
  }

  /**
   * Whether the request this thread runs may go on: false when its header deadline ran out (its
   * connection is being closed). Always true outside such a pool.
   */
  public static boolean handlerStarts() {
    return HeaderDeadlines.handlerStarts();
  }

  /** Connections closed because their request line and headers came too slowly. */
  public long slowHeadersCut() {
    HeaderDeadlines d = deadlines;
    return d == null ? 0 : d.cut();
  }

  private static ThreadFactory counting(AtomicInteger threads) {
    AtomicInteger n = new AtomicInteger();
    return worker -> {
      threads.incrementAndGet();
      return new HeaderDeadlines.WatchedThread(() -> {
        try {
          worker.run();
        } finally {
          threads.decrementAndGet();
        }
      }, "mcp-http-" + n.incrementAndGet());
    };
  }

  @Override
  public void execute(Runnable task) {
    tasks.incrementAndGet();
    super.execute(task);
  }

  @Override
  protected void beforeExecute(Thread thread, Runnable task) {
    HeaderDeadlines d = deadlines;
    if (d != null && thread instanceof HeaderDeadlines.WatchedThread watched) {
      d.begin(watched.slot);
    }
  }

  @Override
  protected void terminated() {
    HeaderDeadlines d = deadlines;
    if (d != null) {
      d.close();
    }
  }

  @Override
  protected void afterExecute(Runnable r, Throwable t) {
    tasks.decrementAndGet();
    HeaderDeadlines d = deadlines;
    if (d != null && Thread.currentThread() instanceof HeaderDeadlines.WatchedThread watched) {
      d.end(watched.slot);
    }
  }

  /** Declines a task while the pool can still grow and no thread is idle, so that it grows. */
  private static final class Backlog extends LinkedBlockingQueue<Runnable> {
    private static final long serialVersionUID = 1L;
    private transient volatile ElasticPool pool;

    @Override
    public boolean offer(Runnable task) {
      ElasticPool p = pool;
      if (p != null && p.threads.get() < p.getMaximumPoolSize()
          && p.tasks.get() > p.threads.get()) {
        return false; // the pool adds a thread for it
      }
      return super.offer(task);
    }

    void enqueue(Runnable task) {
      if (pool.isShutdown()) {
        throw new java.util.concurrent.RejectedExecutionException("the server is stopped");
      }
      super.offer(task);
    }
  }

  /** Tasks waiting for a thread. */
  public int waiting() {
    return backlog.size();
  }
}
