package dev.mcpkit.server.internal.http;

import dev.mcpkit.core.engine.internal.Threads;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedTransferQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The embedded server's request threads on Java 17: a task goes to an idle thread when there is
 * one, to a new thread while there are fewer than the most, and waits in a queue beyond. (A plain
 * pool with as many core threads as its most starts a new thread for each task until it has them
 * all, idle ones or not; one with a bounded queue grows only once the queue is full.) Idle threads
 * end after 30 s.
 */
public final class ServingPool {
  private ServingPool() {}

  public static ExecutorService create(String name, int maxThreads) {
    HandOff queue = new HandOff();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(0, maxThreads, 30, TimeUnit.SECONDS, queue,
        Threads.daemonFactory(name), (task, executor) -> {
          if (executor.isShutdown()) {
            throw new RejectedExecutionException("the server is stopping");
          }
          queue.enqueue(task); // every thread is busy: the task waits for one
        });
    return pool;
  }

  /** Offers only to a thread waiting for work, so that the pool starts another otherwise. */
  private static final class HandOff extends LinkedTransferQueue<Runnable> {
    @Override
    public boolean offer(Runnable task) {
      return tryTransfer(task);
    }

    void enqueue(Runnable task) {
      super.offer(task);
    }
  }
}
