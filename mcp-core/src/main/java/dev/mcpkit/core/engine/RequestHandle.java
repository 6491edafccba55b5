package dev.mcpkit.core.engine;

import dev.mcpkit.core.jsonrpc.RequestId;
import java.util.concurrent.CompletableFuture;

/**
 * One logical call that may take several requests (a retry after a new session, the rounds of a
 * 2026-07-28 {@code input_required} exchange): knows the id of the request it sent last and cancels
 * it. Given to {@link ProtocolEngine#sendRequest(String, com.fasterxml.jackson.databind.JsonNode,
 * RequestOptions, RequestHandle)}; once cancelled, the request in flight is cancelled at the peer
 * ({@code notifications/cancelled} with its id) and every later request sent with this handle is
 * refused before it is written.
 *
 * <p>Thread-safe: {@link #cancel()} may be called from any thread, at any time, any number of times.
 */
public final class RequestHandle {
  private RequestId requestId;
  private CompletableFuture<?> inFlight;
  private boolean cancelled;

  /** The id of the request sent last with this handle, or null when none was sent yet. */
  public synchronized RequestId requestId() {
    return requestId;
  }

  public synchronized boolean isCancelled() {
    return cancelled;
  }

  /** Cancels the request in flight, if any, and refuses every later one. */
  public void cancel() {
    CompletableFuture<?> f;
    synchronized (this) {
      cancelled = true;
      f = inFlight;
      inFlight = null;
    }
    if (f != null) {
      f.cancel(true);
    }
  }

  /**
   * Notes a request about to be written; returns false (and cancels {@code future}) when this handle
   * was cancelled already.
   */
  boolean attach(RequestId id, CompletableFuture<?> future) {
    synchronized (this) {
      if (!cancelled) {
        requestId = id;
        inFlight = future;
        future.whenComplete((r, e) -> detach(future));
        return true;
      }
    }
    future.cancel(true);
    return false;
  }

  private synchronized void detach(CompletableFuture<?> future) {
    if (inFlight == future) {
      inFlight = null;
    }
  }

  @Override
  public synchronized String toString() {
    return "RequestHandle[" + (requestId == null ? "nothing sent" : "request " + requestId)
        + (cancelled ? ", cancelled" : "") + "]";
  }
}
