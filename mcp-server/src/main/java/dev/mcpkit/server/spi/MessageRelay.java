package dev.mcpkit.server.spi;

import dev.mcpkit.server.internal.session.InMemoryMessageRelay;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Carries messages between the instances of one server, so that what one instance must send on a
 * stream another instance holds reaches it: a {@code list_changed} or resource update for a client
 * whose GET stream is elsewhere, and what a client POSTs to one instance for a request or handler
 * that runs on another (its answer to an elicitation or sampling request, {@code
 * notifications/cancelled}).
 *
 * <p>Every message goes to every subscriber, the publishing instance's own included; a receiver
 * acts only on sessions it holds and ignores what it published itself.
 *
 * <p>Guarantees an implementation gives: every method is thread-safe; messages one publisher sends
 * reach each subscriber in the order they were published; delivery is at most once (a message
 * sent while a subscriber is disconnected may be lost; nothing is delivered twice). Receivers are
 * called on the relay's own thread, one message at a time, and must not block for long.
 *
 * <p>Failure: {@link #publish} throws when the message cannot be handed on (the caller logs it
 * and goes on, as when a client's stream broke); an exception from a receiver is logged and the
 * next message is delivered.
 */
public interface MessageRelay {
  /** Hands {@code message} to every subscriber of this relay, on any instance. */
  void publish(Relayed message);

  /** Starts handing every published message to {@code receiver}; close the handle to stop. */
  AutoCloseable subscribe(Consumer<Relayed> receiver);

  /** Delivers between the subscribers of this one object: instances in one JVM. */
  static MessageRelay inMemory() {
    return new InMemoryMessageRelay();
  }

  /**
   * One relayed message.
   *
   * @param origin the publishing instance (a random id of each server)
   * @param sessionId the session it belongs to
   * @param toClient true for a message to the client (sent on the GET stream of the instance that
   *     holds it), false for a message from the client (handed to the session's engine there)
   * @param json the JSON-RPC message, as JSON text
   */
  record Relayed(String origin, String sessionId, boolean toClient, String json) {
    public Relayed {
      Objects.requireNonNull(origin, "origin");
      Objects.requireNonNull(sessionId, "sessionId");
      Objects.requireNonNull(json, "json");
    }
  }
}
