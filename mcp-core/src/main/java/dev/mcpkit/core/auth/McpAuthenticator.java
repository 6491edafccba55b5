package dev.mcpkit.core.auth;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Server-side authentication of MCP HTTP requests (bearer tokens, API keys). The server calls it for
 * every request to a protected endpoint before reading the body; mcp-auth provides implementations.
 * Implementations are thread-safe and must compare secrets in constant time and never log them.
 */
public interface McpAuthenticator {
  /** Lets every request through as {@link McpPrincipal#ANONYMOUS}. */
  McpAuthenticator NONE = request -> AuthResult.authenticated(McpPrincipal.ANONYMOUS);

  AuthResult authenticate(HttpRequestView request);

  /**
   * The OAuth 2.0 protected resource metadata (RFC 9728) the server serves at
   * {@code /.well-known/oauth-protected-resource} (plus the endpoint's path), or null for none.
   */
  default JsonNode protectedResourceMetadata() {
    return null;
  }
}
