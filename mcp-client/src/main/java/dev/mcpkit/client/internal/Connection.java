package dev.mcpkit.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.client.transport.HttpStatusException;
import dev.mcpkit.client.transport.SseTransport;
import dev.mcpkit.client.transport.SessionTransport;
import dev.mcpkit.client.transport.StdioTransport;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.engine.Attributes;
import dev.mcpkit.core.engine.ConnectionInfo;
import dev.mcpkit.core.engine.McpInterceptor;
import dev.mcpkit.core.engine.ProtocolEngine;
import dev.mcpkit.core.engine.RequestHandle;
import dev.mcpkit.core.engine.RequestOptions;
import dev.mcpkit.core.engine.internal.SafeListener;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.ErrorCodes;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.jsonrpc.JsonRpcNotification;
import dev.mcpkit.core.jsonrpc.JsonRpcRequest;
import dev.mcpkit.core.jsonrpc.RequestId;
import dev.mcpkit.core.schema.Lifecycle.Implementation;
import dev.mcpkit.core.schema.Lifecycle.ServerCapabilities;
import dev.mcpkit.core.schema.Meta;
import dev.mcpkit.core.schema.ProtocolRevision;
import dev.mcpkit.core.transport.McpTransport;
import dev.mcpkit.core.transport.McpTransports;
import java.io.Closeable;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.HttpUrl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One live connection to a server: the transport that was found to work, the engine on it, the
 * negotiated protocol version, and the version-specific work around each request (re-initializing an
 * expired session, {@code _meta} and {@code input_required} rounds for the stateless protocol).
 */
public final class Connection implements Closeable, ConnectionInfo {
  private static final Logger LOG = LoggerFactory.getLogger(Connection.class);

  private final ClientConfig config;
  private final Object reinitLock = new Object();
  private volatile boolean reinitializing;
  private final AtomicBoolean closed = new AtomicBoolean();
  private volatile McpTransport transport;
  private volatile ProtocolEngine engine;
  private volatile String description;
  private volatile String version;
  /** The negotiated revision (set with {@link #version}); null while negotiating. */
  private volatile ProtocolRevision revision;
  private final ToolHeaders toolHeaders = new ToolHeaders();
  private volatile JsonNode serverResult;
  private volatile String logLevel;
  private volatile ListenStream listen;
  private volatile long startedNanos;
  /** The server's URL (HTTP transports), parsed once for observers; null on stdio. */
  private volatile HttpUrl serverUrl;

  private final ObjectNode statelessCapabilities;

  private Connection(ClientConfig config) {
    this.config = config;
    this.statelessCapabilities = config.capabilities().deepCopy();
    if (statelessCapabilities.has("roots")) {
      statelessCapabilities.putObject("roots"); // no list-changed notifications without a session
    }
  }

  /** Connects with the first transport that works and negotiates a version. */
  public static Connection open(ClientConfig config) throws IOException {
    Connection c = new Connection(config);
    c.connect();
    return c;
  }

  private void connect() throws IOException {
    IOException refused = null;
    for (ClientConfig.TransportChoice choice : config.transports()) {
      McpTransport t = choice.factory().get();
      description = choice.description();
      try {
        ProtocolEngine.Builder eb = ProtocolEngine.builder();
        if (config.executor() != null) {
          eb.executor(config.executor());
        }
        if (config.timer() != null) {
          eb.timer(config.timer());
        }
        engine = McpTransports.connect(t, eb
            .name("client " + choice.description())
            .handlers(config.handlers())
            .defaultTimeout(config.timeout())
            .listener(config.events())
            .attributes(new Attributes().put(ConnectionInfo.KEY, this))
            .interceptors(config.interceptors()));
        transport = t;
        if (t instanceof SessionTransport st) {
          st.headerHints(this::headerHints);
        }
        serverUrl = serverUrl(t);
        negotiate();
        if (revision != null && !revision.isStateless()) {
          startedNanos = System.nanoTime();
          SafeListener.wrap(config.events()).sessionStarted(this);
        }
        return;
      } catch (IOException | RuntimeException e) {
        ProtocolEngine en = engine;
        if (en != null) {
          en.close();
        }
        t.close();
        engine = null;
        HttpStatusException h = HttpStatusException.find(e);
        boolean refusal = h != null && (h.statusCode() == 400 || h.statusCode() == 404
            || h.statusCode() == 405);
        if (choice.fallbackToNext() && refusal) {
          LOG.info("{} refused the Streamable HTTP POST ({}); trying the legacy SSE transport",
              h.url(), h.statusCode());
          refused = (IOException) e;
          continue;
        }
        throw e;
      }
    }
    throw refused != null ? refused : new IOException("no transport configured");
  }

