package dev.mcpkit.core.auth;

import java.util.Map;
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
   * insufficient scope), the {@code WWW-Authenticate} header value to send, a message for the body
   * that says what was wrong without revealing secrets, and other response headers the refusal needs
   * (such as a DPoP server's {@code DPoP-Nonce}).
   */
  record Denied(int status, String wwwAuthenticate, String message, Map<String, String> headers)
      implements AuthResult {
    public Denied {
      if (status != 401 && status != 403) {
        throw new IllegalArgumentException("status must be 401 or 403, got " + status);
      }
      Objects.requireNonNull(message, "message");
      headers = Map.copyOf(headers);
    }

    public Denied(int status, String wwwAuthenticate, String message) {
      this(status, wwwAuthenticate, message, Map.of());
    }
  }

  static AuthResult authenticated(McpPrincipal principal) {
    return new Authenticated(principal);
  }

  static AuthResult unauthorized(String wwwAuthenticate, String message) {
    return new Denied(401, wwwAuthenticate, message);
  }

  /** 401 with extra response headers (e.g. {@code DPoP-Nonce}). */
  static AuthResult unauthorized(
      String wwwAuthenticate, String message, Map<String, String> headers) {
    return new Denied(401, wwwAuthenticate, message, headers);
  }

  static AuthResult forbidden(String wwwAuthenticate, String message) {
    return new Denied(403, wwwAuthenticate, message);
  }
}
