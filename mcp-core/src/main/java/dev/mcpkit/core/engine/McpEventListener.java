package dev.mcpkit.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.jsonrpc.JsonRpcError;
import dev.mcpkit.core.jsonrpc.RequestId;

/**
 * Observes what an engine does, for audit, logging and metrics. Every method defaults to doing
 * nothing. Called synchronously on the thread doing the work: keep it fast, do not block, do not throw
 * (exceptions are logged and ignored).
 */
public interface McpEventListener {
  /** Observes nothing. */
  McpEventListener NONE = new McpEventListener() {
    @Override
    public boolean readsResultTrees() {
      return false;
    }
  };

  /** One request, inbound or outbound. */
  record RequestInfo(Direction direction, RequestId id, String method, JsonNode params,
      Attributes attributes) {}

  /**
   * Whether {@link #requestSucceeded} reads results as JSON trees; true unless the listener says
   * otherwise ({@link #NONE} does). See {@link McpInterceptor#readsResultTrees()}: a listener that
   * answers false may be given a {@link com.fasterxml.jackson.databind.node.POJONode} holding the
   * result's record.
   */
  default boolean readsResultTrees() {
    return true;
  }

  default void requestStarted(RequestInfo request) {}

  default void requestSucceeded(RequestInfo request, JsonNode result, long durationNanos) {}

  default void requestFailed(RequestInfo request, JsonRpcError error, long durationNanos) {}

  /** Cancelled by either side, or timed out; no answer will be sent (inbound) or read (outbound). */
  default void requestCancelled(RequestInfo request, String reason) {}

  default void notificationReceived(String method, JsonNode params) {}

  default void notificationSent(String method, JsonNode params) {}

  /**
   * A notification came in on a connection whose attributes are {@code connection} (its
   * {@link ConnectionInfo}, for one). Engines call this form; by default it calls
   * {@link #notificationReceived(String, JsonNode)}.
   */
  default void notificationReceived(String method, JsonNode params, Attributes connection) {
    notificationReceived(method, params);
  }

  /**
   * A notification was written to a connection whose attributes are {@code connection}. Engines
   * call this form; by default it calls {@link #notificationSent(String, JsonNode)}.
   */
  default void notificationSent(String method, JsonNode params, Attributes connection) {
    notificationSent(method, params);
  }

  /** A message that could not be handled (invalid, or an answer to nothing we asked). */
  default void messageRejected(JsonRpcError error) {}

  /**
   * A session began: {@code initialize} completed (server), or a client connected and negotiated a
   * version. Stateless 2026-07-28 requests have no session and do not call this.
   */
  default void sessionStarted(ConnectionInfo session) {}

  /**
   * A session ended (closed, deleted by the client, expired), {@code durationNanos} after it started.
   *
   * @param errorType null when it ended normally, else a short low-cardinality reason
   *     ({@code expired}, or an exception's class name)
   */
  default void sessionEnded(ConnectionInfo session, long durationNanos, String errorType) {}
}
