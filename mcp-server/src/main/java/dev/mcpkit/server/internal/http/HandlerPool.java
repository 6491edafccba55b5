package dev.mcpkit.server.internal.http;

import dev.mcpkit.core.engine.internal.Threads;
import dev.mcpkit.core.jsonrpc.ErrorCodes;
import java.util.Set;
import java.util.concurrent.ExecutorService;

/**
 * Where requests that may wait (a tool, a prompt, a resource read: the host's code) run when the
 * server can answer after its serving thread returned: a servlet container with async support
 * then keeps no thread for a request waiting on a slow tool. A virtual thread per request on
 * Java 21+; on 17 a pool of at most {@link #PLATFORM_THREADS} threads, beyond which a request
 * runs on the serving thread as if it could not be handed over (so a busy server on 17 holds at
 * most that many threads more than its container's).
 * Other requests, and every request on hosts that cannot, run on the serving thread; so does
 * work that arrives after {@link #close}, so it is still answered. Thread-safe.
 */
final class HandlerPool {
  /** Methods that run the host's code, which may take any time. */
  private static final Set<String> MAY_WAIT = Set.of("tools/call", "prompts/get",
      "resources/read", "completion/complete", "tasks/result");

  /** Platform threads of the pool on Java 17 (virtual threads on 21+ are not counted). */
  static final int PLATFORM_THREADS = 32;

  private final ExecutorService executor;
  private final java.util.concurrent.atomic.AtomicInteger pending =
      new java.util.concurrent.atomic.AtomicInteger();

  HandlerPool(int maxRequestsInFlight) {
    this.executor = Threads.newExecutor("mcp-handler",
        Math.max(1, Math.min(maxRequestsInFlight, PLATFORM_THREADS)));
  }

  /**
   * Runs {@code work}, which answers {@code call}, off the serving thread where the method may
   * wait and the call allows it; on the serving thread otherwise.
   */
  void run(HttpCall call, String method, Runnable work) {
    if (!MAY_WAIT.contains(method) || executor.isShutdown()) {
      work.run();
      return;
    }
    pending.incrementAndGet();
    if (!call.offload(() -> guarded(call, work), executor, pending::decrementAndGet)) {
      pending.decrementAndGet();
      work.run();
    }
  }

  /** Offloaded requests whose answer is not out yet. */
  int pending() {
    return pending.get();
  }

  /** An offloaded request that failed unexpectedly still gets an answer. */
  private static void guarded(HttpCall call, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      McpHttpHandler.LOG.warn("failed to serve a request", e);
      HttpResponses.error(call, 500, null, ErrorCodes.INTERNAL_ERROR,
          "Internal error: the server failed to handle the request");
    } catch (Error e) {
      call.close();
      throw e;
    }
  }

  /** Lets the pool's threads end once their work is done (the server stops). */
  void close() {
    executor.shutdown();
  }
}
