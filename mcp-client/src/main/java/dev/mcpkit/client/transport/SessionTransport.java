package dev.mcpkit.client.transport;

import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.transport.McpTransport;
import java.util.Map;
import java.util.function.Function;

/**
 * What an HTTP-like transport tells the client and takes from it, beyond moving messages. A
 * {@link McpTransport} that implements it gets what the built-in Streamable HTTP transport gets:
 * the negotiated version to send, per-message header hints (2026-07-28 {@code Mcp-Method}, {@code
 * Mcp-Name}, {@code Mcp-Param-*}), the server-to-client stream opened after {@code initialize},
 * and a new session after the server forgot the old one (the transport reports that by failing a
 * send with an {@link HttpStatusException} whose {@link HttpStatusException#sessionExpired()} is
 * true). The transport needs to know nothing of protocol versions: the client decides.
 *
 * <p>The client calls these methods from any thread; implementations make them thread-safe. None
 * of them may block on the network except {@link #openEventStream()}, which may start a thread.
 */
public interface SessionTransport extends McpTransport {
  /**
   * The version negotiated (or being tried), to send as {@code MCP-Protocol-Version} on every
   * later message; null when negotiation starts over.
   */
  void protocolVersion(String version);

  /** The session id the server assigned, or null (none yet, or the protocol has no sessions). */
  String sessionId();

  /** Forgets the session; the client re-initializes next. */
  void clearSession();

  /**
   * Installs the function that gives the extra headers for each outgoing message (already
   * encoded; empty when there are none). The transport adds them to the message's HTTP request.
   */
  void headerHints(Function<JsonRpcMessage, Map<String, String>> hints);

  /**
   * Opens the stream on which a session server sends what belongs to no request, and keeps it
   * open (resuming with {@code Last-Event-ID}) until the transport closes. Does nothing by default.
   */
  default void openEventStream() {}

  /** The URL this transport talks to, for telemetry and messages; null when it has none. */
  default String url() {
    return null;
  }
}
