package dev.mcpkit.core.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Cross-cutting work around requests, in both directions: authentication, logging, policy, rewriting
 * arguments before a handler runs or results before they leave. Interceptors run in the order given,
 * each calling {@link Chain#proceed} at most once (or not at all, to answer or refuse by itself).
 */
@FunctionalInterface
public interface McpInterceptor {
  JsonNode intercept(Chain chain) throws Exception;

  /**
   * Called on the caller's thread when a request it makes is handed to another thread (a client's
   * {@code ...Async} calls), before the hand-off: returns what that thread runs instead of
   * {@code task}, typically {@code task} with state of the calling thread (a tracing context)
   * restored around it, so that the request's interceptors see the caller's state rather than the
   * worker's. Must be cheap and must not throw. The default returns {@code task} unchanged.
   */
  default Runnable carryAcrossThreads(Runnable task) {
    return task;
  }

  /**
   * Whether this interceptor reads or rewrites results as JSON trees; true unless it says otherwise.
   * When every interceptor and the event listener answer false, a server may pass a result on in the
   * form it will write it instead of building a tree first: a
   * {@link com.fasterxml.jackson.databind.node.POJONode} holding the protocol record (a session's
   * {@link dev.mcpkit.core.schema.Tools.CallToolResult}). An interceptor that answers false reads
   * such a result from the record and returns it unchanged.
   */
  default boolean readsResultTrees() {
    return true;
  }

  /** One request on its way through the interceptors. */
  interface Chain {
    Direction direction();

    String method();

    /** The parameters as they stand (possibly rewritten by an earlier interceptor). */
    JsonNode params();

    /** The request's attributes (principal, session, protocol version, ...). */
    Attributes attributes();

    /** For inbound requests, the handler's context; null for outbound ones. */
    RequestContext context();

    /** Passes the request on with {@code params} and returns the result. */
    JsonNode proceed(JsonNode params) throws Exception;
  }
}
