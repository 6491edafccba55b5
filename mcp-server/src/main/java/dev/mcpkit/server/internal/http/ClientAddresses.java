package dev.mcpkit.server.internal.http;

import dev.mcpkit.core.engine.Attributes;
import dev.mcpkit.core.engine.ClientAddress;
import dev.mcpkit.core.engine.McpEventListener;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.internal.ServerAccess;
import dev.mcpkit.server.internal.protocol.ServerCore;

/** Puts the HTTP client's address on a request's attributes, where an observer may read it. */
final class ClientAddresses {
  private ClientAddresses() {}

  /** {@code attributes}, with the {@link ClientAddress} of {@code call} when anyone observes. */
  static Attributes attach(Attributes attributes, HttpCall call, McpEndpoint endpoint) {
    ServerCore core = ServerAccess.core(endpoint.server());
    if (core.config().interceptors().isEmpty()
        && core.config().listener() == McpEventListener.NONE) {
      return attributes; // nobody would read it
    }
    String address = call.clientAddress();
    if (address != null) {
      attributes.put(ClientAddress.KEY, new ClientAddress(address, call.clientPort()));
    }
    return attributes;
  }
}
