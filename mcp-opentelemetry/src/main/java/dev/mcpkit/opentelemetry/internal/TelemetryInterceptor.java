package dev.mcpkit.opentelemetry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.mcpkit.core.McpProtocolException;
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

  @Override
  public JsonNode intercept(Chain chain) throws Exception {
    return chain.direction() == Direction.OUTBOUND ? outbound(chain) : inbound(chain);
  }

  private JsonNode outbound(Chain chain) throws Exception {
    String method = chain.method();
    JsonNode params = chain.params();
    ConnectionInfo info = chain.attributes() == null ? null
        : chain.attributes().get(ConnectionInfo.KEY);
    Target target = Target.of(method, params);
    Shape shape = shape(method, target, info, true);
    Attributes common = shape.attributes();
    SpanBuilder builder = tracer.spanBuilder(shape.spanName()).setSpanKind(SpanKind.CLIENT)
        .setAllAttributes(common);
    describe(builder, target, info, params);
    Span span = builder.startSpan();
    Context context = Context.current().with(span).with(CALL, new OutboundCall(span, method));
    JsonNode sent = span.getSpanContext().isValid() ? inject(context, params) : params;
    return run(chain, sent, span, context, common, instruments.clientOperation, target);
  }

  private JsonNode inbound(Chain chain) throws Exception {
    String method = chain.method();
    JsonNode params = chain.params();
    ConnectionInfo info = chain.attributes() == null ? null
        : chain.attributes().get(ConnectionInfo.KEY);
    Target target = Target.of(method, params);
    Shape shape = shape(method, target, info, false);
    Attributes common = shape.attributes();
    Context ambient = Context.current();
    Context parent = ambient;
    JsonNode meta = params == null ? null : params.get("_meta");
    if (meta instanceof ObjectNode) {
      Context extracted = propagator.extract(Context.root(), meta, MetaCarrier.INSTANCE);
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
    if (chain.context() != null && chain.context().id() != null) {
      builder.setAttribute(SemConv.REQUEST_ID, String.valueOf(chain.context().id().value()));
    }
    describe(builder, target, info, params);
    Span span = builder.startSpan();
    return run(chain, params, span, parent.with(span), common, instruments.serverOperation, target);
  }

  private JsonNode run(Chain chain, JsonNode params, Span span, Context context, Attributes common,
      DoubleHistogram histogram, Target target) throws Exception {
    long start = System.nanoTime();
    String error = null;
    String status = null;
    try (Scope ignored = context.makeCurrent()) {
      JsonNode result = chain.proceed(params);
      if (target.tool() != null && isError(result)) {
        error = SemConv.TOOL_ERROR;
        span.setStatus(StatusCode.ERROR);
      } else if (payloads && target.tool() != null && result != null) {
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

  /** A span's name and the attributes its span and metric share. */
  private record Shape(String spanName, Attributes attributes) {}

  /** What {@link #shape} depends on; the shape it gives is made once per distinct key. */
  private record CommonKey(String method, String tool, String prompt, String version,
      String transport, String protocolName, String protocolVersion, String address, int port) {}

  /** Bounded: past this many distinct keys (tool names a client made up) it starts over. */
  private static final int MAX_COMMON = 1_024;
  private final java.util.concurrent.ConcurrentHashMap<CommonKey, Shape> shapes =
      new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The span name, and the attributes span and metric share (no ids: metrics keep a low
   * cardinality).
   */
  private Shape shape(String method, Target target, ConnectionInfo info, boolean client) {
    CommonKey key = info == null
        ? new CommonKey(method, target.tool(), target.prompt(), null, null, null, null, null, -1)
        : new CommonKey(method, target.tool(), target.prompt(), info.protocolVersion(),
            info.networkTransport(), info.networkProtocolName(), info.networkProtocolVersion(),
            client ? info.serverAddress() : null, client ? info.serverPort() : -1);
    Shape known = shapes.get(key);
    if (known != null) {
      return known;
    }
    Shape made = new Shape(target.spanName(method), build(method, target, info, client));
    if (shapes.size() >= MAX_COMMON) {
      shapes.clear();
    }
    shapes.put(key, made);
    return made;
  }

  private static Attributes build(String method, Target target, ConnectionInfo info,
      boolean client) {
    AttributesBuilder b = Attributes.builder().put(SemConv.METHOD, method);
    if (target.tool() != null) {
      b.put(SemConv.TOOL, target.tool()).put(SemConv.OPERATION, SemConv.EXECUTE_TOOL);
    } else if (target.prompt() != null) {
      b.put(SemConv.PROMPT, target.prompt());
    }
    if (info != null) {
      putIfSet(b, SemConv.PROTOCOL_VERSION, info.protocolVersion());
      putIfSet(b, SemConv.NETWORK_TRANSPORT, info.networkTransport());
      putIfSet(b, SemConv.NETWORK_PROTOCOL_NAME, info.networkProtocolName());
      putIfSet(b, SemConv.NETWORK_PROTOCOL_VERSION, info.networkProtocolVersion());
      if (client && info.serverAddress() != null) {
        b.put(SemConv.SERVER_ADDRESS, info.serverAddress());
        if (info.serverPort() > 0) {
          b.put(SemConv.SERVER_PORT, (long) info.serverPort());
        }
      }
    }
    return b.build();
  }

  /** What only the span carries: session, resource, and (opted in) the redacted arguments. */
  private void describe(SpanBuilder builder, Target target, ConnectionInfo info, JsonNode params) {
    if (info != null && info.sessionId() != null) {
      builder.setAttribute(SemConv.SESSION_ID, sessions.attribute(info.sessionId()));
    }
    if (target.resourceUri() != null) {
      builder.setAttribute(SemConv.RESOURCE_URI, target.resourceUri());
    }
    if (payloads && target.tool() != null && params != null && params.get("arguments") != null) {
      builder.setAttribute(SemConv.TOOL_ARGUMENTS,
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

  private static void putIfSet(AttributesBuilder b,
      io.opentelemetry.api.common.AttributeKey<String> key, String value) {
    if (value != null) {
      b.put(key, value);
    }
  }
}