  private void negotiate() throws IOException {
    String pinned = config.pinnedVersion();
    boolean legacySse = transport instanceof SseTransport;
    if (ProtocolRevision.parse(pinned).map(ProtocolRevision::isStateless).orElse(false)
        || (pinned == null && !legacySse)) {
      if (discover()) {
        return;
      }
      if (pinned != null) {
        throw new McpProtocolException(ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION, "server at "
            + description + " does not speak protocol " + pinned + " (server/discover failed)");
      }
    }
    initialize(pinned);
  }

  private boolean discover() throws IOException {
    SessionTransport http = transport instanceof SessionTransport h ? h : null;
    negotiated(ProtocolRevision.latest());
    if (http != null) {
      http.protocolVersion(ProtocolRevision.latest().id());
    }
    boolean ok = false;
    try {
      JsonNode result;
      try {
        result = engine.sendRequest("server/discover", withMeta(null), RequestOptions.DEFAULT);
      } catch (McpProtocolException e) {
        if (!offersStateless(e)) {
          throw e;
        }
        // the server refused the version it then lists as supported: ask once more
        result = engine.sendRequest("server/discover", withMeta(null), RequestOptions.DEFAULT);
      }
      JsonNode supported = result == null ? null : result.get("supportedVersions");
      if (supported instanceof ArrayNode list) {
        for (JsonNode v : list) {
          if (ProtocolRevision.latest().id().equals(v.asText())) {
            ok = true;
          }
        }
      }
      if (ok) {
        serverResult = result;
        LOG.debug("{} speaks {}", description, ProtocolRevision.latest());
        if (config.listenForChanges()) {
          listen = new ListenStream(this::listen, this::startWorker, description);
          listen.start();
        }
      } else {
        LOG.debug("{}: server/discover lists no version this client speaks: {}", description,
            supported);
      }
      return ok;
    } catch (McpProtocolException e) {
      LOG.debug("{}: server/discover refused ({}); using initialize", description, e.getMessage());
      return false;
    } catch (IOException e) {
      HttpStatusException h = HttpStatusException.find(e);
      if (h == null || h.statusCode() == 401 || h.statusCode() == 403) {
        throw e;
      }
      LOG.debug("{}: server/discover refused ({}); using initialize", description, e.getMessage());
      return false;
    } finally {
      if (!ok) {
        negotiated(null);
        if (http != null) {
          http.protocolVersion(null);
        }
      }
    }
  }

  private static boolean offersStateless(McpProtocolException e) {
    if (e.code() != ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION || e.error().data() == null) {
      return false;
    }
    for (JsonNode v : e.error().data().path("supported")) {
      if (ProtocolRevision.latest().id().equals(v.asText())) {
        return true;
      }
    }
    return false;
  }

  private void initialize(String pinned) throws IOException {
    String offered = pinned != null ? pinned : ProtocolRevision.latestSession().id();
    ObjectNode params = McpJson.object();
    params.put("protocolVersion", offered);
    ObjectNode caps = config.capabilities().deepCopy();
    caps.remove("extensions"); // extensions are declared per request, in 2026-07-28 only
    params.set("capabilities", caps);
    params.set("clientInfo", config.clientInfo());
    JsonNode result = engine.sendRequest("initialize", params, RequestOptions.DEFAULT);
    String chosen = result == null ? null : result.path("protocolVersion").asText(null);
    ProtocolRevision chosenRevision = ProtocolRevision.parse(chosen)
        .filter(r -> !r.isStateless()).orElse(null);
    if (chosenRevision == null
        || (pinned != null && !pinned.equals(chosen))) {
      throw new McpProtocolException(ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION, "server at "
          + description + " answered initialize with protocol version '" + chosen
          + "'; this client speaks " + (pinned != null ? pinned
              : ProtocolRevision.sessionRevisions()));
    }
    negotiated(chosenRevision);
    serverResult = result;
    SessionTransport http = transport instanceof SessionTransport h ? h : null;
    if (http != null) {
      http.protocolVersion(chosen);
    }
    engine.sendNotification("notifications/initialized", null);
    if (http != null) {
      http.openEventStream();
    }
  }

