package dev.mcpkit.opentelemetry.internal;

import dev.mcpkit.core.engine.ConnectionInfo;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The span name and the attributes a span and its duration share (no ids: metrics keep a low
 * cardinality), made once per method, target and connection kind. A lookup that finds one allocates
 * nothing: shapes are kept by method and target, and each keeps the connection facts it was made
 * for, compared field by field. Thread-safe; bounded (past {@link #MAX} shapes, made up by clients
 * that invent tool names, it starts over).
 */
final class Shapes {
  static final int MAX = 1_024;
  /** Connection kinds kept per method and target (a server speaking two revisions has two). */
  private static final int PER_TARGET = 4;
  private static final String NO_TARGET = "";

  /** One shape, and the connection facts it was made for. */
  record Shape(String spanName, Attributes attributes, String tool, String version,
      String transport, String protocolName, String protocolVersion, String address, int port) {
    boolean fits(ConnectionInfo info, boolean client) {
      if (info == null) {
        return version == null && transport == null && protocolName == null
            && protocolVersion == null && address == null;
      }
      return Objects.equals(version, info.protocolVersion())
          && Objects.equals(transport, info.networkTransport())
          && Objects.equals(protocolName, info.networkProtocolName())
          && Objects.equals(protocolVersion, info.networkProtocolVersion())
          && (!client || Objects.equals(address, info.serverAddress())
              && (address == null || port == info.serverPort()));
    }
  }

  private final boolean client;
  private final ConcurrentHashMap<String, ConcurrentHashMap<String, Shape[]>> byMethod =
      new ConcurrentHashMap<>();
  private final AtomicInteger count = new AtomicInteger();

  /** Shapes of client spans (with {@code server.*}) or of server spans. */
  Shapes(boolean client) {
    this.client = client;
  }

  /** How many shapes are kept. */
  int size() {
    int n = 0;
    for (ConcurrentHashMap<String, Shape[]> byTarget : byMethod.values()) {
      for (Shape[] kept : byTarget.values()) {
        n += kept.length;
      }
    }
    return n;
  }

  /** The shape of a request for {@code method} about {@code target} (a tool or prompt, or null). */
  Shape of(String method, String target, ConnectionInfo info) {
    ConcurrentHashMap<String, Shape[]> byTarget = byMethod.get(method);
    Shape[] known = byTarget == null ? null : byTarget.get(target == null ? NO_TARGET : target);
    if (known != null) {
      for (Shape s : known) {
        if (s.fits(info, client)) {
          return s;
        }
      }
    }
    return make(method, target, info, known);
  }

  private Shape make(String method, String target, ConnectionInfo info, Shape[] known) {
    Shape made = build(method, target, info);
    if (count.incrementAndGet() > MAX) {
      byMethod.clear();
      count.set(1);
      known = null;
    }
    Shape[] kept;
    if (known == null) {
      kept = new Shape[] {made};
    } else {
      int n = Math.min(known.length, PER_TARGET - 1);
      kept = new Shape[n + 1];
      kept[0] = made; // the newest first; the oldest falls off
      System.arraycopy(known, 0, kept, 1, n);
    }
    byMethod.computeIfAbsent(method, m -> new ConcurrentHashMap<>())
        .put(target == null ? NO_TARGET : target, kept);
    return made;
  }

  private Shape build(String method, String target, ConnectionInfo info) {
    boolean tool = target != null && Target.isTool(method);
    AttributesBuilder b = Attributes.builder().put(SemConv.METHOD, method);
    if (tool) {
      b.put(SemConv.TOOL, target).put(SemConv.OPERATION, SemConv.EXECUTE_TOOL);
    } else if (target != null) {
      b.put(SemConv.PROMPT, target);
    }
    String address = null;
    int port = -1;
    if (info != null) {
      putIfSet(b, SemConv.PROTOCOL_VERSION, info.protocolVersion());
      putIfSet(b, SemConv.NETWORK_TRANSPORT, info.networkTransport());
      putIfSet(b, SemConv.NETWORK_PROTOCOL_NAME, info.networkProtocolName());
      putIfSet(b, SemConv.NETWORK_PROTOCOL_VERSION, info.networkProtocolVersion());
      if (client && info.serverAddress() != null) {
        address = info.serverAddress();
        port = info.serverPort();
        b.put(SemConv.SERVER_ADDRESS, address);
        if (port > 0) {
          b.put(SemConv.SERVER_PORT, (long) port);
        }
      }
    }
    String name = target == null ? method : method + " " + target;
    return info == null
        ? new Shape(name, b.build(), tool ? target : null, null, null, null, null, null, -1)
        : new Shape(name, b.build(), tool ? target : null, info.protocolVersion(),
            info.networkTransport(), info.networkProtocolName(), info.networkProtocolVersion(),
            address, port);
  }

  private static void putIfSet(AttributesBuilder b, AttributeKey<String> key, String value) {
    if (value != null) {
      b.put(key, value);
    }
  }
}
