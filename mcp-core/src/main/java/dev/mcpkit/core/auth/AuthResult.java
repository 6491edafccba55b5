package dev.mcpkit.core.auth;

import java.util.Objects;

/** What an {@link McpAuthenticator} decided about one request. */
public sealed interface AuthResult {
  /** Let the request through as {@code principal}. */
  record Authenticated(McpPrincipal principal) implements AuthResult {
    public Authenticated {
      Objects.requireNonNull(principal, "principal");
    }
  }

  /**
   * Refuse the request with {@code status} (401 when credentials are missing or invalid, 403 for
   * insufficient scope), the {@code WWW-Authenticate} header value to send, and a message for the body
   * that says what was wrong without revealing secrets.
   */
  record Denied(int status, String wwwAuthenticate, String message) implements AuthResult {
    public Denied {
      if (status != 401 && status != 403) {
        throw new IllegalArgumentException("status must be 401 or 403, got " + status);
      }
      Objects.requireNonNull(message, "message");
    }
  }

  static AuthResult authenticated(McpPrincipal principal) {
    return new Authenticated(principal);
  }

  static AuthResult unauthorized(String wwwAuthenticate, String message) {
    return new Denied(401, wwwAuthenticate, message);
  }

  static AuthResult forbidden(String wwwAuthenticate, String message) {
    return new Denied(403, wwwAuthenticate, message);
  }
}
