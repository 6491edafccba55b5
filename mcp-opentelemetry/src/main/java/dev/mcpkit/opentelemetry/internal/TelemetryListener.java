package dev.mcpkit.opentelemetry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.engine.ConnectionInfo;
import dev.mcpkit.core.engine.Direction;
import dev.mcpkit.core.engine.McpEventListener;
import dev.mcpkit.core.jsonrpc.JsonRpcError;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.context.Context;

/**
 * Adds what only the engine knows to the client span ({@code jsonrpc.request.id}: ids are given out
 * after the interceptors ran), and records session durations and open sessions. Every event is then
 * passed on to the host's own listener, so telemetry and, say, an activity log can share the one
 * listener slot of a builder.
 */
public final class TelemetryListener implements McpEventListener {
  private final DoubleHistogram sessionDuration;
  private final LongUpDownCounter sessionsOpen;
  private final boolean client;
  private final McpEventListener next;
  private final NotificationSpans notifications;

  /**
   * @param notifications spans for notifications, or null for none
   */
  public TelemetryListener(Instruments instruments, boolean client, McpEventListener next,
      NotificationSpans notifications) {
    this.client = client;
    this.notifications = notifications;
    this.sessionDuration = client ? instruments.clientSession : instruments.serverSession;
    this.sessionsOpen = client ? instruments.clientSessionsOpen : instruments.serverSessionsOpen;
    this.next = next;
  }

  /** This listener reads no result; whoever it passes events on to may. */
  @Override
  public boolean readsResultTrees() {
    return next.readsResultTrees();
  }

  @Override
  public void requestStarted(RequestInfo request) {
    if (request.direction() == Direction.OUTBOUND && request.id() != null) {
      TelemetryInterceptor.OutboundCall call = Context.current().get(TelemetryInterceptor.CALL);
      if (call != null && call.method().equals(request.method())) {
        call.span().setAttribute(SemConv.REQUEST_ID, String.valueOf(request.id().value()));
      }
    }
    next.requestStarted(request);
  }

  @Override
  public void requestSucceeded(RequestInfo request, JsonNode result, long durationNanos) {
    next.requestSucceeded(request, result, durationNanos);
  }

  @Override
  public void requestFailed(RequestInfo request, JsonRpcError error, long durationNanos) {
    next.requestFailed(request, error, durationNanos);
  }

  @Override
  public void requestCancelled(RequestInfo request, String reason) {
    next.requestCancelled(request, reason);
  }

  @Override
  public void notificationReceived(String method, JsonNode params) {
    next.notificationReceived(method, params);
  }

  @Override
  public void notificationSent(String method, JsonNode params) {
    next.notificationSent(method, params);
  }

  @Override
  public void notificationReceived(String method, JsonNode params,
      dev.mcpkit.core.engine.Attributes connection) {
    if (notifications != null) {
      notifications.received(method, params, connection);
    }
    next.notificationReceived(method, params, connection);
  }

  @Override
  public void notificationSent(String method, JsonNode params,
      dev.mcpkit.core.engine.Attributes connection) {
    if (notifications != null) {
      notifications.sent(method, params, connection);
    }
    next.notificationSent(method, params, connection);
  }

  @Override
  public void messageRejected(JsonRpcError error) {
    next.messageRejected(error);
  }

  @Override
  public void sessionStarted(ConnectionInfo session) {
    sessionsOpen.add(1, attributes(session, false));
    next.sessionStarted(session);
  }

  @Override
  public void sessionEnded(ConnectionInfo session, long durationNanos, String errorType) {
    sessionsOpen.add(-1, attributes(session, false));
    Attributes attributes = attributes(session, true);
    sessionDuration.record(durationNanos / 1e9, errorType == null ? attributes
        : attributes.toBuilder().put(SemConv.ERROR_TYPE, errorType).build());
    next.sessionEnded(session, durationNanos, errorType);
  }

  /**
   * The attributes of a session's metrics. The open-sessions counter leaves the protocol version
   * out: a legacy SSE session starts before {@code initialize} names it, and the counter must be
   * taken back with the attributes it was added with.
   */
  private Attributes attributes(ConnectionInfo info, boolean withVersion) {
    AttributesBuilder b = Attributes.builder();
    if (withVersion && info.protocolVersion() != null) {
      b.put(SemConv.PROTOCOL_VERSION, info.protocolVersion());
    }
    if (info.networkTransport() != null) {
      b.put(SemConv.NETWORK_TRANSPORT, info.networkTransport());
    }
    if (info.networkProtocolName() != null) {
      b.put(SemConv.NETWORK_PROTOCOL_NAME, info.networkProtocolName());
    }
    if (info.networkProtocolVersion() != null) {
      b.put(SemConv.NETWORK_PROTOCOL_VERSION, info.networkProtocolVersion());
    }
    if (client && info.serverAddress() != null) {
      b.put(SemConv.SERVER_ADDRESS, info.serverAddress());
      if (info.serverPort() > 0) {
        b.put(SemConv.SERVER_PORT, (long) info.serverPort());
      }
    }
    return b.build();
  }
}
