package dev.mcpkit.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.JsonRpcRequest;
import dev.mcpkit.core.jsonrpc.RequestId;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;

/**
 * What a handler knows about the request it answers, and what it can do while answering: report
 * progress, send notifications and make requests of the peer (routed with this request), and notice
 * cancellation. Thread-safe.
 */
public final class RequestContext {
  private final ProtocolEngine engine;
  private final JsonRpcRequest request;
  private final Attributes attributes;
  private final Object lock = new Object();
  private Thread worker;
  private volatile String cancelReason;
  private List<Runnable> cancelCallbacks;

  RequestContext(ProtocolEngine engine, JsonRpcRequest request, Attributes attributes) {
    this.engine = engine;
    this.request = request;
    this.attributes = attributes;
  }

  public RequestId id() {
    return request.id();
  }

  public String method() {
    return request.method();
  }

  /** The parameters as received (before any interceptor rewrote them); may be null. */
  public JsonNode params() {
    return request.params();
  }

  /** The request's {@code _meta} object, or null. */
  public ObjectNode meta() {
    JsonNode p = request.params();
    JsonNode meta = p == null ? null : p.get("_meta");
    return meta instanceof ObjectNode o ? o : null;
  }

  /** The progress token the peer asked progress under, or null. */
  public JsonNode progressToken() {
    ObjectNode meta = meta();
    JsonNode token = meta == null ? null : meta.get("progressToken");
    return token == null || token.isNull() ? null : token;
  }

  public Attributes attributes() {
    return attributes;
  }

  public ProtocolEngine engine() {
    return engine;
  }

  public boolean isCancelled() {
    return cancelReason != null;
  }

  /** Why the request was cancelled, or null. */
  public String cancelReason() {
    return cancelReason;
  }

  /** Throws {@link CancellationException} if the request was cancelled. */
  public void throwIfCancelled() {
    String reason = cancelReason;
    if (reason != null) {
      throw new CancellationException(reason);
    }
  }

  /** Runs {@code callback} once when the request is cancelled (at once if it already is). */
  public void onCancel(Runnable callback) {
    synchronized (lock) {
      if (cancelReason == null) {
        if (cancelCallbacks == null) {
          cancelCallbacks = new ArrayList<>(2);
        }
        cancelCallbacks.add(callback);
        return;
      }
    }
    callback.run();
  }

  /**
   * Sends {@code notifications/progress} if the peer asked for progress.
   *
   * @return whether a notification was sent
   */
  public boolean sendProgress(double progress, Double total, String message) throws IOException {
    JsonNode token = progressToken();
    if (token == null) {
      return false;
    }
    ObjectNode params = McpJson.object();
    params.set("progressToken", token);
    params.put("progress", progress);
    if (total != null) {
      params.put("total", total);
    }
    if (message != null) {
      params.put("message", message);
    }
    engine.sendNotification("notifications/progress", params, request.id());
    return true;
  }

  /** Sends a notification that belongs to this request (e.g. a log message). */
  public void sendNotification(String method, JsonNode params) throws IOException {
    engine.sendNotification(method, params, request.id());
  }

  /** Asks the peer something on behalf of this request (sampling, elicitation, roots) and waits. */
  public JsonNode sendRequest(String method, JsonNode params, Duration timeout) throws IOException {
    return engine.sendRequest(method, params, RequestOptions.timeout(timeout).relatedTo(request.id()));
  }

  public CompletableFuture<JsonNode> sendRequestAsync(String method, JsonNode params,
      RequestOptions options) {
    return engine.sendRequestAsync(method, params, options.relatedTo(request.id()));
  }

  /** Interrupts the thread running the handler, if the handler is still running. */
  public void interrupt() {
    synchronized (lock) {
      if (worker != null) {
        worker.interrupt();
      }
    }
  }

  /** Cancels the request here: callbacks run, the handler's thread is interrupted, no answer is sent. */
  public void cancel(String reason) {
    List<Runnable> callbacks;
    synchronized (lock) {
      if (cancelReason != null) {
        return;
      }
      cancelReason = reason == null ? "cancelled" : reason;
      callbacks = cancelCallbacks;
      cancelCallbacks = null;
      if (worker != null) {
        worker.interrupt();
      }
    }
    if (callbacks != null) {
      for (Runnable r : callbacks) {
        try {
          r.run();
        } catch (RuntimeException e) {
          ProtocolEngine.LOG.warn("cancel callback of request {} failed", request.id(), e);
        }
      }
    }
  }

  void bindWorker() {
    synchronized (lock) {
      worker = Thread.currentThread();
    }
  }

  void unbindWorker() {
    synchronized (lock) {
      worker = null;
      if (cancelReason != null) {
        Thread.interrupted(); // the interrupt was for the handler, not for whoever runs next
      }
    }
  }
}
