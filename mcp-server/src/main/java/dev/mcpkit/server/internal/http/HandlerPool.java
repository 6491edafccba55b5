package dev.mcpkit.server.internal.http;

import dev.mcpkit.core.engine.internal.Threads;
import dev.mcpkit.core.jsonrpc.ErrorCodes;
import java.util.Set;
import dev.mcpkit.server.McpHttpOptions;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where requests that may wait (a tool, a prompt, a resource read: the host's code) run when the
 * server can answer after its serving thread returned: a servlet container with async support
 * then keeps no thread for a request waiting on a slow tool. The executor comes from {@link
 * McpHttpOptions#handlerExecutor()}; by default a virtual thread per request on Java 21+, and none
 * on 17 (the serving thread answers: a platform thread is held either way there, and the
 * hand-over costs CPU on every call). Other requests, every request on hosts that cannot hand
 * over, work the executor refuses, and work that arrives after {@link #close} run on the serving
 * thread. Thread-safe.
 */
final class HandlerPool {
  /** Methods that run the host's code, which may take any time. */
  private static final Set<String> MAY_WAIT = Set.of("tools/call", "prompts/get",
      "resources/read", "completion/complete", "tasks/result");

  private final Executor executor; // null: every request on the serving thread
  private final ExecutorService owned; // the default executor, shut down on close
  private volatile boolean closed;
  private final AtomicInteger pending = new AtomicInteger();

  HandlerPool(McpHttpOptions options) {
    if (options.handlersOnServingThread()) {
      this.executor = null;
      this.owned = null;
    } else if (options.handlerExecutor() != null) {
      this.executor = options.handlerExecutor();
      this.owned = null;
    } else {
      this.owned = Threads.newExecutor("mcp-handler", options.maxRequestsInFlight());
      this.executor = owned;
    }
  }

  /**
   * Runs {@code work}, which answers {@code call}, off the serving thread where the method may
   * wait and the call allows it; on the serving thread otherwise.
   */
  void run(HttpCall call, String method, Runnable work) {
    if (executor == null || closed || !MAY_WAIT.contains(method)) {
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

  /** New work runs on the serving thread; the default executor's threads end once done. */
  void close() {
    closed = true;
    if (owned != null) {
      owned.shutdown();
    }
  }
}
