package dev.mcpkit.opentelemetry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.engine.Attributes;
import dev.mcpkit.core.engine.ConnectionInfo;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;

/**
 * A span for each notification, as the conventions define them: {@code CLIENT} for one this side
 * sent, {@code SERVER} for one it received, named by the method alone, with the connection's
 * attributes and no request id. A notification has no answer, so its span is as long as the
 * listener call (the write is done when the engine reports it). A sent one's parent is whatever is
 * current (a tool handler's progress and log messages are children of its {@code tools/call} span); a
 * received one's is the context in its {@code params._meta} when a peer put one there, else whatever
 * is current. No metric is recorded: the operation durations are for requests, which have an answer
 * to wait for. Thread-safe.
 */
public final class NotificationSpans {
  private final Tracer tracer;
  private final SessionIds sessions;
  private final Shapes shapes;

  /** Spans for the notifications of a client ({@code server.*} attributes) or of a server. */
  public NotificationSpans(Tracer tracer, SessionIds sessions, boolean client) {
    this.tracer = tracer;
    this.sessions = sessions;
    this.shapes = new Shapes(client);
  }

  void sent(String method, JsonNode params, Attributes connection) {
    span(method, params, connection, SpanKind.CLIENT, Context.current());
  }

  void received(String method, JsonNode params, Attributes connection) {
    Context parent = Context.current();
    JsonNode meta = params == null ? null : params.get("_meta");
    if (meta instanceof ObjectNode) {
      Context extracted = MetaCarrier.extract(meta);
      if (Span.fromContext(extracted).getSpanContext().isValid()) {
        parent = extracted;
      }
    }
    span(method, params, connection, SpanKind.SERVER, parent);
  }

  private void span(String method, JsonNode params, Attributes connection, SpanKind kind,
      Context parent) {
    ConnectionInfo info = connection == null ? null : connection.get(ConnectionInfo.KEY);
    Shapes.Shape shape = shapes.of(method, null, info);
    SpanBuilder builder = tracer.spanBuilder(shape.spanName()).setSpanKind(kind).setParent(parent)
        .setAllAttributes(shape.attributes());
    Span span = builder.startSpan();
    if (span.isRecording()) {
      if (info != null && info.sessionId() != null) {
        span.setAttribute(SemConv.SESSION_ID, sessions.attribute(info.sessionId()));
      }
      String uri = Target.resourceUri(method, params);
      if (uri != null) {
        span.setAttribute(SemConv.RESOURCE_URI, uri);
      }
    }
    span.end();
  }
}
