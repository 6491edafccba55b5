package dev.mcpkit.core.engine;

/**
 * What a connection can tell an observer about itself: its session, the protocol version it speaks
 * and the network under it. Client and server put one on each connection's (or request's)
 * {@link Attributes} under {@link #KEY}, so interceptors and listeners (metrics, tracing) can read it
 * without knowing the transport. Values may change over the connection's life (a session id and a
 * version appear once {@code initialize} completes), so read them when needed rather than once.
 *
 * <p>Implementations are thread-safe and cheap to call; every method may answer null (or -1) when the
 * fact does not apply.
 */
public interface ConnectionInfo {
  /** Where the connection's (or request's) attributes hold it. */
  Attributes.Key<ConnectionInfo> KEY = Attributes.Key.of("mcp.connection", ConnectionInfo.class);

  /** The session id, or null (2026-07-28 requests, stdio, before {@code initialize}). */
  default String sessionId() {
    return null;
  }

  /** The MCP protocol version in use, or null before it is known. */
  default String protocolVersion() {
    return null;
  }

  /** {@code tcp} for HTTP, {@code pipe} for stdio, or null when unknown. */
  default String networkTransport() {
    return null;
  }

  /** The application protocol under MCP in lower case ({@code http}), or null (stdio). */
  default String networkProtocolName() {
    return null;
  }

  /** The version of {@link #networkProtocolName()} ({@code 1.1}, {@code 2}), or null. */
  default String networkProtocolVersion() {
    return null;
  }

  /** The server's host name or address as the client dialled it (client side only), or null. */
  default String serverAddress() {
    return null;
  }

  /** The server's port (client side, when {@link #serverAddress()} is set), or -1. */
  default int serverPort() {
    return -1;
  }
}
