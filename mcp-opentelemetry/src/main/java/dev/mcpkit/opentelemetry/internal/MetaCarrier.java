package dev.mcpkit.opentelemetry.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.propagation.TextMapGetter;
import io.opentelemetry.context.propagation.TextMapSetter;
import java.util.List;

/**
 * Reads and writes trace context in a request's {@code params._meta} (the keys {@code traceparent},
 * {@code tracestate} and {@code baggage}, reserved for this by the 2026-07-28 revision and used by the
 * same names on earlier ones). Reading is bounded: only string values, and none longer than the W3C
 * limits allow, are handed to the propagators; anything else reads as absent.
 */
public final class MetaCarrier implements TextMapGetter<JsonNode>, TextMapSetter<ObjectNode> {
  public static final MetaCarrier INSTANCE = new MetaCarrier();
  /** {@code traceparent} is 55 characters in version 00; later versions may append fields. */
  static final int MAX_TRACEPARENT = 512;
  /** W3C Trace Context: at most 32 list members of at most 256 characters each. */
  static final int MAX_TRACESTATE = 8_192 + 32;
  /** W3C Baggage: at most 8192 bytes in all. */
  static final int MAX_BAGGAGE = 8_192;

  private static final List<String> KEYS = List.of("traceparent", "tracestate", "baggage");

  private MetaCarrier() {}

  /**
   * The trace context and baggage in {@code meta}, on an empty context. Each propagator runs only
   * when its key is there: most requests carry neither, and the baggage propagator allocates even
   * when it finds nothing.
   */
  static Context extract(JsonNode meta) {
    Context context = Context.root();
    if (meta.get("traceparent") != null) {
      context = W3CTraceContextPropagator.getInstance().extract(context, meta, INSTANCE);
    }
    if (meta.get("baggage") != null) {
      context = W3CBaggagePropagator.getInstance().extract(context, meta, INSTANCE);
    }
    return context;
  }

  @Override
  public Iterable<String> keys(JsonNode meta) {
    return KEYS;
  }

  @Override
  public String get(JsonNode meta, String key) {
    if (meta == null) {
      return null;
    }
    JsonNode v = meta.get(key);
    if (v == null || !v.isTextual()) {
      return null;
    }
    String s = v.textValue();
    int max = switch (key) {
      case "traceparent" -> MAX_TRACEPARENT;
      case "tracestate" -> MAX_TRACESTATE;
      case "baggage" -> MAX_BAGGAGE;
      default -> 0;
    };
    return s.length() <= max ? s : null;
  }

  @Override
  public void set(ObjectNode meta, String key, String value) {
    if (meta != null && value != null) {
      meta.put(key, value);
    }
  }
}
