package dev.mcpkit.core.engine.internal;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/** Thread pools: virtual threads on Java 21+, bounded daemon pools on 17. */
public final class Threads {
  private static final ScheduledThreadPoolExecutor TIMER;

  static {
    TIMER = new ScheduledThreadPoolExecutor(1, daemonFactory("mcp-timer"));
    TIMER.setRemoveOnCancelPolicy(true);
  }

  private Threads() {}

  /** One shared timer thread for timeouts; tasks must be short. */
  public static ScheduledExecutorService timer() {
    return TIMER;
  }

  /** Whether this JVM has virtual threads. */
  public static boolean hasVirtualThreads() {
    return Runtime.version().feature() >= 21;
  }

  /**
   * An executor for work that may block: a virtual thread per task on Java 21+, otherwise a pool of
   * up to {@code maxThreads} daemon threads that runs a task on the submitter when full.
   */
  public static ExecutorService newExecutor(String name, int maxThreads) {
    if (hasVirtualThreads()) {
      try {
        Object builder = Thread.class.getMethod("ofVirtual").invoke(null);
        Class<?> ofVirtual = Class.forName("java.lang.Thread$Builder$OfVirtual");
        builder = ofVirtual.getMethod("name", String.class, long.class).invoke(builder, name + "-", 0L);
        ThreadFactory factory = (ThreadFactory) Class.forName("java.lang.Thread$Builder")
            .getMethod("factory").invoke(builder);
        return (ExecutorService) MethodHandles.publicLookup()
            .findStatic(Executors.class, "newThreadPerTaskExecutor",
                MethodType.methodType(ExecutorService.class, ThreadFactory.class))
            .invoke(factory);
      } catch (Throwable e) {
        // fall through to platform threads
      }
    }
    ThreadPoolExecutor pool = new ThreadPoolExecutor(0, maxThreads, 60, TimeUnit.SECONDS,
        new SynchronousQueue<>(), daemonFactory(name), new ThreadPoolExecutor.CallerRunsPolicy());
    return pool;
  }

  /**
   * An executor for handlers of messages read from a stream: a virtual thread per task on Java 21+,
   * otherwise up to {@code maxThreads} daemon threads that refuses a task when all are busy
   * ({@link java.util.concurrent.RejectedExecutionException}), so a task never runs on the thread
   * that submitted it (a reading thread that must go on reading the peer's answers).
   */
  public static ExecutorService newRefusingExecutor(String name, int maxThreads) {
    if (hasVirtualThreads()) {
      return newExecutor(name, maxThreads);
    }
    return newRefusingPool(name, maxThreads);
  }

  /** Up to {@code maxThreads} daemon platform threads; refuses a task when all are busy. */
  public static ExecutorService newRefusingPool(String name, int maxThreads) {
    return new ThreadPoolExecutor(0, maxThreads, 60, TimeUnit.SECONDS, new SynchronousQueue<>(),
        daemonFactory(name), new ThreadPoolExecutor.AbortPolicy());
  }

  public static ThreadFactory daemonFactory(String name) {
    AtomicInteger n = new AtomicInteger();
    return r -> {
      Thread t = new Thread(r, name + "-" + n.incrementAndGet());
      t.setDaemon(true);
      return t;
    };
  }
}
