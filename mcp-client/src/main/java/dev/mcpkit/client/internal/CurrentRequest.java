package dev.mcpkit.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.engine.Direction;
import dev.mcpkit.core.engine.McpEventListener;
import dev.mcpkit.core.jsonrpc.JsonRpcError;
import dev.mcpkit.core.jsonrpc.RequestId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Passes every event on to the host's listener and notes, for a thread that asked for it, the id of
 * the last request that thread started, so an asynchronous call can be cancelled by id while its
 * thread is still inside the HTTP exchange.
 */
final class CurrentRequest implements McpEventListener {
  private static final ThreadLocal<AtomicReference<RequestId>> CAPTURE = new ThreadLocal<>();
  private final McpEventListener delegate;

  CurrentRequest(McpEventListener delegate) {
    this.delegate = delegate;
  }

  /** From now on, the ids of requests this thread starts are written to {@code slot}. */
  static void captureInto(AtomicReference<RequestId> slot) {
    CAPTURE.set(slot);
  }

  static void stopCapture() {
    CAPTURE.remove();
  }

  @Override
  public void requestStarted(RequestInfo request) {
    AtomicReference<RequestId> slot = CAPTURE.get();
    if (slot != null && request.direction() == Direction.OUTBOUND) {
      slot.set(request.id());
    }
    delegate.requestStarted(request);
  }

  @Override
  public void requestSucceeded(RequestInfo request, JsonNode result, long durationNanos) {
    delegate.requestSucceeded(request, result, durationNanos);
  }

  @Override
  public void requestFailed(RequestInfo request, JsonRpcError error, long durationNanos) {
    delegate.requestFailed(request, error, durationNanos);
  }

  @Override
  public void requestCancelled(RequestInfo request, String reason) {
    delegate.requestCancelled(request, reason);
  }

  @Override
  public void notificationReceived(String method, JsonNode params) {
    delegate.notificationReceived(method, params);
  }

  @Override
  public void notificationSent(String method, JsonNode params) {
    delegate.notificationSent(method, params);
  }

  @Override
  public void messageRejected(JsonRpcError error) {
    delegate.messageRejected(error);
  }
}
