package dev.mcpkit.client.transport;

import java.io.IOException;

/**
 * An HTTP answer that is not a JSON-RPC message: the server (or something in front of it) refused the
 * request with a status code. The message names the method, the URL, the status and the start of the
 * body.
 */
public final class HttpStatusException extends IOException {
  private static final long serialVersionUID = 1L;
  private final int statusCode;
  private final String url;
  private final boolean sessionExpired;

  public HttpStatusException(String message, int statusCode, String url, boolean sessionExpired) {
    super(message);
    this.statusCode = statusCode;
    this.url = url;
    this.sessionExpired = sessionExpired;
  }

  public int statusCode() {
    return statusCode;
  }

  public String url() {
    return url;
  }

  /** True for a 404 on a request that carried a session id: the server no longer knows the session. */
  public boolean sessionExpired() {
    return sessionExpired;
  }

  /** The first {@link HttpStatusException} in the cause chain of {@code t}, or null. */
  public static HttpStatusException find(Throwable t) {
    for (Throwable c = t; c != null; c = c.getCause()) {
      if (c instanceof HttpStatusException h) {
        return h;
      }
    }
    return null;
  }
}
