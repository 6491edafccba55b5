package dev.mcpkit.opentelemetry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.engine.ClientAddress;
import dev.mcpkit.core.engine.ConnectionInfo;
import dev.mcpkit.core.engine.Direction;
import dev.mcpkit.core.engine.McpInterceptor;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.json.SecretRedactor;
import dev.mcpkit.core.jsonrpc.ErrorCodes;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.ContextKey;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;

/**
 * Client spans around requests this side sends, server spans around requests it answers, and the
 * operation-duration histograms for both; trace context goes out in {@code params._meta} and comes in
 * from it. The server span's parent is the context in {@code _meta} when it holds a valid one (the
 * ambient context, e.g. an HTTP server span, is then linked), else the ambient context. Nothing read
 * from {@code _meta} is used for anything but this parent and the baggage of the handler's context.
 */
public final class TelemetryInterceptor implements McpInterceptor {
  /** The client call in progress on this thread, for the listener to add the request id to. */
  static final ContextKey<OutboundCall> CALL = ContextKey.named("mcpkit-outbound-call");

  /** A client span and the method it is for. */
  record OutboundCall(Span span, String method) {}

  private final Tracer tracer;
  private final Instruments instruments;
  private final TextMapPropagator propagator;
  private final SessionIds sessions;
  private final boolean payloads;
  private final Shapes clientShapes = new Shapes(true);
  private final Shapes serverShapes = new Shapes(false);

  public TelemetryInterceptor(Tracer tracer, Instruments instruments, TextMapPropagator propagator,
      SessionIds sessions, boolean payloads) {
    this.tracer = tracer;
    this.instruments = instruments;
    this.propagator = propagator;
    this.sessions = sessions;
    this.payloads = payloads;
  }

  /**
   * Only to record a result ({@code captureToolPayloads}); otherwise it reads {@code isError} alone,
   * from the record when the server passes one, so the server need not build a tree per call.
   */
  @Override
  public boolean readsResultTrees() {
    return payloads;
  }

  /**
   * An async call's span is a child of the caller's context, not of whatever the worker thread has
   * current (with nothing current at the call, its span starts a trace of its own).
   */
  @Override
  public Runnable carryAcrossThreads(Runnable task) {
    return Context.current().wrap(task);
  }

  @Override
  public JsonNode intercept(Chain chain) throws Exception {
    return chain.direction() == Direction.OUTBOUND ? outbound(chain) : inbound(chain);
  }

  private JsonNode outbound(Chain chain) throws Exception {
    String method = chain.method();
    JsonNode params = chain.params();
    ConnectionInfo info = chain.attributes() == null ? null
        : chain.attributes().get(ConnectionInfo.KEY);
    Shapes.Shape shape = clientShapes.of(method, Target.name(method, params), info);
    Attributes common = shape.attributes();
    SpanBuilder builder = tracer.spanBuilder(shape.spanName()).setSpanKind(SpanKind.CLIENT)
        .setAllAttributes(common);
    Span span = builder.startSpan();
    describe(span, method, shape, info, params);
    Context context = Context.current().with(span).with(CALL, new OutboundCall(span, method));
    JsonNode sent = span.getSpanContext().isValid() ? inject(context, params) : params;
    return run(chain, sent, span, context, common, instruments.clientOperation, shape);
  }

  private JsonNode inbound(Chain chain) throws Exception {
    String method = chain.method();
    JsonNode params = chain.params();
    ConnectionInfo info = chain.attributes() == null ? null
        : chain.attributes().get(ConnectionInfo.KEY);
    Shapes.Shape shape = serverShapes.of(method, Target.name(method, params), info);
    Attributes common = shape.attributes();
    Context ambient = Context.current();
    Context parent = ambient;
    JsonNode meta = params == null ? null : params.get("_meta");
    if (meta instanceof ObjectNode) {
      Context extracted = MetaCarrier.extract(meta);
      if (Span.fromContext(extracted).getSpanContext().isValid()) {
        parent = extracted;
      }
    }
    SpanBuilder builder = tracer.spanBuilder(shape.spanName()).setSpanKind(SpanKind.SERVER)
        .setParent(parent).setAllAttributes(common);
    SpanContext ambientSpan = Span.fromContext(ambient).getSpanContext();
    if (parent != ambient && ambientSpan.isValid()) {
      builder.addLink(ambientSpan);
    }
    ClientAddress peer = chain.attributes() == null ? null
        : chain.attributes().get(ClientAddress.KEY);
    if (peer != null) { // on the builder: HTTP's conventions let samplers read these
      builder.setAttribute(SemConv.CLIENT_ADDRESS, peer.address());
      if (peer.port() > 0) {
        builder.setAttribute(SemConv.CLIENT_PORT, (long) peer.port());
      }
    }
    Span span = builder.startSpan();
    if (span.isRecording() && chain.context() != null && chain.context().id() != null) {
      span.setAttribute(SemConv.REQUEST_ID, String.valueOf(chain.context().id().value()));
    }
    describe(span, method, shape, info, params);
    return run(chain, params, span, parent.with(span), common, instruments.serverOperation,
        shape);
  }