  // ---------------------------------------------------------------- requests

  /**
   * Sends one request the way the negotiated version wants it and returns its result.
   *
   * @throws McpProtocolException when the server answers with a JSON-RPC error
   * @throws IOException when the transport fails or the request times out
   */
  public JsonNode request(String method, JsonNode params, RequestOptions options)
      throws IOException {
    return request(method, params, options, null);
  }

  /**
   * {@link #request(String, JsonNode, RequestOptions)} as one call under {@code handle}: every request
   * it sends (a retry on a new session, each input round) is sent with the handle, so cancelling the
   * handle cancels whichever is in flight.
   *
   * @throws java.util.concurrent.CancellationException when the handle is cancelled
   */
  public JsonNode request(String method, JsonNode params, RequestOptions options,
      RequestHandle handle) throws IOException {
    if (closed.get()) {
      throw new IOException("client for " + description + " is closed");
    }
    if (isStateless()) {
      JsonNode result = statelessRequest(method, params, options, handle);
      if ("tools/list".equals(method)) {
        toolHeaders.learn(result); // which arguments later calls mirror into Mcp-Param-*
      }
      return result;
    }
    if (reinitializing) {
      synchronized (reinitLock) {
        // wait for the new session rather than send without one
      }
    }
    String session = sessionId();
    try {
      return engine.sendRequest(method, params, options, handle);
    } catch (IOException e) {
      HttpStatusException h = HttpStatusException.find(e);
      if (h == null || !h.sessionExpired()) {
        throw e;
      }
      reinitialize(session);
      return engine.sendRequest(method, params, options, handle);
    }
  }

  /**
   * The same as {@link #request}, completing on a worker thread; cancelling the future cancels the
   * request in flight at the server ({@code notifications/cancelled} with its id).
   */
  public CompletableFuture<JsonNode> requestAsync(String method, JsonNode params,
      RequestOptions options) {
    return requestAsync(method, params, options, new RequestHandle());
  }

  /** {@link #requestAsync(String, JsonNode, RequestOptions)} under a handle the caller keeps. */
  public CompletableFuture<JsonNode> requestAsync(String method, JsonNode params,
      RequestOptions options, RequestHandle handle) {
    CompletableFuture<JsonNode> future = new CompletableFuture<>();
    future.whenComplete((r, e) -> {
      if (future.isCancelled()) {
        handle.cancel();
      }
    });
    Runnable task = () -> {
      try {
        future.complete(request(method, params, options, handle));
      } catch (Throwable t) {
        future.completeExceptionally(t);
      }
    };
    // what the calling thread knows (a tracing context) goes with the call onto the worker
    for (McpInterceptor interceptor : config.interceptors()) {
      task = interceptor.carryAcrossThreads(task);
    }
    startWorker(task);
    return future;
  }

  /** Runs {@code task} on the client's executor (the builder's, or the shared default). */
  public void startWorker(Runnable task) {
    java.util.concurrent.Executor e = config.executor();
    if (e != null) {
      e.execute(task);
    } else {
      Workers.start(task);
    }
  }

  private void reinitialize(String expiredSession) throws IOException {
    synchronized (reinitLock) {
      if (!Objects.equals(sessionId(), expiredSession)) {
        return; // another caller already did it
      }
      LOG.info("{}: session {} expired; initializing a new one", description, expiredSession);
      reinitializing = true;
      try {
        ((SessionTransport) transport).clearSession();
        initialize(config.pinnedVersion());
      } finally {
        reinitializing = false;
      }
    }
  }

  private JsonNode statelessRequest(String method, JsonNode params, RequestOptions options,
      RequestHandle handle) throws IOException {
    ObjectNode p = withMeta(params);
    for (int round = 0; ; round++) {
      JsonNode result = engine.sendRequest(method, p, options, handle);
      if (result == null || !"input_required".equals(result.path("resultType").asText())) {
        return result;
      }
      if (round >= config.maxInputRounds()) {
        throw new McpProtocolException(ErrorCodes.INTERNAL_ERROR, "server at " + description
            + " still asked for input after " + round + " rounds of " + method
            + " (the limit is maxInputRounds)");
      }
      ObjectNode next = p.deepCopy();
      next.remove("inputResponses");
      next.remove("requestState");
      if (result.get("inputRequests") instanceof ObjectNode requests && !requests.isEmpty()) {
        next.set("inputResponses", fulfil(requests));
      }
      JsonNode state = result.get("requestState");
      if (state != null && !state.isNull()) {
        next.set("requestState", state);
      }
      p = next;
    }
  }

