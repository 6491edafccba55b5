package dev.mcpkit.examples.client;

import dev.mcpkit.client.McpClient;

/**
 * Where the {@code client} example gets OAuth from. mcp-auth plugs in here: it builds an OkHttp
 * interceptor and authenticator for the server's URL (discovery, registration, PKCE, refresh,
 * step-up) and hands them to {@link McpClient.Builder#addHttpInterceptor} and
 * {@link McpClient.Builder#authenticator}.
 */
final class ClientAuth {
  private ClientAuth() {}

  static void configureOAuth(McpClient.Builder builder, String serverUrl) {
    throw new UnsupportedOperationException("--oauth needs mcp-auth, which this build does not "
        + "include yet; use --api-key or --header 'Authorization: Bearer TOKEN' for " + serverUrl);
  }
}
