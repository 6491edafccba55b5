package dev.mcpkit.client.transport;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.client.internal.ReconnectScheduler;
import dev.mcpkit.client.internal.SseEvent;
import dev.mcpkit.client.internal.SseReader;
import dev.mcpkit.core.jsonrpc.Decoded;
import dev.mcpkit.core.jsonrpc.JsonRpcCodec;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.jsonrpc.JsonRpcNotification;
import dev.mcpkit.core.jsonrpc.JsonRpcRequest;
import dev.mcpkit.core.jsonrpc.JsonRpcResponse;
import dev.mcpkit.core.jsonrpc.RequestId;
import dev.mcpkit.core.schema.ProtocolRevision;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Streamable HTTP transport, client side: every message is a POST to one endpoint; the answer is
 * JSON or an SSE stream. Handles the session protocol (2025-03-26 … 2025-11-25: {@code Mcp-Session-Id},
 * the GET stream for server messages, resumption with {@code Last-Event-ID}, DELETE on close) and the
 * stateless 2026-07-28 protocol ({@code Mcp-Method}, {@code Mcp-Name}, {@code Mcp-Param-*} headers).
 *
 * <p>Threading: {@link #send} of a request runs the HTTP exchange on the calling thread and delivers
 * what the server answers (progress, log messages, server requests and the response) to the listener
 * on that same thread before returning; no thread is handed work for a JSON answer. A dropped SSE
 * answer is resumed on that thread too (after the server's {@code retry} pause), so a resumption
 * that fails reaches the caller as an {@link IOException}. The GET stream runs on a background daemon
 * thread.
 */
public final class StreamableHttpTransport implements SessionTransport {
  private static final Logger LOG = LoggerFactory.getLogger(StreamableHttpTransport.class);
  private static final MediaType JSON = MediaType.get("application/json");
  private static final String ACCEPT_POST = "application/json, text/event-stream";
  private static final long DEFAULT_RETRY_MS = 1000;
  private static final int MAX_RESUME_ATTEMPTS = 5;

  private final HttpUrl url;
  private final OkHttpClient http;
  private final Map<String, String> headers;
  private final ReconnectScheduler reconnects;
  private volatile Function<JsonRpcMessage, Map<String, String>> hints = m -> Map.of();
  private final Map<RequestId, Exchange> exchanges = new ConcurrentHashMap<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile Listener listener;
  private volatile String sessionId;
  private volatile String protocolVersion;
  private volatile Call eventStream;
  /** Counts GET streams opened; a stream of an earlier session stops reopening itself. */
  private final java.util.concurrent.atomic.AtomicInteger eventStreams =
      new java.util.concurrent.atomic.AtomicInteger();

  public StreamableHttpTransport(String url, HttpOptions options) {
    this.url = parseUrl(url);
    this.http = Objects.requireNonNull(options, "options").client();
    this.headers = options.headers();
    this.reconnects = new ReconnectScheduler(options.scheduler());
  }

  /** A transport to {@code url} with default HTTP options. */
  public static StreamableHttpTransport create(String url) {
    return new StreamableHttpTransport(url, HttpOptions.DEFAULT);
  }

  static HttpUrl parseUrl(String url) {
    HttpUrl parsed = HttpUrl.parse(Objects.requireNonNull(url, "url"));
    if (parsed == null) {
      throw new IllegalArgumentException("not an http(s) URL: '" + url + "'");
    }
    return parsed;
  }

  /** The MCP endpoint. */
  public String url() {
    return url.toString();
  }

  /** The session id the server assigned at {@code initialize}, or null. */
  @Override
  public String sessionId() {
    return sessionId;
  }

  /** Forgets the session (before re-initializing after the server dropped it). */
  @Override
  public void clearSession() {
    sessionId = null;
  }

  /** The protocol version sent in {@code MCP-Protocol-Version}, or null before negotiation. */
  public String protocolVersion() {
    return protocolVersion;
  }

  /** Sets the version sent in {@code MCP-Protocol-Version} on every following request. */
  @Override
  public void protocolVersion(String version) {
    this.protocolVersion = version;
  }

  @Override
  public void headerHints(Function<JsonRpcMessage, Map<String, String>> hints) {
    this.hints = Objects.requireNonNull(hints, "hints");
  }

  private boolean stateless() {
    String v = protocolVersion;
    return v != null && ProtocolRevision.parse(v).map(ProtocolRevision::isStateless).orElse(false);
  }

  @Override
  public void start(Listener listener) {
    if (this.listener != null) {
      throw new IllegalStateException("transport to " + url + " already started");
    }
    this.listener = Objects.requireNonNull(listener, "listener");
  }

  @Override
  public void send(JsonRpcMessage message) throws IOException {
    if (closed.get()) {
      throw new IOException("transport to " + url + " is closed");
    }
    if (listener == null) {
      throw new IllegalStateException("start the transport before sending");
    }
    if (message instanceof JsonRpcRequest request) {
      sendRequest(request);
    } else if (message instanceof JsonRpcNotification n && n.method().equals("notifications/cancelled")) {
      cancelled(n);
    } else {
      postOneWay(message, false);
    }
  }

  // ---------------------------------------------------------------- requests

  /**
   * One request's HTTP exchange: the call reading its answer now (the POST, then each resumption
   * GET). It ends early when the caller cancels, the transport closes, or the response arrives on
   * another stream.
   */
  private static final class Exchange {
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile Call call;
    private volatile boolean answeredElsewhere;

    Exchange(Call call) {
      this.call = call;
    }

    /** Makes {@code next} the current call; false (and {@code next} cancelled) when ended. */
    boolean replace(Call next) {
      call = next;
      if (ended.getCount() == 0) {
        next.cancel();
        return false;
      }
      return true;
    }

    void end(boolean answered) {
      answeredElsewhere |= answered;
      ended.countDown();
      call.cancel();
    }

    /** Waits {@code millis} or until the exchange ends; true when it ended. */
    boolean awaitEnd(long millis) throws InterruptedIOException {
      try {
        return ended.await(millis, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while waiting to resume a stream");
      }
    }
  }

  /** Where a dropped SSE answer can be picked up again. */
  private record Resumption(String lastEventId, long retryMillis) {}

  /**
   * POSTs a request and reads its answer on the calling thread, resuming a dropped SSE answer with
   * {@code Last-Event-ID} on this thread too, so that every failure reaches the caller as an
   * {@link IOException} rather than leaving it waiting for its timeout.
   */
  private void sendRequest(JsonRpcRequest request) throws IOException {
    RequestId id = request.id();
    Exchange exchange = new Exchange(http.newCall(post(request)));
    exchanges.put(id, exchange);
    try {
      Resumption resumption;
      try (Response response = execute(exchange.call, request.method())) {
        resumption = onRequestAnswer(request, exchange.call, response);
      }
      for (int attempt = 1; resumption != null; attempt++) {
        resumption = resume(request, exchange, resumption, attempt);
      }
    } catch (IOException e) {
      if (!exchange.answeredElsewhere) {
        throw e;
      }
    } finally {
      exchanges.remove(id, exchange);
    }
  }

  private Response execute(Call call, String method) throws IOException {
    try {
      return call.execute();
    } catch (IOException e) {
      if (call.isCanceled()) {
        throw new IOException(method + " to " + url + " was cancelled", e);
      }
      throw new IOException(call.request().method() + " " + method + " to " + url + " failed: "
          + e.getMessage(), e);
    }
  }

  /** Reads the answer to a request; returns where to resume it when its SSE stream dropped. */
  private Resumption onRequestAnswer(JsonRpcRequest request, Call call, Response response)
      throws IOException {
    String method = request.method();
    if (method.equals("initialize")) {
      String session = response.header("Mcp-Session-Id");
      if (session != null && !session.isBlank()) {
        sessionId = session;
      }
    }
    if (!response.isSuccessful()) {
      failed(request, response);
      return null;
    }
    if (response.code() == 202 || response.code() == 204) {
      // accepted without an answer: it will come on the GET stream
      return null;
    }
    ResponseBody body = response.body();
    String type = contentType(response);
    if (type.startsWith("application/json") || body.contentLength() == 0) {
      byte[] bytes = readBody(body, method);
      if (bytes.length == 0) {
        throw new IOException("server at " + url + " answered " + method + " with HTTP "
            + response.code() + " and an empty body; expected the JSON-RPC response");
      }
      if (!type.startsWith("application/json")) {
        throw wrongType(method, type);
      }
      deliverJson(bytes, request, call);
      return null;
    }
    if (type.startsWith("text/event-stream")) {
      return readRequestStream(request, call, new SseReader(body.source()), 0);
    }
    throw wrongType(method, type);
  }

  private IOException wrongType(String method, String type) {
    return new IOException("server at " + url + " answered " + method + " with Content-Type '"
        + (type.isEmpty() ? "(none)" : type) + "'; expected application/json or text/event-stream");
  }

  private byte[] readBody(ResponseBody body, String method) throws IOException {
    try {
      return body.bytes();
    } catch (IOException e) {
      throw new IOException("reading the answer to " + method + " from " + url + " failed: "
          + e.getMessage(), e);
    }
  }

  private void deliverJson(byte[] bytes, JsonRpcRequest request, Call call) throws IOException {
    Decoded decoded;
    try {
      decoded = JsonRpcCodec.instance().decode(bytes, true);
    } catch (RuntimeException e) {
      throw new IOException("server at " + url + " answered " + request.method()
          + " with malformed JSON-RPC: " + e.getMessage() + " (body starts: " + snippet(bytes) + ")",
          e);
    }
    boolean answered = false;
    for (JsonRpcMessage m : decoded.messages()) {
      deliver(m, request, call);
      answered |= m instanceof JsonRpcResponse r && request.id().equals(r.id());
    }
    if (!answered) {
      throw new IOException("server at " + url + " answered " + request.method()
          + " with JSON that holds no response to request " + request.id() + " (body starts: "
          + snippet(bytes) + ")");
    }
  }

  private void failed(JsonRpcRequest request, Response response) throws IOException {
    int code = response.code();
    byte[] bytes = peek(response, 64 * 1024);
    // the session the request carried: another caller may already be replacing it
    String sent = response.request().header("Mcp-Session-Id");
    boolean expired = code == 404 && sent != null && !stateless()
        && !request.method().equals("initialize");
    if (!expired && code != 401 && code != 403) { // auth refusals stay HTTP failures
      JsonRpcResponse.Error error = errorBody(bytes);
      if (error != null) {
        // a JSON-RPC error in an HTTP error: the server's answer to this request
        listener.onMessage(JsonRpcResponse.error(request.id(), error.error()));
        return;
      }
    }
    String challenge = code == 401 || code == 403 ? response.header("WWW-Authenticate") : null;
    String message = "POST " + request.method() + " to " + url + " failed: HTTP " + code
        + (expired ? " (session " + sent + " is no longer known to the server)" : "")
        + (challenge == null ? "" : " (WWW-Authenticate: " + challenge + ")")
        + (bytes.length == 0 ? "" : ": " + snippet(bytes));
    throw new HttpStatusException(message, code, url.toString(), expired);
  }

  private static JsonRpcResponse.Error errorBody(byte[] bytes) {
    if (bytes.length == 0) {
      return null;
    }
    try {
      JsonRpcMessage m = JsonRpcCodec.instance().decode(bytes);
      return m instanceof JsonRpcResponse.Error e ? e : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * Reads an SSE answer up to the response; returns where to resume when the stream ended or broke
   * before it, or throws when it cannot be resumed.
   */
  private Resumption readRequestStream(JsonRpcRequest request, Call call, SseReader reader,
      int attempt) throws IOException {
    boolean answered = false;
    try {
      SseEvent event;
      while (!answered && (event = reader.next()) != null) {
        answered = onEvent(event, request, call);
      }
    } catch (IOException e) {
      if (call.isCanceled() || closed.get()) {
        throw new IOException(request.method() + " to " + url + " was cancelled", e);
      }
      LOG.debug("SSE stream of {} from {} broke: {}", request.method(), url, e.toString());
    }
    if (answered) {
      return null;
    }
    if (reader.lastEventId() != null && !stateless() && attempt < MAX_RESUME_ATTEMPTS) {
      return new Resumption(reader.lastEventId(), reader.retry());
    }
    throw new IOException("the SSE stream of " + request.method() + " from " + url
        + " ended before the response" + (stateless() ? " (the request is cancelled)"
        : reader.lastEventId() == null ? " and cannot be resumed (the server sent no event ids)"
        : " and " + attempt + " resumptions failed"));
  }

  /**
   * Waits the server's {@code retry} delay, then GETs the stream again from the last event id. A
   * connection failure is retried the same way, an HTTP refusal ends the request.
   */
  private Resumption resume(JsonRpcRequest request, Exchange exchange, Resumption from,
      int attempt) throws IOException {
    long delay = from.retryMillis() >= 0 ? from.retryMillis() : DEFAULT_RETRY_MS;
    LOG.debug("resuming the stream of {} from {} after event {} in {} ms (attempt {})",
        request.method(), url, from.lastEventId(), delay, attempt);
    if (exchange.awaitEnd(delay)) {
      throw new IOException(request.method() + " to " + url + " was cancelled");
    }
    Call call = http.newCall(get(from.lastEventId()));
    if (!exchange.replace(call)) {
      throw new IOException(request.method() + " to " + url + " was cancelled");
    }
    Response response;
    try {
      response = call.execute();
    } catch (IOException e) {
      if (call.isCanceled() || closed.get()) {
        throw new IOException(request.method() + " to " + url + " was cancelled", e);
      }
      if (attempt >= MAX_RESUME_ATTEMPTS) {
        throw new IOException("resuming the SSE stream of " + request.method() + " from " + url
            + " failed " + attempt + " times; last: " + e.getMessage(), e);
      }
      LOG.debug("GET {} to resume {} failed: {}", url, request.method(), e.toString());
      return from;
    }
    try (response) {
      String type = contentType(response);
      if (!response.isSuccessful() || !type.startsWith("text/event-stream")) {
        byte[] bytes = peek(response, 1024);
        String message = "GET " + url + " to resume the stream of " + request.method()
            + " after event " + from.lastEventId() + " answered HTTP " + response.code()
            + (response.isSuccessful() ? " with Content-Type '" + (type.isEmpty() ? "(none)" : type)
            + "'; expected text/event-stream" : "") + (bytes.length == 0 ? "" : ": "
            + snippet(bytes));
        throw response.isSuccessful() ? new IOException(message)
            : new HttpStatusException(message, response.code(), url.toString(), false);
      }
      return readRequestStream(request, call, new SseReader(response.body().source()), attempt);
    }
  }

  /** Delivers one event; returns true when it held the response to {@code request}. */
  private boolean onEvent(SseEvent event, JsonRpcRequest request, Call call) {
    if (event.data().isEmpty() || !event.event().equals("message")) {
      return false;
    }
    JsonRpcMessage m;
    try {
      m = JsonRpcCodec.instance().decode(event.data());
    } catch (RuntimeException e) {
      listener.onError(new IOException("server at " + url + " sent a malformed event: "
          + e.getMessage(), e));
      return false;
    }
    deliver(m, request, call);
    return request != null && m instanceof JsonRpcResponse r && request.id().equals(r.id());
  }

  private void deliver(JsonRpcMessage m, JsonRpcRequest request, Call source) {
    if (m instanceof JsonRpcResponse response && response.id() != null) {
      Exchange other = exchanges.get(response.id());
      if (other != null && other.call != source) {
        other.end(true); // a stream still waiting for what just arrived elsewhere
      }
    }
    listener.onMessage(m);
  }

  // ---------------------------------------------------------------- one-way messages

  private void cancelled(JsonRpcNotification n) throws IOException {
    JsonNode idNode = n.params() == null ? null : n.params().get("requestId");
    RequestId id = idNode == null ? null
        : idNode.isTextual() ? RequestId.of(idNode.textValue()) : RequestId.of(idNode.longValue());
    Exchange exchange = id == null ? null : exchanges.remove(id);
    if (exchange != null) {
      exchange.end(false);
    }
    if (!stateless()) {
      postOneWay(n, true); // off the caller's thread: timeouts fire on a shared timer
    }
  }

  private void postOneWay(JsonRpcMessage message, boolean async) throws IOException {
    Call call = http.newCall(post(message));
    String what = message instanceof JsonRpcNotification n ? n.method()
        : "the response to " + ((JsonRpcResponse) message).id();
    if (async) {
      call.enqueue(new Callback() {
        @Override
        public void onFailure(Call c, IOException e) {
          LOG.debug("POST {} to {} failed: {}", what, url, e.toString());
        }

        @Override
        public void onResponse(Call c, Response r) {
          r.close();
        }
      });
      return;
    }
    try (Response response = execute(call, what)) {
      if (!response.isSuccessful()) {
        String body = snippet(peek(response, 1024));
        throw new HttpStatusException("POST " + what + " to " + url + " failed: HTTP "
            + response.code() + (body.isEmpty() ? "" : ": " + body), response.code(),
            url.toString(), response.code() == 404 && sessionId != null && !stateless());
      }
    }
  }

  // ---------------------------------------------------------------- GET stream

  /**
   * Opens the GET stream on which a session server sends requests and notifications that belong to
   * no request; it is reopened (with {@code Last-Event-ID}) when it drops. A server that answers 405
   * offers no such stream. Does nothing for the stateless protocol.
   */
  public void openEventStream() {
    if (stateless() || closed.get()) {
      return;
    }
    int generation = eventStreams.incrementAndGet();
    Call previous = eventStream;
    if (previous != null) {
      previous.cancel(); // the stream of a session that was replaced
    }
    startDaemon("mcp-http-events", () -> runEventStream(generation, null, 0));
  }

  private void runEventStream(int generation, String lastEventId, int failures) {
    if (closed.get() || generation != eventStreams.get()) {
      return;
    }
    Call call = http.newCall(get(lastEventId));
    eventStream = call;
    String last = lastEventId;
    long retry = -1;
    boolean gotEvents = false;
    try (Response response = call.execute()) {
      if (response.code() == 405) {
        LOG.debug("{} offers no GET stream (405)", url);
        return;
      }
      if (!response.isSuccessful() || !contentType(response).startsWith("text/event-stream")) {
        LOG.debug("GET stream at {} refused: HTTP {} {}", url, response.code(),
            contentType(response));
        return;
      }
      SseReader reader = new SseReader(response.body().source());
      try {
        SseEvent event;
        while ((event = reader.next()) != null) {
          gotEvents = true;
          onEvent(event, null, call);
        }
      } finally {
        last = reader.lastEventId() != null ? reader.lastEventId() : last;
        retry = reader.retry();
      }
    } catch (IOException e) {
      if (call.isCanceled() || closed.get()) {
        return;
      }
      LOG.debug("GET stream at {} broke: {}", url, e.toString());
    }
    int nextFailures = gotEvents ? 0 : failures + 1;
    if (closed.get() || generation != eventStreams.get() || nextFailures > MAX_RESUME_ATTEMPTS) {
      return;
    }
    String resumeFrom = last;
    reconnects.schedule(() -> startDaemon("mcp-http-events",
        () -> runEventStream(generation, resumeFrom, nextFailures)),
        retry >= 0 ? retry : DEFAULT_RETRY_MS);
  }

  // ---------------------------------------------------------------- requests on the wire

  private Request post(JsonRpcMessage message) {
    byte[] body = JsonRpcCodec.instance().encode(message);
    Request.Builder b = new Request.Builder().url(url)
        .post(RequestBody.create(body, JSON))
        .header("Accept", ACCEPT_POST);
    common(b);
    hints.apply(message).forEach(b::header);
    return b.build();
  }

  private Request get(String lastEventId) {
    Request.Builder b = new Request.Builder().url(url).get().header("Accept", "text/event-stream");
    common(b);
    if (lastEventId != null) {
      b.header("Last-Event-ID", lastEventId);
    }
    return b.build();
  }

  private void common(Request.Builder b) {
    headers.forEach(b::header);
    String session = sessionId;
    if (session != null && !stateless()) {
      b.header("Mcp-Session-Id", session);
    }
    String version = protocolVersion;
    if (version != null) {
      b.header("MCP-Protocol-Version", version);
    }
  }

  private static byte[] peek(Response response, long limit) {
    try {
      return response.peekBody(limit).bytes();
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private static String contentType(Response response) {
    String type = response.header("Content-Type");
    return type == null ? "" : type.trim().toLowerCase(java.util.Locale.ROOT);
  }

  static String snippet(byte[] bytes) {
    String s = new String(bytes, 0, Math.min(bytes.length, 200), java.nio.charset.StandardCharsets.UTF_8)
        .replaceAll("\\s+", " ").trim();
    return bytes.length > 200 ? s + "..." : s;
  }

  private static void startDaemon(String name, Runnable task) {
    Thread t = new Thread(task, name);
    t.setDaemon(true);
    t.start();
  }

  // ---------------------------------------------------------------- close

  /** Ends every exchange, deletes the session at the server (best effort) and reports the close. */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    reconnects.close();
    Call events = eventStream;
    if (events != null) {
      events.cancel();
    }
    exchanges.values().forEach(e -> e.end(false));
    exchanges.clear();
    String session = sessionId;
    if (session != null && !stateless()) {
      Request.Builder b = new Request.Builder().url(url).delete();
      common(b);
      try (Response r = http.newBuilder().callTimeout(2, TimeUnit.SECONDS).build()
          .newCall(b.build()).execute()) {
        LOG.debug("DELETE session at {}: HTTP {}", url, r.code());
      } catch (IOException | RuntimeException e) {
        LOG.debug("DELETE session at {} failed: {}", url, e.toString());
      }
    }
    Listener l = listener;
    if (l != null) {
      l.onClose(null);
    }
  }

  @Override
  public String toString() {
    return "StreamableHttpTransport[" + url + (sessionId == null ? "" : ", session " + sessionId)
        + "]";
  }
}