  /** Answers input requests with the client's handlers (a task's, or an input_required's). */
  public ObjectNode answer(ObjectNode requests) throws IOException {
    return fulfil(requests);
  }

  private ObjectNode fulfil(ObjectNode requests) throws IOException {
    ObjectNode responses = McpJson.object();
    Iterator<Map.Entry<String, JsonNode>> it = requests.fields();
    while (it.hasNext()) {
      Map.Entry<String, JsonNode> e = it.next();
      String method = e.getValue().path("method").asText();
      ClientConfig.InputHandler handler = config.inputHandlers().get(method);
      if (handler == null) {
        throw new McpProtocolException(ErrorCodes.METHOD_NOT_FOUND, "server at " + description
            + " asked for " + method + " (input request '" + e.getKey()
            + "') but this client has no handler for it; configure one on the builder");
      }
      try {
        JsonNode answer = handler.handle(e.getValue().get("params"));
        responses.set(e.getKey(), answer == null ? McpJson.object() : answer);
      } catch (McpProtocolException | IOException x) {
        throw x;
      } catch (InterruptedException x) {
        Thread.currentThread().interrupt();
        throw new InterruptedIOException("interrupted while answering " + method);
      } catch (Exception x) {
        throw new McpProtocolException(ErrorCodes.INTERNAL_ERROR, "the client's handler for "
            + method + " failed: " + x);
      }
    }
    return responses;
  }

  /** The params with the 2026-07-28 request {@code _meta} added. */
  ObjectNode withMeta(JsonNode params) {
    ObjectNode copy = McpJson.object();
    if (params instanceof ObjectNode o) {
      copy.setAll(o);
    }
    ObjectNode meta = McpJson.object();
    if (copy.get("_meta") instanceof ObjectNode m) {
      meta.setAll(m);
    }
    meta.put("io.modelcontextprotocol/protocolVersion", ProtocolRevision.latest().id());
    meta.set("io.modelcontextprotocol/clientInfo", config.clientInfo());
    meta.set("io.modelcontextprotocol/clientCapabilities", statelessCapabilities);
    String level = logLevel;
    if (level != null) {
      meta.put("io.modelcontextprotocol/logLevel", level);
    }
    copy.set("_meta", meta);
    return copy;
  }

  private void listen(dev.mcpkit.core.schema.Subscriptions.ListenParams params,
      RequestHandle handle) throws IOException {
    request(ListenStream.method(), ListenStream.tree(params), ListenStream.options(), handle);
  }

  /**
   * Subscribes to (or unsubscribes from) updates of one resource: {@code resources/subscribe} on the
   * session protocol, the listen stream's filter on the stateless one.
   */
  public void subscribe(String uri, boolean subscribe) throws IOException {
    ListenStream l = listen;
    if (isStateless()) {
      if (l == null) {
        throw new McpProtocolException(ErrorCodes.METHOD_NOT_FOUND, "resource updates need a "
            + "ClientListener on the builder (they arrive on a subscriptions/listen stream)");
      }
      l.resource(uri, subscribe);
      return;
    }
    ObjectNode params = McpJson.object();
    params.put("uri", uri);
    request(subscribe ? "resources/subscribe" : "resources/unsubscribe", params,
        RequestOptions.DEFAULT);
  }

  /** Sends a notification (session protocol; the stateless protocol has none to send). */
  public void notify(String method, JsonNode params) throws IOException {
    if (!isStateless()) {
      engine.sendNotification(method, params);
    }
  }

  /**
   * Sets the level of log messages wanted: {@code logging/setLevel} on the session protocol, the
   * {@code logLevel} request meta on the stateless one.
   */
  public void setLogLevel(String level) throws IOException {
    if (isStateless()) {
      logLevel = level;
      return;
    }
    ObjectNode params = McpJson.object();
    params.put("level", level);
    request("logging/setLevel", params, RequestOptions.DEFAULT);
  }

  // ---------------------------------------------------------------- state

