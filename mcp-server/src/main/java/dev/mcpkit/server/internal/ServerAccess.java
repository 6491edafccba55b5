package dev.mcpkit.server.internal;

import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.internal.protocol.ServerCore;

/**
 * How the transports reach a server's implementation without it being API: {@link McpServer}
 * installs the one instance when its class initialises.
 */
public abstract class ServerAccess {
  private static volatile ServerAccess instance;

  protected ServerAccess() {}

  public static void install(ServerAccess access) {
    instance = access;
  }

  /** The implementation behind {@code server}. */
  public static ServerCore core(McpServer server) {
    return instance.coreOf(server);
  }

  /** An endpoint's capability token, or null (for the explorer page, which masks it). */
  public static String token(dev.mcpkit.server.McpEndpoint endpoint) {
    return instance.tokenOf(endpoint);
  }

  /** Whether a browser's GET on {@code endpoint} gets the explorer page. */
  public static boolean servesExplorerPage(dev.mcpkit.server.McpEndpoint endpoint,
      boolean byDefault) {
    return instance.explorerPageOf(endpoint, byDefault);
  }

  /** How the explorer page of {@code endpoint} tells clients to send a credential. */
  public static dev.mcpkit.server.explorer.AuthHint explorerCredential(
      dev.mcpkit.server.McpEndpoint endpoint) {
    return instance.explorerCredentialOf(endpoint);
  }

  protected abstract ServerCore coreOf(McpServer server);

  protected abstract boolean explorerPageOf(dev.mcpkit.server.McpEndpoint endpoint,
      boolean byDefault);

  protected abstract dev.mcpkit.server.explorer.AuthHint explorerCredentialOf(
      dev.mcpkit.server.McpEndpoint endpoint);

  protected abstract String tokenOf(dev.mcpkit.server.McpEndpoint endpoint);
}