  private JsonNode run(Chain chain, JsonNode params, Span span, Context context, Attributes common,
      DoubleHistogram histogram, Shapes.Shape shape) throws Exception {
    long start = System.nanoTime();
    String error = null;
    String status = null;
    try (Scope ignored = context.makeCurrent()) {
      JsonNode result = chain.proceed(params);
      if (shape.tool() != null && isError(result)) {
        error = SemConv.TOOL_ERROR;
        span.setStatus(StatusCode.ERROR);
      } else if (payloads && shape.tool() != null && result != null) {
        span.setAttribute(SemConv.TOOL_RESULT, McpJson.write(SecretRedactor.redact(result)));
      }
      return result;
    } catch (McpProtocolException e) {
      error = status = Integer.toString(e.code());
      span.setStatus(StatusCode.ERROR, SecretRedactor.redactText(e.error().message()));
      throw e;
    } catch (Exception | Error e) {
      if (chain.direction() == Direction.INBOUND) {
        // the engine answers every other failure with -32603 (and logs the exception)
        error = status = Integer.toString(ErrorCodes.INTERNAL_ERROR);
      } else {
        error = e.getClass().getCanonicalName();
      }
      span.setStatus(StatusCode.ERROR);
      throw e;
    } finally {
      double seconds = (System.nanoTime() - start) / 1e9;
      if (error == null) {
        histogram.record(seconds, common, context);
      } else {
        span.setAttribute(SemConv.ERROR_TYPE, error);
        AttributesBuilder failed = common.toBuilder().put(SemConv.ERROR_TYPE, error);
        if (status != null) {
          span.setAttribute(SemConv.STATUS_CODE, status);
          failed.put(SemConv.STATUS_CODE, status);
        }
        histogram.record(seconds, failed.build(), context);
      }
      span.end();
    }
  }

  /** Whether a tool result is an {@code isError} one, whether a tree or the server's record. */
  static boolean isError(JsonNode result) {
    if (result instanceof POJONode pojo) {
      return pojo.getPojo() instanceof CallToolResult record && record.failed();
    }
    return result != null && result.path("isError").asBoolean(false);
  }

  /**
   * What only the span carries: session, resource, and (opted in) the redacted arguments. Set after
   * the span started, and only on a recorded one: no sampler reads them, and a span the sampler
   * dropped costs none of this work.
   */
  private void describe(Span span, String method, Shapes.Shape shape, ConnectionInfo info,
      JsonNode params) {
    if (!span.isRecording()) {
      return;
    }
    if (info != null && info.sessionId() != null) {
      span.setAttribute(SemConv.SESSION_ID, sessions.attribute(info.sessionId()));
    }
    String uri = Target.resourceUri(method, params);
    if (uri != null) {
      span.setAttribute(SemConv.RESOURCE_URI, uri);
    }
    if (payloads && shape.tool() != null && params != null && params.get("arguments") != null) {
      span.setAttribute(SemConv.TOOL_ARGUMENTS,
          McpJson.write(SecretRedactor.redact(params.get("arguments"))));
    }
  }

  /** A copy of {@code params} whose {@code _meta} carries {@code context}; the caller's is untouched. */
  private JsonNode inject(Context context, JsonNode params) {
    if (params != null && !(params instanceof ObjectNode)) {
      return params;
    }
    ObjectNode copy = McpJson.object();
    if (params != null) {
      copy.setAll((ObjectNode) params);
    }
    ObjectNode meta = McpJson.object();
    if (copy.get("_meta") instanceof ObjectNode m) {
      meta.setAll(m);
    }
    propagator.inject(context, meta, MetaCarrier.INSTANCE);
    copy.set("_meta", meta);
    return copy;
  }
}
