package dev.mcpkit.server.internal.http;

import dev.mcpkit.core.auth.McpPrincipal;
import dev.mcpkit.core.engine.internal.Threads;
import dev.mcpkit.core.jsonrpc.Decoded;
import dev.mcpkit.core.jsonrpc.ErrorCodes;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpOptions;
import dev.mcpkit.server.internal.session.ClusterDelivery;
import dev.mcpkit.server.spi.SessionRecord;
import dev.mcpkit.server.spi.SessionStore;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Legacy HTTP+SSE sessions (2024-11-05 transport) across instances, when a relay is configured: the
 * instance holding a session's stream keeps a record of it in the session store (endpoint {@code
 * legacy-sse:} and the endpoint id, so the session protocol never serves it), touched while the
 * stream is open and removed when it closes. A message POSTed to another instance is checked
 * against that record (endpoint and subject, as on the holding instance), taken with 202 and
 * relayed; the holding instance hands it to the session's engine, and answers go on its stream.
 */
final class LegacyShare {
  private static final Logger LOG = LoggerFactory.getLogger(LegacyShare.class);
  static final String ENDPOINT_PREFIX = "legacy-sse:";

  private final McpHttpOptions options;
  private final SessionStore store;
  private final ClusterDelivery delivery;
  private final Clock clock;
  private final Set<String> open = ConcurrentHashMap.newKeySet();
  private final ScheduledFuture<?> toucher;

  /**
   * @param local hands a relayed message to the session this instance holds (legacy id, message)
   */
  LegacyShare(McpHttpOptions options, ClusterDelivery delivery,
      BiConsumer<String, JsonRpcMessage> local) {
    this.options = options;
    this.store = options.sessionStore();
    this.delivery = delivery;
    this.clock = options.clock();
    delivery.onLegacyMessage(local);
    long every = Math.max(1, Math.min(options.sessionIdleTimeout().toMillis() / 20, 60_000));
    this.toucher = active() ? Threads.timer().scheduleWithFixedDelay(this::touch, every, every,
        TimeUnit.MILLISECONDS) : null;
  }

  /** Whether sessions are shared: a relay to other instances was configured. */
  boolean active() {
    return options.messageRelay() != null;
  }

  /** A stream opened here: other instances may take its messages from now on. */
  void opened(String id, McpEndpoint endpoint, McpPrincipal principal) {
    if (!active()) {
      return;
    }
    try {
      store.save(new SessionRecord(id, ENDPOINT_PREFIX + endpoint.id(), principal.subject(),
          "2024-11-05", null, "{}", null, null, clock.millis()));
      open.add(id);
    } catch (RuntimeException e) {
      // neither the id (a capability) nor the store's message (a database may quote the row)
      LOG.warn("a legacy session could not be stored; only this instance takes its messages ({})",
          e.getClass().getName());
    }
  }

  /** The stream closed: the session ends on every instance. */
  void closed(String id) {
    if (open.remove(id)) {
      try {
        store.remove(id);
      } catch (RuntimeException e) {
        LOG.warn("a legacy session's record could not be removed ({})", e.getClass().getName());
      }
    }
  }

  /**
   * A POST for a session this instance does not hold: relayed (202) when the store knows it for
   * this endpoint and principal; false (nothing answered) when it does not.
   */
  boolean relay(HttpCall call, String id, McpEndpoint endpoint, McpPrincipal principal) {
    if (!active()) {
      return false;
    }
    SessionRecord record;
    try {
      record = store.find(id);
    } catch (RuntimeException e) {
      unavailable(call, "the session store", e);
      return true;
    }
    if (record == null || !record.endpoint().equals(ENDPOINT_PREFIX + endpoint.id())
        || !record.subject().equals(principal.subject())) {
      return false;
    }
    byte[] body = McpHttpHandler.readBody(call, options);
    if (body == null) {
      return true;
    }
    Decoded decoded = McpHttpHandler.decode(call, body, false);
    if (decoded == null) {
      return true;
    }
    if (!delivery.toLegacySession(id, decoded.messages().get(0))) {
      unavailable(call, "the message relay", null);
      return true;
    }
    HttpResponses.empty(call, 202);
    return true;
  }

  /**
   * 503 with Retry-After when the store or the relay fails: nothing was taken, the client may
   * send the message again. Logged by the failure's class only (the relay logs its own failures) (a database's message may quote
   * the session id, which is the message URL's capability).
   */
  private static void unavailable(HttpCall call, String what, RuntimeException e) {
    if (e != null) {
      LOG.warn("{} failed while relaying a legacy message ({})", what, e.getClass().getName());
    }
    call.setHeader("Retry-After", "1");
    HttpResponses.error(call, 503, null, ErrorCodes.INTERNAL_ERROR, "Service unavailable: "
        + what + " failed; send the message again later");
  }

  private void touch() {
    long now = clock.millis();
    for (String id : open) {
      try {
        store.touch(id, now);
      } catch (RuntimeException e) {
        LOG.warn("a legacy session's record could not be touched ({})", e.getClass().getName());
      }
    }
  }

  void close() {
    if (toucher != null) {
      toucher.cancel(false);
    }
    open.forEach(this::closed);
  }
}
