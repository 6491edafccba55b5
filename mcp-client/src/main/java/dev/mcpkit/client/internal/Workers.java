package dev.mcpkit.client.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;

/** Starts short-lived worker threads: virtual threads on Java 21+, daemon platform threads on 17. */
public final class Workers {
  private static final MethodHandle START_VIRTUAL = findStartVirtual();

  private Workers() {}

  private static MethodHandle findStartVirtual() {
    try {
      return MethodHandles.publicLookup().findStatic(Thread.class, "startVirtualThread",
          MethodType.methodType(Thread.class, Runnable.class));
    } catch (ReflectiveOperationException e) {
      return null;
    }
  }

  /** Starts {@code task} on a new thread. */
  public static Thread start(String name, Runnable task) {
    if (START_VIRTUAL != null) {
      try {
        return (Thread) START_VIRTUAL.invokeExact(task);
      } catch (Throwable e) {
        // fall through to a platform thread
      }
    }
    Thread t = new Thread(task, name);
    t.setDaemon(true);
    t.start();
    return t;
  }
}
