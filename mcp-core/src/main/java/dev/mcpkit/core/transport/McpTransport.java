package dev.mcpkit.core.transport;

import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import java.io.Closeable;
import java.io.IOException;

/**
 * The smallest thing a client or server transport must do: connect, then read and write whole
 * JSON-RPC messages, then close.
 *
 * <p>Threading contract: {@link #start} is called once, before any {@link #send}. {@link #send} may be
 * called from many threads at once; the transport serialises writes and never interleaves two messages.
 * The listener is called from the transport's own reading thread(s), one message at a time per stream
 * and in arrival order; it must not block for long (the engine hands requests to its executor).
 * {@link #close} is idempotent, may be called from any thread, and ends with exactly one
 * {@link Listener#onClose} call.
 */
public interface McpTransport extends Closeable {
  /** Connects and starts delivering incoming messages to {@code listener}. */
  void start(Listener listener) throws IOException;

  /** Writes one whole message. */
  void send(JsonRpcMessage message) throws IOException;

  /** Closes the connection; pending reads end and {@link Listener#onClose} is called. */
  @Override
  void close();

  /** Receives what the transport reads. */
  interface Listener {
    void onMessage(JsonRpcMessage message);

    /**
     * Something arrived that is not a message (malformed JSON, wrong content) or a stream failed
     * without closing the transport. Default: ignored.
     */
    default void onError(Throwable error) {}

    /** The transport closed; {@code cause} is null for an orderly close. */
    void onClose(Throwable cause);
  }
}
