package dev.mcpkit.server.internal.http;

import dev.mcpkit.core.jsonrpc.JsonRpcCodec;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.jsonrpc.JsonRpcNotification;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Bytes shared by every stream a broadcast reaches, so that telling 10,000 streams about a change
 * encodes it once: a notification without params is encoded once per method, and the SSE lines
 * around the same data are built once for a run of sends (a broadcast sends the same array to each
 * stream in turn). Shared arrays are never written to. Thread-safe.
 */
final class SharedFrames {
  /** Methods remembered; the server's own notification methods are far fewer. */
  private static final int MAX_METHODS = 64;
  /** The largest data whose event lines are remembered for the next send. */
  private static final int MAX_REMEMBERED = 16 * 1024;
  private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EVENT = "event: ".getBytes(StandardCharsets.US_ASCII);
  private static final ConcurrentHashMap<String, byte[]> PARAMLESS = new ConcurrentHashMap<>();
  private static volatile Body last = new Body(null, new byte[0], new byte[0]);

  private SharedFrames() {}

  /** {@code message} as JSON; the same array for every paramless notification of a method. */
  static byte[] encode(JsonRpcMessage message) {
    if (message instanceof JsonRpcNotification n && n.params() == null) {
      byte[] known = PARAMLESS.get(n.method());
      if (known != null) {
        return known;
      }
      byte[] encoded = JsonRpcCodec.instance().encode(message);
      if (PARAMLESS.size() < MAX_METHODS) {
        PARAMLESS.putIfAbsent(n.method(), encoded);
      }
      return encoded;
    }
    return JsonRpcCodec.instance().encode(message);
  }

  /**
   * The {@code event:} and {@code data:} lines of an event and the blank line that ends it; the
   * same array as the previous call when {@code data} is the same array (of at most 16 KB) and the
   * event type equal.
   */
  static byte[] body(String event, byte[] data) {
    Body b = last;
    if (b.data == data && java.util.Objects.equals(b.event, event)) {
      return b.frame;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 24);
    if (event != null) {
      out.writeBytes(EVENT);
      out.writeBytes(event.getBytes(StandardCharsets.UTF_8));
      out.write('\n');
    }
    out.writeBytes(DATA);
    out.writeBytes(data);
    out.write('\n');
    out.write('\n');
    byte[] frame = out.toByteArray();
    if (data.length <= MAX_REMEMBERED) {
      last = new Body(event, data, frame); // a large answer is not kept alive after it is sent
    }
    return frame;
  }

  private record Body(String event, byte[] data, byte[] frame) {}
}
