package dev.mcpkit.server.internal.http;

import dev.mcpkit.core.auth.McpPrincipal;
import dev.mcpkit.core.jsonrpc.ErrorCodes;
import dev.mcpkit.core.jsonrpc.RequestId;
import dev.mcpkit.server.McpHttpOptions;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The server-wide limit on requests running at once, sessions or not, and who a client is for the
 * per-client limits. Thread-safe.
 */
final class Admission {
  private final McpHttpOptions options;
  private final AtomicInteger inFlight = new AtomicInteger();

  Admission(McpHttpOptions options) {
    this.options = options;
  }

  /**
   * Counts a request in, or answers {@code call} with 429 naming the limit.
   *
   * @return whether the request may run; then {@link #exit} when it is answered
   */
  boolean enter(HttpCall call, RequestId id) {
    if (inFlight.incrementAndGet() > options.maxRequestsInFlight()) {
      inFlight.decrementAndGet();
      call.setHeader("Retry-After", "1");
      HttpResponses.error(call, 429, id, ErrorCodes.INTERNAL_ERROR, "Too many requests: the"
          + " server already runs " + options.maxRequestsInFlight() + " requests, the most it may"
          + " (McpHttpOptions.maxRequestsInFlight); retry shortly");
      return false;
    }
    return true;
  }

  void exit() {
    inFlight.decrementAndGet();
  }

  int inFlight() {
    return inFlight.get();
  }

  /**
   * Who the client is for per-client limits: the principal when authenticated, the address it
   * connects from otherwise.
   */
  static String client(HttpCall call, McpPrincipal principal) {
    if (principal != null && principal != McpPrincipal.ANONYMOUS) {
      return "principal " + principal.subject();
    }
    String address = call.clientAddress();
    return "address " + (address == null ? "unknown" : address);
  }
}
