package dev.mcpkit.server.internal.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.auth.McpPrincipal;
import dev.mcpkit.core.engine.Attributes;
import dev.mcpkit.core.engine.ProtocolEngine;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.Decoded;
import dev.mcpkit.core.jsonrpc.ErrorCodes;
import dev.mcpkit.core.jsonrpc.JsonRpcCodec;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.jsonrpc.JsonRpcRequest;
import dev.mcpkit.core.schema.ProtocolRevision;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpOptions;
import dev.mcpkit.server.internal.Keys;
import dev.mcpkit.server.internal.LocalSessionState;
import dev.mcpkit.server.internal.ServerAccess;
import dev.mcpkit.server.internal.ServerPeer;
import dev.mcpkit.server.internal.protocol.ServerCore;
import dev.mcpkit.server.internal.session.ClusterDelivery;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The HTTP+SSE transport of protocol 2024-11-05, for old clients: a GET opens an event stream whose
 * first event ({@code endpoint}) names the URL to POST messages to; every answer travels on the
 * stream. Sessions live only as long as their stream. With a relay to other instances, a message
 * POSTed to another instance reaches the session here ({@link LegacyShare}).
 */
final class LegacySse {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final McpHttpOptions options;
  private final Map<String, Session> sessions = new ConcurrentHashMap<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final OpenStreams streams;
  private final Admission admission;
  private final HandlerPool pool;
  private final LegacyShare share;

  LegacySse(McpHttpOptions options, OpenStreams streams, Admission admission,
      HandlerPool pool, ClusterDelivery delivery) {
    this.pool = pool;
    this.share = new LegacyShare(options, delivery, this::relayed);
    this.options = options;
    this.streams = streams;
    this.admission = admission;
  }

  int inFlight() {
    return inFlight.get();
  }

  /** GET: opens the stream and announces the message URL; the session lives as long as it. */
  void open(HttpCall call, McpEndpoint endpoint, McpPrincipal principal, String messagePath) {
    if (!"GET".equals(call.method())) {
      McpHttpHandler.closeUnread(call);
      call.setHeader("Allow", "GET");
      HttpResponses.empty(call, 405);
      return;
    }
    String owner = Admission.client(call, principal);
    if (!streams.reserve(call, owner, null)) {
      return;
    }
    SseChannel channel;
    try {
      channel = SseChannel.open(call, options.maxStreamBacklogBytes());
    } catch (IOException e) {
      streams.release(owner);
      call.close();
      return;
    }
    byte[] idBytes = new byte[16];
    RANDOM.nextBytes(idBytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(idBytes);
    ServerCore core = ServerAccess.core(endpoint.server());
    Session session = new Session(id, endpoint, principal, core, channel);
    sessions.put(id, session);
    share.opened(id, endpoint, principal);
    core.addPeer(session);
    long started = System.nanoTime();
    var listener = dev.mcpkit.core.engine.internal.SafeListener.wrap(core.config().listener());
    listener.sessionStarted(session.state);
    channel.send(null, "endpoint",
        (messagePath + "?sessionId=" + id).getBytes(StandardCharsets.UTF_8), 0);
    streams.track(channel, owner, () -> {
      sessions.remove(id);
      share.closed(id);
      core.removePeer(session);
      session.engine.close();
      listener.sessionEnded(session.state, System.nanoTime() - started, null);
    });
  }

  /** POST to the message URL: the message is taken (202) and answered on the stream. */
  void post(HttpCall call, McpEndpoint endpoint, McpPrincipal principal) {
    if (!"POST".equals(call.method())) {
      McpHttpHandler.closeUnread(call);
      call.setHeader("Allow", "POST");
      HttpResponses.empty(call, 405);
      return;
    }
    String id = queryParam(call.query(), "sessionId");
    Session session = id == null ? null : sessions.get(id);
    if (session == null && id != null && share.relay(call, id, endpoint, principal)) {
      return; // held by another instance
    }
    if (session == null || session.endpoint != endpoint
        || !session.principal.subject().equals(principal.subject())) {
      // the body is read first, so the connection stays usable for the client's next request
      McpHttpHandler.refuseUnread(call, options, 404, "Session not found: open"
          + " the event stream (GET) again to get a new message URL");
      return;
    }
    byte[] body = McpHttpHandler.readBody(call, options);
    if (body == null) {
      return;
    }
    Decoded decoded = McpHttpHandler.decode(call, body, false);
    if (decoded == null) {
      return;
    }
    JsonRpcMessage message = decoded.messages().get(0);
    if (message instanceof JsonRpcRequest r) {
      if (!admission.enter(call, r.id())) {
        return;
      }
      inFlight.incrementAndGet();
      pool.run(call, r.method(), () -> {
        try {
          HttpResponses.empty(call, 202);
          session.engine.receive(message);
        } finally {
          inFlight.decrementAndGet();
          admission.exit();
        }
      });
    } else {
      HttpResponses.empty(call, 202);
      session.engine.receive(message);
    }
  }

  /** A message another instance took for a session this instance may hold. */
  private void relayed(String id, JsonRpcMessage message) {
    Session session = sessions.get(id);
    if (session != null) {
      session.engine.receive(message);
    }
  }

  void close() {
    share.close();
    for (Session s : sessions.values()) {
      s.channel.close();
    }
  }

  private static String queryParam(String query, String name) {
    if (query == null) {
      return null;
    }
    for (String pair : query.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        try {
          return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
          return null; // a malformed escape names no session: 404 like an unknown one
        }
      }
    }
    return null;
  }

  private static final class Session implements ServerPeer {
    final McpEndpoint endpoint;
    final McpPrincipal principal;
    final SseChannel channel;
    final LocalSessionState state;
    final ProtocolEngine engine;

    Session(String id, McpEndpoint endpoint, McpPrincipal principal, ServerCore core,
        SseChannel channel) {
      this.endpoint = endpoint;
      this.principal = principal;
      this.channel = channel;
      this.state = new LocalSessionState(id);
      Attributes attributes = new Attributes()
          .put(Keys.SESSION, state)
          .put(dev.mcpkit.core.engine.ConnectionInfo.KEY, state)
          .put(Keys.ENDPOINT, endpoint)
          .put(Keys.PRINCIPAL, principal);
      this.engine = core.newEngine("legacy-sse " + id.substring(0, 6), (message, related) -> {
        if (!channel.send(null, "message", SharedFrames.encode(message), 0)) {
          throw new IOException("the client's event stream is closed");
        }
      }, attributes, ProtocolRevision.latestSession());
    }

    @Override
    public void listChanged(String kind, String name) {
      if ("tools".equals(kind) && name != null && !endpoint.exposes(name)) {
        return;
      }
      notifyClient("notifications/" + kind + "/list_changed", null);
    }

    @Override
    public void resourceUpdated(String uri) {
      if (state.subscriptions().contains(uri)) {
        ObjectNode params = McpJson.object().put("uri", uri);
        notifyClient("notifications/resources/updated", params);
      }
    }

    private void notifyClient(String method, ObjectNode params) {
      try {
        engine.sendNotification(method, params);
      } catch (IOException | RuntimeException e) {
        // the stream is gone; the session ends with it
      }
    }
  }
}
