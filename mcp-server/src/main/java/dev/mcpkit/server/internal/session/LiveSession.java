package dev.mcpkit.server.internal.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.auth.McpPrincipal;
import dev.mcpkit.core.engine.Attributes;
import dev.mcpkit.core.engine.ConnectionInfo;
import dev.mcpkit.core.engine.ProtocolEngine;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.jsonrpc.JsonRpcNotification;
import dev.mcpkit.core.jsonrpc.JsonRpcRequest;
import dev.mcpkit.core.jsonrpc.RequestId;
import dev.mcpkit.core.schema.ProtocolRevision;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.internal.Keys;
import dev.mcpkit.server.internal.ServerPeer;
import dev.mcpkit.server.internal.SessionState;
import dev.mcpkit.server.internal.http.EventStream;
import dev.mcpkit.server.internal.protocol.ServerCore;
import dev.mcpkit.server.spi.SessionRecord;
import java.io.IOException;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One session of the session protocol as served by this JVM: its record, its protocol engine, and
 * the streams its messages travel on. Small while idle: the engine's maps and the stream map stay
 * empty.
 */
public final class LiveSession implements SessionState, ServerPeer {
  private static final Logger LOG = LoggerFactory.getLogger(LiveSession.class);

  private final HttpSessions owner;
  private final McpEndpoint endpoint;
  private final ServerCore core;
  private static final AtomicIntegerFieldUpdater<LiveSession> STREAMS =
      AtomicIntegerFieldUpdater.newUpdater(LiveSession.class, "streamCounter");
  private static final AtomicIntegerFieldUpdater<LiveSession> IN_FLIGHT =
      AtomicIntegerFieldUpdater.newUpdater(LiveSession.class, "inFlight");
  private volatile ProtocolEngine engine; // made on demand, shed when the session idles
  private volatile Map<RequestId, EventStream> streams; // made on demand, shed when idle
  private boolean sentRequests; // guarded by this; request ids must never repeat then
  private volatile int streamCounter;
  private volatile int inFlight;
  private volatile SessionRecord record;
  private volatile EventStream standalone;
  volatile long lastAccess;
  volatile long lastStoreTouch;
  /** Whether the client used the session after opening it (a request, a stream). */
  volatile boolean used;
  final String client;

  LiveSession(HttpSessions owner, McpEndpoint endpoint, ServerCore core, SessionRecord record,
      String client, long now) {
    this.owner = owner;
    this.endpoint = endpoint;
    this.core = core;
    this.record = record;
    this.client = client;
    this.lastAccess = now;
    this.lastStoreTouch = lastAccess;
  }

  /** Records that the client uses the session, so it gets the full idle timeout. */
  public void markUsed() {
    if (!used) {
      used = true;
    }
  }

  /** Whether anything runs or listens on the session now (it cannot expire then). */
  boolean busy() {
    EventStream g = standalone;
    return inFlight > 0 || g != null && g.isConnected();
  }

  /**
   * The session's engine, made on demand. Requests carry the session in their own attributes (see
   * {@link #requestAttributes}), so the engine holds nothing that must outlive it.
   */
  public ProtocolEngine engine() {
    ProtocolEngine e = engine;
    if (e != null) {
      return e;
    }
    synchronized (this) {
      if (engine == null) {
        engine = core.newEngine("http-session", this::route,
            new Attributes().put(Keys.SESSION, this).put(ConnectionInfo.KEY, this),
            ProtocolRevision.latestSession());
      }
      return engine;
    }
  }

  /** The engine if it exists now, or null: never makes one. */
  ProtocolEngine engineIfMade() {
    return engine;
  }

  /**
   * Frees what an idle session does not need: its engine (unless it ever sent the client a
   * request, whose ids must not repeat) and its stream map. Both come back on the next request.
   */
  public synchronized void shed() {
    ProtocolEngine e = engine;
    if (e != null && !sentRequests && inFlight == 0 && e.requestsInFlight() == 0
        && e.pendingRequests() == 0) {
      engine = null;
    }
    Map<RequestId, EventStream> s = streams;
    if (s != null && s.isEmpty() && inFlight == 0) {
      streams = null;
    }
  }

  private Map<RequestId, EventStream> streams() {
    Map<RequestId, EventStream> s = streams;
    if (s != null) {
      return s;
    }
    synchronized (this) {
      if (streams == null) {
        streams = new ConcurrentHashMap<>(1); // one request at a time is the usual case
      }
      return streams;
    }
  }

  public McpEndpoint endpoint() {
    return endpoint;
  }

  public SessionRecord record() {
    return record;
  }

  /** Attributes for one request of this session, by {@code principal}. */
  public Attributes requestAttributes(McpPrincipal principal) {
    return new Attributes().put(Keys.SESSION, this).put(Keys.ENDPOINT, endpoint)
        .put(Keys.PRINCIPAL, principal).put(ConnectionInfo.KEY, this);
  }

  /** Counts a request in; false when the session already runs {@code max} requests. */
  public boolean enter(int max) {
    if (IN_FLIGHT.incrementAndGet(this) > max) {
      IN_FLIGHT.decrementAndGet(this);
      return false;
    }
    return true;
  }

  public void exit() {
    IN_FLIGHT.decrementAndGet(this);
  }

  public int inFlight() {
    return inFlight;
  }

  /** A new stream number, unique within the session. */
  public int newStreamNumber() {
    return STREAMS.incrementAndGet(this);
  }

  public void register(RequestId id, EventStream stream) {
    streams().put(id, stream);
  }

