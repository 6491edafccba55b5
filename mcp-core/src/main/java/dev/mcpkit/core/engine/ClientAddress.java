package dev.mcpkit.core.engine;

import java.util.Objects;

/**
 * Where a request came from, as the server's socket sees it: the address and port of the TCP peer
 * (a proxy's, behind one; forwarding headers are not read, since any client can send them). An HTTP
 * server puts one on each request's {@link Attributes} under {@link #KEY} when an interceptor or a
 * listener is installed, for observers such as tracing ({@code client.address},
 * {@code client.port}); stdio requests have none.
 *
 * @param address the peer's IP address, as text
 * @param port the peer's port, or -1 when unknown
 */
public record ClientAddress(String address, int port) {
  /** Where a request's attributes hold it. */
  public static final Attributes.Key<ClientAddress> KEY =
      Attributes.Key.of("mcp.client.address", ClientAddress.class);

  public ClientAddress {
    Objects.requireNonNull(address, "address");
  }
}
