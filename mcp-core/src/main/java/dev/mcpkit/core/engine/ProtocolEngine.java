package dev.mcpkit.core.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.McpTimeoutException;
import dev.mcpkit.core.engine.McpEventListener.RequestInfo;
import dev.mcpkit.core.engine.internal.InterceptorChain;
import dev.mcpkit.core.engine.internal.Threads;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.ErrorCodes;
import dev.mcpkit.core.jsonrpc.JsonRpcError;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.jsonrpc.JsonRpcNotification;
import dev.mcpkit.core.jsonrpc.JsonRpcRequest;
import dev.mcpkit.core.jsonrpc.JsonRpcResponse;
import dev.mcpkit.core.jsonrpc.RequestId;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The protocol engine of one connection (or one session), shared by client and server: it numbers and
 * correlates outgoing requests, times them out, cancels them both ways, routes progress, and dispatches
 * incoming requests and notifications to {@link MethodHandlers}.
 *
 * <p>Threading: every public method is thread-safe and many requests may be in flight at once in both
 * directions. Incoming requests given to {@link #receive} run on the engine's executor (virtual threads
 * on Java 21+), never on the receiving thread: when the executor is full they are refused with an
 * error; {@link #handle} runs a request on the caller's thread, for HTTP servers that answer on
 * the request's own thread. Notification handlers run on the receiving thread.
 */
public final class ProtocolEngine implements Closeable {
  static final Logger LOG = LoggerFactory.getLogger(ProtocolEngine.class);
  /** How many handlers the shared pool runs at once on Java 17 (virtual threads have no limit). */
  public static final int SHARED_HANDLER_LIMIT = 512;
  private static final Executor SHARED_EXECUTOR =
      Threads.newRefusingExecutor("mcp-handler", SHARED_HANDLER_LIMIT);
  private static final MethodHandlers NO_HANDLERS = MethodHandlers.builder().build();

  private final String name;
  private final MethodHandlers handlers;
  private final Outbound outbound;
  private final Executor executor;
  private final ScheduledExecutorService timer;
  private final Duration defaultTimeout;
  private final McpEventListener listener;
  private final List<McpInterceptor> interceptors;
  private final Attributes attributes;
  private final AtomicLong nextId = new AtomicLong(1);
  private final Map<RequestId, Pending> pending = new ConcurrentHashMap<>();
  private final Map<RequestId, RequestContext> inFlight = new ConcurrentHashMap<>();
  private volatile boolean closed;

  private ProtocolEngine(Builder b) {
    this.name = b.name;
    this.handlers = b.handlers;
    this.outbound = Objects.requireNonNull(b.outbound, "outbound");
    this.executor = b.executor == null ? SHARED_EXECUTOR : b.executor;
    this.timer = b.timer == null ? Threads.timer() : b.timer;
    this.defaultTimeout = b.defaultTimeout;
    this.listener = dev.mcpkit.core.engine.internal.SafeListener.wrap(b.listener);
    this.interceptors = List.copyOf(b.interceptors);
    this.attributes = b.attributes == null ? new Attributes() : b.attributes;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The connection's attributes; each request's attributes fall back to these. */
  public Attributes attributes() {
    return attributes;
  }

  public boolean isClosed() {
    return closed;
  }

  /** Outgoing requests still waiting for an answer. */
  public int pendingRequests() {
    return pending.size();
  }

  /** Whether an outgoing request with this id is waiting for its answer here. */
  public boolean awaits(RequestId id) {
    return id != null && pending.containsKey(id);
  }

  /** Incoming requests whose handler is still running. */
  public int requestsInFlight() {
    return inFlight.size();
  }

  // ---------------------------------------------------------------- outgoing

  /**
   * Sends a request and waits for its result, through the interceptors.
   *
   * @throws McpProtocolException when the peer answers with an error
   * @throws McpTimeoutException when no answer comes in time (the request is cancelled at the peer)
   * @throws InterruptedIOException when the calling thread is interrupted (the request is cancelled)
   * @throws IOException when the message cannot be written or the connection closes
   */
  public JsonNode sendRequest(String method, JsonNode params, RequestOptions options)
      throws IOException {
    return sendRequest(method, params, options, null);
  }

  /**
   * {@link #sendRequest(String, JsonNode, RequestOptions)} under a {@link RequestHandle}: the handle
   * learns the request's id, and cancelling it cancels the request at the peer.
   *
   * @param handle the call this request belongs to, or null
   * @throws java.util.concurrent.CancellationException when the handle was (or is) cancelled
   */
  public JsonNode sendRequest(String method, JsonNode params, RequestOptions options,
      RequestHandle handle) throws IOException {
    try {
      return InterceptorChain.run(interceptors, Direction.OUTBOUND, method, params, attributes, null,
          p -> await(sendRequestAsync(method, p, options, handle)));
    } catch (IOException | RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IOException(method + " failed: " + e.getMessage(), e);
    }
  }

  public JsonNode sendRequest(String method, JsonNode params) throws IOException {
    return sendRequest(method, params, RequestOptions.DEFAULT);
  }

  private static JsonNode await(CompletableFuture<JsonNode> future) throws IOException {
    try {
      return future.get();
    } catch (InterruptedException e) {
      future.cancel(true);
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while waiting for an answer");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof McpTimeoutException t) {
        // a fresh exception so the stack shows the caller
        McpTimeoutException copy = new McpTimeoutException(t.getMessage());
        copy.initCause(t);
        throw copy;
      }
      if (cause instanceof IOException io) {
        throw new IOException(io.getMessage(), io);
      }
      if (cause instanceof McpProtocolException p) {
        throw new McpProtocolException(p.error());
      }
      if (cause instanceof RuntimeException r) {
        throw r;
      }
      throw new IOException(cause);
    }
  }

  /**
   * Sends a request; the future completes with the result, or exceptionally with
   * {@link McpProtocolException}, {@link McpTimeoutException} or {@link IOException}. Cancelling the
   * future cancels the request at the peer. Interceptors do not run on this path.
   */
  public CompletableFuture<JsonNode> sendRequestAsync(String method, JsonNode params,
      RequestOptions options) {
    return sendRequestAsync(method, params, options, null);
  }

  /**
   * {@link #sendRequestAsync(String, JsonNode, RequestOptions)} under a {@link RequestHandle}: the
   * handle learns the request's id before it is written, and cancelling the handle cancels the
   * returned future (and so the request at the peer). A cancelled handle sends nothing.
   *
   * @param handle the call this request belongs to, or null
   */
  public CompletableFuture<JsonNode> sendRequestAsync(String method, JsonNode params,
      RequestOptions options, RequestHandle handle) {
    Objects.requireNonNull(method, "method");
    RequestOptions opts = options == null ? RequestOptions.DEFAULT : options;
    RequestId id = RequestId.of(nextId.getAndIncrement());
    JsonNode sent = params;
    if (opts.progress() != null) {
      sent = withProgressToken(params, id);
    }
    Pending p = new Pending(id, method, sent, opts);
    if (closed) {
      p.future.completeExceptionally(new IOException("connection closed: cannot send " + method));
      return p.future;
    }
    if (handle != null && !handle.attach(id, p.future)) {
      return p.future; // cancelled before anything was written
    }
    pending.put(id, p);
    p.scheduleTimeout(timeoutOf(opts));
    listener.requestStarted(p.info);
    AtomicBoolean written = new AtomicBoolean();
    p.future.whenComplete((r, e) -> {
      if (e instanceof CancellationException && pending.remove(id) != null) {
        p.cancelTimer();
        listener.requestCancelled(p.info, "cancelled by the caller");
        if (written.get()) {
          sendCancelled(id, "cancelled by the caller", opts.relatedRequest());
        }
      }
    });
    if (p.future.isDone()) {
      return p.future;
    }
    written.set(true);
    try {
      outbound.send(new JsonRpcRequest(id, method, sent), opts.relatedRequest());
    } catch (IOException | RuntimeException e) {
      pending.remove(id);
      p.cancelTimer();
      p.future.completeExceptionally(e instanceof IOException ? e
          : new IOException("cannot send " + method + ": " + e.getMessage(), e));
      return p.future;
    }
    return p.future;
  }

  private static JsonNode withProgressToken(JsonNode params, RequestId id) {
    ObjectNode copy = McpJson.object();
    if (params instanceof ObjectNode o) {
      copy.setAll(o);
    }
    ObjectNode meta = McpJson.object();
    if (copy.get("_meta") instanceof ObjectNode m) {
      meta.setAll(m);
    }
    Object v = id.value();
    if (v instanceof Long l) {
      meta.put("progressToken", l);
    } else {
      meta.put("progressToken", v.toString());
    }
    copy.set("_meta", meta);
    return copy;
  }

  private Duration timeoutOf(RequestOptions opts) {
    return opts.timeout() != null ? opts.timeout() : defaultTimeout;
  }

  /** Sends a notification that belongs to no request. */
  public void sendNotification(String method, JsonNode params) throws IOException {
    sendNotification(method, params, null);
  }

  void sendNotification(String method, JsonNode params, RequestId related) throws IOException {
    outbound.send(new JsonRpcNotification(method, params), related);
    listener.notificationSent(method, params, attributes);
  }

  private void sendCancelled(RequestId id, String reason, RequestId related) {
    if (closed) {
      return;
    }
    ObjectNode params = McpJson.object();
    Object v = id.value();
    if (v instanceof Long l) {
      params.put("requestId", l);
    } else if (v instanceof BigDecimal d) {
      params.put("requestId", d);
    } else {
      params.put("requestId", v.toString());
    }
    params.put("reason", reason);
    try {
      sendNotification("notifications/cancelled", params, related);
    } catch (IOException | RuntimeException e) {
      LOG.debug("{}: could not send notifications/cancelled for {}: {}", name, id, e.toString());
    }
  }

  // ---------------------------------------------------------------- incoming

  /**
   * Takes one message from the peer: answers complete waiting requests, notifications go to their
   * handlers, and requests run on the executor with their answer written to the outbound.
   */
  public void receive(JsonRpcMessage message) {
    if (message instanceof JsonRpcResponse response) {
      onResponse(response);
    } else if (message instanceof JsonRpcNotification notification) {
      onNotification(notification);
    } else if (message instanceof JsonRpcRequest request) {
      try {
        executor.execute(() -> answer(request));
      } catch (RejectedExecutionException e) {
        // never run here: this thread reads the peer's answers a handler may be waiting for
        String limit = executor == SHARED_EXECUTOR
            ? "all " + SHARED_HANDLER_LIMIT + " handler threads of the shared pool are busy"
            : "the engine's executor refused it";
        write(JsonRpcResponse.error(request.id(), ErrorCodes.INTERNAL_ERROR,
            "Server busy: " + request.method() + " was not run because " + limit
                + "; try again later"), request.id());
      }
    }
  }

  private void answer(JsonRpcRequest request) {
    JsonRpcResponse response = handle(request, null);
    if (response != null) {
      write(response, request.id());
    }
  }

  private void write(JsonRpcResponse response, RequestId related) {
    try {
      outbound.send(response, related);
    } catch (IOException | RuntimeException e) {
      LOG.debug("{}: could not answer {}: {}", name, response.id(), e.toString());
    }
  }

  private void onResponse(JsonRpcResponse response) {
    RequestId id = response.id();
    Pending p = id == null ? null : pending.remove(id);
    if (p == null) {
      if (response instanceof JsonRpcResponse.Error e && id == null) {
        LOG.debug("{}: peer reported an error about an unreadable message: {}", name, e.error());
      } else {
        LOG.debug("{}: ignoring an answer to {} which is not waiting", name, id);
      }
      listener.messageRejected(new JsonRpcError(ErrorCodes.INVALID_REQUEST,
          "answer to unknown request " + id));
      return;
    }
    p.cancelTimer();
    long nanos = System.nanoTime() - p.startNanos;
    if (response instanceof JsonRpcResponse.Result r) {
      listener.requestSucceeded(p.info, r.result(), nanos);
      p.future.complete(r.result());
    } else {
      JsonRpcError error = ((JsonRpcResponse.Error) response).error();
      listener.requestFailed(p.info, error, nanos);
      p.future.completeExceptionally(new McpProtocolException(error));
    }
  }

  private void onNotification(JsonRpcNotification n) {
    listener.notificationReceived(n.method(), n.params(), attributes);
    JsonNode params = n.params();
    if ("notifications/cancelled".equals(n.method())) {
      JsonNode idNode = params == null ? null : params.get("requestId");
      RequestId id = toId(idNode);
      JsonNode reason = params == null ? null : params.get("reason");
      if (id != null) {
        cancelIncoming(id, reason != null && reason.isTextual() ? reason.textValue() : null);
      }
    } else if ("notifications/progress".equals(n.method()) && params != null) {
      onProgress(params);
    }
    NotificationHandler h = handlers.notification(n.method());
    if (h != null) {
      try {
        h.handle(attributes, params);
      } catch (Exception e) {
        LOG.warn("{}: handler for {} failed", name, n.method(), e);
      }
    }
  }

  private static RequestId toId(JsonNode node) {
    if (node == null) {
      return null;
    }
    if (node.isTextual()) {
      return RequestId.of(node.textValue());
    }
    if (node.isIntegralNumber() && node.canConvertToLong()) {
      return RequestId.of(node.longValue());
    }
    if (node.isNumber() && (node.isBigDecimal() || Double.isFinite(node.doubleValue()))) {
      return RequestId.of(node.numberValue());
    }
    return null; // not an id we could have sent or received
  }

  private void onProgress(JsonNode params) {
    RequestId id = toId(params.get("progressToken"));
    Pending p = id == null ? null : pending.get(id);
    if (p == null && id != null && id.isString()) {
      try { // tokens we send for numeric ids may come back as strings
        p = pending.get(RequestId.of(Long.parseLong((String) id.value())));
      } catch (NumberFormatException ignored) {
        // not ours
      }
    }
    if (p == null || p.options.progress() == null) {
      return;
    }
    if (p.options.resetTimeoutOnProgress()) {
      p.scheduleTimeout(timeoutOf(p.options));
    }
    JsonNode total = params.get("total");
    JsonNode message = params.get("message");
    try {
      p.options.progress().onProgress(params.path("progress").asDouble(),
          total == null || !total.isNumber() ? null : total.asDouble(),
          message == null || !message.isTextual() ? null : message.textValue());
    } catch (RuntimeException e) {
      LOG.warn("{}: progress listener for {} failed", name, p.method, e);
    }
  }

  /**
   * Reports input that never became a message (not JSON, not JSON-RPC) to the listener's {@link
   * McpEventListener#messageRejected}, with the error it was answered with. A transport that reads
   * the input calls this; {@link dev.mcpkit.core.transport.McpTransports#connect} does for stream
   * transports.
   */
  public void rejected(JsonRpcError error) {
    listener.messageRejected(Objects.requireNonNull(error, "error"));
  }

  /** Cancels an incoming request: its handler is interrupted and no answer is sent. */
  public void cancelIncoming(RequestId id, String reason) {
    RequestContext ctx = inFlight.get(id);
    if (ctx != null) {
      ctx.cancel(reason);
    }
  }

  /**
   * Runs one incoming request on the calling thread, through the interceptors, and returns its answer;
   * null when the request was cancelled while running (no answer is due then).
   *
   * @param requestAttributes this request's attributes (e.g. the HTTP caller); null for the
   *     connection's
   */
  public JsonRpcResponse handle(JsonRpcRequest request, Attributes requestAttributes) {
    Attributes attrs = requestAttributes != null ? requestAttributes : new Attributes(attributes);
    RequestContext ctx = new RequestContext(this, request, attrs);
    if (inFlight.putIfAbsent(request.id(), ctx) != null) {
      JsonRpcError error = new JsonRpcError(ErrorCodes.INVALID_REQUEST,
          "Invalid request: id " + request.id() + " is already used by a request in flight");
      listener.messageRejected(error);
      return JsonRpcResponse.error(request.id(), error);
    }
    RequestInfo info = new RequestInfo(Direction.INBOUND, request.id(), request.method(),
        request.params(), attrs);
    long start = System.nanoTime();
    listener.requestStarted(info);
    ctx.bindWorker();
    try {
      RequestHandler handler = handlers.request(request.method());
      if (handler == null) {
        throw McpProtocolException.methodNotFound(request.method());
      }
      JsonNode result = InterceptorChain.run(interceptors, Direction.INBOUND, request.method(),
          request.params(), attrs, ctx, p -> handler.handle(ctx, p));
      if (ctx.isCancelled()) {
        listener.requestCancelled(info, ctx.cancelReason());
        return null;
      }
      if (result == null) {
        result = McpJson.object();
      }
      listener.requestSucceeded(info, result, System.nanoTime() - start);
      return JsonRpcResponse.result(request.id(), result);
    } catch (McpProtocolException e) {
      if (ctx.isCancelled()) {
        listener.requestCancelled(info, ctx.cancelReason());
        return null;
      }
      listener.requestFailed(info, e.error(), System.nanoTime() - start);
      return JsonRpcResponse.error(request.id(), e.error());
    } catch (Exception e) {
      if (ctx.isCancelled()) {
        listener.requestCancelled(info, ctx.cancelReason());
        return null;
      }
      LOG.warn("{}: handler for {} (request {}) failed", name, request.method(), request.id(), e);
      JsonRpcError error = new JsonRpcError(ErrorCodes.INTERNAL_ERROR,
          "Internal error while handling " + request.method());
      listener.requestFailed(info, error, System.nanoTime() - start);
      return JsonRpcResponse.error(request.id(), error);
    } finally {
      ctx.unbindWorker();
      inFlight.remove(request.id(), ctx);
    }
  }

  // ---------------------------------------------------------------- lifecycle

  /** Closes the engine: waiting requests fail, running handlers are cancelled. Idempotent. */
  @Override
  public void close() {
    close(null);
  }

  public void close(Throwable cause) {
    if (closed) {
      return;
    }
    closed = true;
    if (pending.isEmpty() && inFlight.isEmpty()) {
      return; // the common case for a short-lived engine: nothing to fail or cancel
    }
    List<Pending> waiting = new ArrayList<>(pending.values());
    pending.clear();
    for (Pending p : waiting) {
      p.cancelTimer();
      IOException e = new IOException("connection closed before " + p.method + " was answered"
          + (cause == null ? "" : ": " + cause.getMessage()), cause);
      p.future.completeExceptionally(e);
    }
    for (RequestContext ctx : new ArrayList<>(inFlight.values())) {
      ctx.cancel("connection closed");
    }
  }

  @Override
  public String toString() {
    return "ProtocolEngine[" + name + ", pending=" + pending.size() + ", inFlight=" + inFlight.size()
        + (closed ? ", closed" : "") + "]";
  }

  private final class Pending {
    final RequestId id;
    final String method;
    final RequestOptions options;
    final RequestInfo info;
    final long startNanos = System.nanoTime();
    final CompletableFuture<JsonNode> future = new CompletableFuture<>();
    private ScheduledFuture<?> timer;

    Pending(RequestId id, String method, JsonNode params, RequestOptions options) {
      this.id = id;
      this.method = method;
      this.options = options;
      this.info = new RequestInfo(Direction.OUTBOUND, id, method, params, attributes);
    }

    synchronized void scheduleTimeout(Duration timeout) {
      if (timer != null) {
        timer.cancel(false);
      }
      if (timeout == null || timeout.isZero() || timeout.isNegative()) {
        return;
      }
      long delay = timeout.toNanos();
      if (options.maxTotalTimeout() != null) {
        long left = options.maxTotalTimeout().toNanos() - (System.nanoTime() - startNanos);
        delay = Math.max(0, Math.min(delay, left));
      }
      long effective = delay;
      timer = ProtocolEngine.this.timer.schedule(() -> onTimeout(effective), delay,
          TimeUnit.NANOSECONDS);
    }

    synchronized void cancelTimer() {
      if (timer != null) {
        timer.cancel(false);
        timer = null;
      }
    }

    private void onTimeout(long nanos) {
      if (pending.remove(id, this)) {
        String reason = method + " timed out after " + TimeUnit.NANOSECONDS.toMillis(nanos) + " ms";
        listener.requestCancelled(info, reason);
        // complete first: a transport that aborts the exchange when it sees the cancellation must
        // not make the caller see that abort instead of the timeout
        future.completeExceptionally(new McpTimeoutException(reason));
        sendCancelled(id, "timed out", options.relatedRequest());
      }
    }
  }

  /** Builds an engine. Only {@link #outbound} is required. */
  public static final class Builder {
    private String name = "mcp";
    private MethodHandlers handlers = NO_HANDLERS; // immutable, so one serves every builder
    private Outbound outbound;
    private Executor executor;
    private ScheduledExecutorService timer;
    private Duration defaultTimeout = Duration.ofSeconds(30);
    private McpEventListener listener = McpEventListener.NONE;
    private final List<McpInterceptor> interceptors = new ArrayList<>();
    private Attributes attributes;

    private Builder() {}

    /** A name for logs, e.g. "client" or a session id. */
    public Builder name(String name) {
      this.name = Objects.requireNonNull(name, "name");
      return this;
    }

    public Builder handlers(MethodHandlers handlers) {
      this.handlers = Objects.requireNonNull(handlers, "handlers");
      return this;
    }

    public Builder outbound(Outbound outbound) {
      this.outbound = Objects.requireNonNull(outbound, "outbound");
      return this;
    }

    /**
     * Where incoming requests given to {@link ProtocolEngine#receive} run. The default is shared by
     * every engine that is given none and is never closed: a virtual thread per request on Java 21+,
     * on Java 17 a pool of {@link #SHARED_HANDLER_LIMIT} daemon threads. When the executor refuses a
     * request ({@link RejectedExecutionException}) the request is answered with a JSON-RPC error
     * naming the limit; it never runs on the receiving thread. The engine does not close an executor
     * given here.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * Where the timeouts of outgoing requests are scheduled; its tasks are short and never block.
     * The default is one daemon timer thread shared by every engine given none, never closed. The
     * engine does not close a timer given here.
     */
    public Builder timer(ScheduledExecutorService timer) {
      this.timer = Objects.requireNonNull(timer, "timer");
      return this;
    }

    /** How long outgoing requests wait by default (30 s); zero waits forever. */
    public Builder defaultTimeout(Duration timeout) {
      this.defaultTimeout = Objects.requireNonNull(timeout, "timeout");
      return this;
    }

    public Builder listener(McpEventListener listener) {
      this.listener = Objects.requireNonNull(listener, "listener");
      return this;
    }

    public Builder addInterceptor(McpInterceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
      return this;
    }

    public Builder interceptors(List<McpInterceptor> list) {
      interceptors.clear();
      list.forEach(this::addInterceptor);
      return this;
    }

    public Builder attributes(Attributes attributes) {
      this.attributes = Objects.requireNonNull(attributes, "attributes");
      return this;
    }

    public ProtocolEngine build() {
      if (outbound == null) {
        throw new IllegalStateException("ProtocolEngine needs an outbound: call outbound(...) or"
            + " connect a transport with McpTransports.connect(...)");
      }
      return new ProtocolEngine(this);
    }
  }
}