  public void unregister(RequestId id, EventStream stream) {
    streams().remove(id, stream);
  }

  /** The stream with this id among the requests still running, or null. */
  public EventStream runningStream(String streamId) {
    Map<RequestId, EventStream> running = streams;
    if (running != null) {
      for (EventStream s : running.values()) {
        if (s.id().equals(streamId)) {
          return s;
        }
      }
    }
    EventStream g = standalone;
    return g != null && g.id().equals(streamId) ? g : null;
  }

  /** The GET stream, created on first use. */
  public synchronized EventStream standalone() {
    if (standalone == null) {
      standalone = new EventStream(record.id(), 'g', newStreamNumber(), owner.eventStore(),
          owner.primes(record.protocolVersion()), owner.retryMillis());
    }
    return standalone;
  }

  public EventStream standaloneIfOpen() {
    return standalone;
  }

  private void route(JsonRpcMessage message, RequestId related) throws IOException {
    if (message instanceof JsonRpcRequest) {
      synchronized (this) {
        sentRequests = true;
      }
    }
    Map<RequestId, EventStream> running = streams;
    if (related != null && running != null) {
      EventStream s = running.get(related);
      if (s != null && s.send(message)) {
        return;
      }
    }
    EventStream g = standalone;
    if (g != null && g.send(message)) {
      return;
    }
    if (message instanceof JsonRpcRequest r) {
      // another instance may hold the GET stream; the answer comes back through the relay
      if (!owner.sharesWithOtherInstances() || !owner.delivery().requestToClient(this, r)) {
        throw new IOException("cannot send " + r.method() + " to the client: its request is"
            + " answered as JSON (the client did not accept text/event-stream) and it has no GET"
            + " stream open");
      }
      return;
    }
    owner.delivery().toClient(this, message); // another instance may hold the GET stream
  }

  /** Ends the session here: running requests are cancelled, streams closed. */
  public void close() {
    core.removePeer(this);
    ProtocolEngine e = engine;
    if (e != null) {
      e.close();
    }
    Map<RequestId, EventStream> running = streams;
    if (running != null) {
      running.values().forEach(EventStream::disconnect);
    }
    EventStream g = standalone;
    if (g != null) {
      g.disconnect();
    }
  }

  // ------------------------------------------------------------------ SessionState

  @Override
  public String id() {
    return record.id();
  }

  @Override
  public String networkTransport() {
    return "tcp";
  }

  @Override
  public String networkProtocolName() {
    return "http";
  }

  @Override
  public String networkProtocolVersion() {
    return "1.1";
  }

  @Override
  public String protocolVersion() {
    return record.protocolVersion();
  }

  /** Parsed on each use: rare (a tool asking for input), and idle sessions stay small. */
  @Override
  public ObjectNode clientCapabilities() {
    try {
      JsonNode parsed = McpJson.mapper().readTree(record.clientCapabilities());
      return parsed instanceof ObjectNode o ? o : McpJson.object();
    } catch (IOException e) {
      return McpJson.object();
    }
  }

  @Override
  public ObjectNode clientInfo() {
    String info = record.clientInfo();
    if (info == null) {
      return null;
    }
    try {
      JsonNode node = McpJson.mapper().readTree(info);
      return node instanceof ObjectNode o ? o : null;
    } catch (IOException e) {
      return null;
    }
  }

  @Override
  public void initialized(String version, ObjectNode caps, ObjectNode info) {
    SessionRecord r = record;
    record = new SessionRecord(r.id(), r.endpoint(), r.subject(), version,
        owner.shared(info == null ? null : info.toString()),
        owner.shared(caps == null ? "{}" : caps.toString()), r.logLevel(),
        r.subscriptions(), r.createdMillis());
    owner.save(record);
  }

  /** Takes the record another instance saved (its log level and subscriptions). */
  synchronized void refresh(SessionRecord fresh) {
    record = fresh;
  }

  @Override
  public String logLevel() {
    return record.logLevel();
  }

  @Override
  public void setLogLevel(String level) {
    record = record.withLogLevel(level);
    owner.save(record);
  }

  @Override
  public Set<String> subscriptions() {
    return record.subscriptions();
  }

  @Override
  public synchronized void subscribe(String uri) {
    Set<String> next = new HashSet<>(record.subscriptions());
    if (next.add(uri)) {
      record = record.withSubscriptions(next);
      owner.save(record);
    }
  }

  @Override
  public synchronized void unsubscribe(String uri) {
    Set<String> next = new HashSet<>(record.subscriptions());
    if (next.remove(uri)) {
      record = record.withSubscriptions(next);
      owner.save(record);
    }
  }

  // ------------------------------------------------------------------ ServerPeer

  @Override
  public void listChanged(String kind, String name) {
    if ("tools".equals(kind) && name != null && !endpoint.exposes(name)) {
      return;
    }
    notifyClient("notifications/" + kind + "/list_changed", null);
  }

  @Override
  public void resourceUpdated(String uri) {
    if (record.subscriptions().contains(uri)) {
      ObjectNode params = McpJson.object().put("uri", uri);
      notifyClient("notifications/resources/updated", params);
    }
  }

  private void notifyClient(String method, JsonNode params) {
    if (standalone == null) { // the GET stream, if any, is on another instance
      owner.delivery().toClient(this, new JsonRpcNotification(method, params));
      return;
    }
    try {
      engine().sendNotification(method, params);
    } catch (IOException | RuntimeException e) {
      LOG.debug("session {}: could not send {}: {}", record.id().substring(0, 6), method,
          e.toString());
    }
  }
}
