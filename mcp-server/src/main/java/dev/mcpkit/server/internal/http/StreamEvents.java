package dev.mcpkit.server.internal.http;

/**
 * What a server that writes a response asynchronously tells the response's owner: the client can
 * take more bytes, or it went away. Called on the server's threads; implementations must not block.
 */
public interface StreamEvents {
  /** The connection can take more bytes now. */
  void writable();

  /** The client went away, or the server gave up on it; the response is over. */
  void gone();
}
