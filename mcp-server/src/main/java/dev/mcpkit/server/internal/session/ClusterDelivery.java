package dev.mcpkit.server.internal.session;

import dev.mcpkit.core.engine.ProtocolEngine;
import dev.mcpkit.core.jsonrpc.JsonRpcCodec;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.jsonrpc.JsonRpcNotification;
import dev.mcpkit.core.jsonrpc.JsonRpcRequest;
import dev.mcpkit.core.jsonrpc.JsonRpcResponse;
import dev.mcpkit.server.internal.http.EventStream;
import dev.mcpkit.server.spi.MessageRelay;
import dev.mcpkit.server.spi.MessageRelay.Relayed;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This instance's end of a {@link MessageRelay}. Outgoing: a message for a client whose GET stream
 * this instance does not hold, and a client's answer or cancellation this instance has no waiting
 * request or running handler for, are published. Incoming: a message to a client goes on the GET
 * stream when this instance holds it; a message from a client goes to the session's engine when
 * that engine waits for the answer (or, for a cancellation, may run the request). Messages this
 * instance published itself are ignored.
 *
 * <p>Session notices: when this instance changes a session's record (log level, subscriptions) or
 * ends it at the client's request, it publishes a notice after the store has the change; every
 * other instance that holds a copy of that session refreshes it from the store, or drops it.
 *
 * <p>Endpoint messages ({@link #broadcast}) belong to no session: a change for 2026-07-28 listen
 * streams, an answer to a task's input. Their session id is {@code *} and the endpoint id, which no
 * session id can be (session ids are URL-safe base64).
 */
public final class ClusterDelivery implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterDelivery.class);
  private static final String CANCELLED = "notifications/cancelled";
  /** The notice that a session's record changed in the store: read it again. */
  static final String SESSION_CHANGED =
      "{\"jsonrpc\":\"2.0\",\"method\":\"mcpkit/sessionChanged\"}";
  /** The notice that a session ended (DELETE): drop it. */
  static final String SESSION_ENDED =
      "{\"jsonrpc\":\"2.0\",\"method\":\"mcpkit/sessionEnded\"}";

  private final String instance;
  private final MessageRelay relay;
  private final Function<String, LiveSession> live;
  private final BiConsumer<LiveSession, Boolean> changedElsewhere;
  private final AutoCloseable subscription;
  private volatile BiConsumer<String, JsonRpcNotification> endpointMessages = (e, n) -> { };
  private volatile BiConsumer<String, JsonRpcMessage> legacyMessages = (id, m) -> { };

  /**
   * @param changedElsewhere called with a session this instance holds and true when another
   *     instance ended it, false when it changed its record
   */
  ClusterDelivery(MessageRelay relay, Function<String, LiveSession> live,
      BiConsumer<LiveSession, Boolean> changedElsewhere) {
    byte[] id = new byte[8];
    new SecureRandom().nextBytes(id);
    this.instance = HexFormat.of().formatHex(id);
    this.relay = relay;
    this.live = live;
    this.changedElsewhere = changedElsewhere;
    this.subscription = relay.subscribe(this::receive);
  }

  /** A message for the client that no stream of this instance could take. */
  void toClient(LiveSession session, JsonRpcMessage message) {
    publish(session, true, message);
  }

  /**
   * A request to the client (elicitation, sampling) that no stream of this instance could take:
   * published for the instance holding the client's GET stream; false when it could not be.
   */
  boolean requestToClient(LiveSession session, JsonRpcRequest request) {
    return publish(session.id(), true, JsonRpcCodec.instance().encodeToString(request));
  }

  /**
   * Takes a response or notification the client POSTed: handled here, and published when it may
   * belong to a request or handler of another instance.
   */
  public void fromClient(LiveSession session, JsonRpcMessage message) {
    boolean hadEngine = session.engineIfMade() != null;
    try {
      if (message instanceof JsonRpcResponse r && !session.engine().awaits(r.id())) {
        publish(session, false, message);
        return;
      }
      session.engine().receive(message);
      if (message instanceof JsonRpcNotification n && CANCELLED.equals(n.method())) {
        publish(session, false, message);
      }
    } finally {
      if (!hadEngine) {
        // a session without an engine was idle (notifications/initialized comes to a session
        // that initialize left with its record only): it stays as small as it was
        session.shed();
      }
    }
  }

  /** Publishes {@code message} for the other instances' endpoint {@code endpointId}. */
  public void broadcast(String endpointId, JsonRpcNotification message) {
    publish("*" + endpointId, true, JsonRpcCodec.instance().encodeToString(message));
  }

  /** Takes the endpoint messages other instances {@link #broadcast} (endpoint id, message). */
  public void onBroadcast(BiConsumer<String, JsonRpcNotification> receiver) {
    this.endpointMessages = receiver;
  }

  /**
   * A message a client POSTed for a legacy HTTP+SSE session another instance holds; its session
   * id travels as {@code ~} and the id.
   */
  public boolean toLegacySession(String legacyId, JsonRpcMessage message) {
    return publish("~" + legacyId, false, JsonRpcCodec.instance().encodeToString(message));
  }

  /** Takes messages for legacy sessions (legacy id, message); acts only on those it holds. */
  public void onLegacyMessage(BiConsumer<String, JsonRpcMessage> receiver) {
    this.legacyMessages = receiver;
  }

  /** Tells the other instances that the session's record changed in the store. */
  void changed(String sessionId) {
    publish(sessionId, false, SESSION_CHANGED);
  }

  /** Tells the other instances that the session ended. */
  void ended(String sessionId) {
    publish(sessionId, false, SESSION_ENDED);
  }

  private void publish(LiveSession session, boolean toClient, JsonRpcMessage message) {
    publish(session.id(), toClient, JsonRpcCodec.instance().encodeToString(message));
  }

  private boolean publish(String sessionId, boolean toClient, String json) {
    try {
      relay.publish(new Relayed(instance, sessionId, toClient, json));
      return true;
    } catch (RuntimeException e) {
      LOG.warn("{}: could not relay a message to other instances: {}", sessionId.startsWith("*")
          ? "endpoint " + sessionId.substring(1) : "session " + sessionId.substring(0, 6),
          e.getClass().getName()); // not its message: a relay may quote what it was given
      return false;
    }
  }

  private void receive(Relayed r) {
    if (instance.equals(r.origin())) {
      return;
    }
    if (r.sessionId().startsWith("*")) {
      endpointMessage(r);
      return;
    }
    if (r.sessionId().startsWith("~")) {
      JsonRpcMessage message;
      try {
        message = JsonRpcCodec.instance().decode(r.json());
      } catch (RuntimeException e) {
        LOG.warn("ignoring a relayed legacy-session message that is not JSON-RPC");
        return;
      }
      legacyMessages.accept(r.sessionId().substring(1), message);
      return;
    }
    LiveSession session = live.apply(r.sessionId());
    if (session == null) {
      return;
    }
    if (!r.toClient() && (SESSION_CHANGED.equals(r.json()) || SESSION_ENDED.equals(r.json()))) {
      changedElsewhere.accept(session, SESSION_ENDED.equals(r.json()));
      return;
    }
    JsonRpcMessage message;
    try {
      message = JsonRpcCodec.instance().decode(r.json());
    } catch (RuntimeException e) { // its text is not logged: it may carry what a user entered
      LOG.warn("session {}: ignoring a relayed message that is not JSON-RPC",
          session.id().substring(0, 6));
      return;
    }
    if (r.toClient()) {
      EventStream g = session.standaloneIfOpen();
      if (g != null && !g.send(message)) {
        LOG.debug("session {}: GET stream closed, relayed message dropped",
            session.id().substring(0, 6));
      }
      return;
    }
    ProtocolEngine engine = session.engineIfMade();
    if (engine == null) {
      return;
    }
    if (message instanceof JsonRpcResponse resp ? engine.awaits(resp.id())
        : engine.requestsInFlight() > 0) {
      engine.receive(message);
    }
  }

  private void endpointMessage(Relayed r) {
    JsonRpcMessage message;
    try {
      message = JsonRpcCodec.instance().decode(r.json());
    } catch (RuntimeException e) {
      LOG.warn("ignoring a relayed endpoint message that is not JSON-RPC");
      return;
    }
    if (message instanceof JsonRpcNotification n) {
      endpointMessages.accept(r.sessionId().substring(1), n);
    }
  }

  @Override
  public void close() {
    try {
      subscription.close();
    } catch (Exception e) {
      LOG.debug("closing the relay subscription failed: {}", e.toString());
    }
  }
}
