package dev.mcpkit.client.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs short-lived client work (asynchronous calls): a virtual thread each on Java 21+, a shared
 * cached pool of daemon threads on 17.
 */
public final class Workers {
  private static final MethodHandle START_VIRTUAL = findStartVirtual();
  private static final AtomicInteger COUNT = new AtomicInteger();
  private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
    Thread t = new Thread(r, "mcp-client-worker-" + COUNT.incrementAndGet());
    t.setDaemon(true);
    return t;
  });

  private Workers() {}

  private static MethodHandle findStartVirtual() {
    try {
      return MethodHandles.publicLookup().findStatic(Thread.class, "startVirtualThread",
          MethodType.methodType(Thread.class, Runnable.class));
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  /** Runs {@code task} on another thread. */
  public static void start(Runnable task) {
    if (START_VIRTUAL != null) {
      try {
        Thread started = (Thread) START_VIRTUAL.invokeExact(task);
        return;
      } catch (Throwable e) {
        // fall back to the pool
      }
    }
    POOL.execute(task);
  }
}
