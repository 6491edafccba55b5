package dev.mcpkit.auth;

import java.io.IOException;

/**
 * An authorization step failed: discovery found no usable authorization server, the authorization
 * server refused a request, a callback did not match a pending authorization, a stored credential could
 * not be decrypted. The message says what was wrong and what to do; it never contains a token, secret,
 * code or key. An {@link IOException} so that it travels through OkHttp interceptors unchanged.
 */
public class McpAuthException extends IOException {
  public McpAuthException(String message) {
    super(message);
  }

  public McpAuthException(String message, Throwable cause) {
    super(message, cause);
  }
}
