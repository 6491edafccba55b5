package dev.mcpkit.server.internal.session;

import dev.mcpkit.core.engine.ProtocolEngine;
import dev.mcpkit.core.jsonrpc.JsonRpcCodec;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.jsonrpc.JsonRpcNotification;
import dev.mcpkit.core.jsonrpc.JsonRpcResponse;
import dev.mcpkit.server.internal.http.EventStream;
import dev.mcpkit.server.spi.MessageRelay;
import dev.mcpkit.server.spi.MessageRelay.Relayed;
import java.security.SecureRandom;
import java.util.HexFormat;
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
 */
public final class ClusterDelivery implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterDelivery.class);
  private static final String CANCELLED = "notifications/cancelled";

  private final String instance;
  private final MessageRelay relay;
  private final Function<String, LiveSession> live;
  private final AutoCloseable subscription;

  ClusterDelivery(MessageRelay relay, Function<String, LiveSession> live) {
    byte[] id = new byte[8];
    new SecureRandom().nextBytes(id);
    this.instance = HexFormat.of().formatHex(id);
    this.relay = relay;
    this.live = live;
    this.subscription = relay.subscribe(this::receive);
  }

  /** A message for the client that no stream of this instance could take. */
  void toClient(LiveSession session, JsonRpcMessage message) {
    publish(session, true, message);
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

  private void publish(LiveSession session, boolean toClient, JsonRpcMessage message) {
    try {
      relay.publish(new Relayed(instance, session.id(), toClient,
          JsonRpcCodec.instance().encodeToString(message)));
    } catch (RuntimeException e) {
      LOG.warn("session {}: could not relay a message to other instances: {}",
          session.id().substring(0, 6), e.toString());
    }
  }

  private void receive(Relayed r) {
    if (instance.equals(r.origin())) {
      return;
    }
    LiveSession session = live.apply(r.sessionId());
    if (session == null) {
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

  @Override
  public void close() {
    try {
      subscription.close();
    } catch (Exception e) {
      LOG.debug("closing the relay subscription failed: {}", e.toString());
    }
  }
}