  private void negotiated(ProtocolRevision r) {
    revision = r;
    version = r == null ? null : r.id();
  }

  private boolean isStateless() {
    ProtocolRevision r = revision;
    return r != null && r.isStateless();
  }

  /**
   * The headers a message carries besides the transport's own: what the revision mirrors from the
   * body ({@code Mcp-Method}, {@code Mcp-Name}) and the tool arguments marked for {@code
   * Mcp-Param-*}, encoded for HTTP.
   */
  private Map<String, String> headerHints(JsonRpcMessage message) {
    ProtocolRevision r = revision;
    String method = message instanceof JsonRpcRequest q ? q.method()
        : message instanceof JsonRpcNotification n ? n.method() : null;
    if (r == null || method == null) {
      return Map.of();
    }
    JsonNode params = message instanceof JsonRpcRequest q ? q.params()
        : ((JsonRpcNotification) message).params();
    Map<String, String> mirrored = r.mirroredHeaders(method, params);
    if (mirrored.isEmpty()) {
      return mirrored;
    }
    Map<String, String> headers = new LinkedHashMap<>();
    mirrored.forEach((name, value) -> headers.put(name, HeaderValues.encode(value)));
    if (method.equals("tools/call") && params != null) {
      headers.putAll(toolHeaders.headersFor(params.path("name").asText(null),
          params.get("arguments")));
    }
    return headers;
  }

  public String protocolVersion() {
    return version;
  }

  /** The negotiated revision, or null before negotiation. */
  public ProtocolRevision revision() {
    return revision;
  }

  /** The {@code initialize} or {@code server/discover} result. */
  public JsonNode serverResult() {
    return serverResult;
  }

  /** The server's name and version, or a placeholder when it sent none. */
  public Implementation serverInfo() {
    JsonNode r = serverResult;
    JsonNode info = r == null ? null : r.get("serverInfo");
    if (info == null && r != null && r.get("_meta") instanceof ObjectNode meta) {
      info = meta.get(Meta.SERVER_INFO);
    }
    if (info instanceof ObjectNode o && o.has("name") && o.has("version")) {
      try {
        return McpJson.fromTree(o, Implementation.class);
      } catch (IllegalArgumentException e) {
        LOG.debug("{}: unreadable server info {}", description, o);
      }
    }
    return new Implementation("unknown", "unknown");
  }

  /** The server's capabilities; none when it declared none or they are unreadable. */
  public ServerCapabilities serverCapabilities() {
    JsonNode r = serverResult;
    JsonNode caps = r == null ? null : r.get("capabilities");
    if (caps instanceof ObjectNode o) {
      try {
        return McpJson.fromTree(o, ServerCapabilities.class);
      } catch (IllegalArgumentException e) {
        LOG.debug("{}: unreadable server capabilities {}", description, o);
      }
    }
    return McpJson.fromTree(McpJson.object(), ServerCapabilities.class);
  }

  public String sessionId() {
    return transport instanceof SessionTransport h ? h.sessionId() : null;
  }

  public McpTransport transport() {
    return transport;
  }

  @Override
  public String networkTransport() {
    return transport instanceof StdioTransport ? "pipe" : "tcp";
  }

  @Override
  public String networkProtocolName() {
    return transport instanceof StdioTransport ? null : "http";
  }

  @Override
  public String networkProtocolVersion() {
    return transport instanceof StdioTransport ? null : "1.1";
  }

  @Override
  public String serverAddress() {
    HttpUrl url = serverUrl;
    return url == null ? null : url.host();
  }

  @Override
  public int serverPort() {
    HttpUrl url = serverUrl;
    return url == null ? -1 : url.port();
  }

  private static HttpUrl serverUrl(McpTransport t) {
    String url = t instanceof SessionTransport h ? h.url()
        : t instanceof SseTransport s ? s.url() : null;
    return url == null ? null : HttpUrl.parse(url);
  }

  public String description() {
    return description;
  }

  public boolean isClosed() {
    return closed.get();
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      ListenStream l = listen;
      if (l != null) {
        l.stop();
      }
      ProtocolEngine e = engine;
      if (e != null) {
        e.close();
      }
      McpTransport t = transport;
      if (t != null) {
        t.close();
      }
      long started = startedNanos;
      if (started != 0) {
        SafeListener.wrap(config.events()).sessionEnded(this, System.nanoTime() - started, null);
      }
    }
  }
}
