package dev.mcpkit.server.internal.http;

import dev.mcpkit.server.McpHttpOptions;
import java.net.URI;
import java.util.Locale;
import java.util.Set;

/**
 * DNS-rebinding and cross-origin protection: on a loopback interface the {@code Host} header must
 * name a loopback host (or an allowed one); a browser's {@code Origin} must be allowed, loopback, or
 * the same host as {@code Host}.
 */
final class OriginPolicy {
  private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");
  private final McpHttpOptions options;

  OriginPolicy(McpHttpOptions options) {
    this.options = options;
  }

  /** Why the request is refused, or null when it may go on; {@code hostHeader} as it came. */
  String check(HttpCall call, String hostHeader) {
    String host = hostOnly(hostHeader);
    if (options.checkHost() && (call.arrivedOnLoopback() || !options.allowedHosts().isEmpty())
        && !hostAllowed(host)) {
      return "Forbidden: Host " + (hostHeader == null ? "(none)" : "'" + hostHeader + "'")
          + " is not allowed; add it with McpHttpOptions.allowedHosts(...)";
    }
    String origin = call.header("Origin");
    if (origin == null) {
      return null;
    }
    String o = origin.trim().toLowerCase(Locale.ROOT);
    if (options.allowedOrigins().contains(o)) {
      return null;
    }
    String originHost;
    try {
      URI uri = URI.create(o);
      originHost = uri.getHost() == null ? null : hostOnly(uri.getRawAuthority());
    } catch (IllegalArgumentException e) {
      originHost = null;
    }
    if (originHost != null && (hostAllowed(originHost) || originHost.equals(host))) {
      return null;
    }
    return "Forbidden: Origin '" + origin + "' is not allowed; add it with"
        + " McpHttpOptions.allowedOrigins(...)";
  }

  private boolean hostAllowed(String host) {
    return host != null && (LOOPBACK.contains(host) || options.allowedHosts().contains(host));
  }

  /** {@code Example.com:8080} to {@code example.com}, {@code [::1]:80} to {@code [::1]}. */
  static String hostOnly(String authority) {
    if (authority == null || authority.isEmpty()) {
      return null;
    }
    String a = authority.trim().toLowerCase(Locale.ROOT);
    int at = a.lastIndexOf('@');
    if (at >= 0) {
      a = a.substring(at + 1);
    }
    if (a.startsWith("[")) {
      int end = a.indexOf(']');
      return end < 0 ? null : a.substring(0, end + 1);
    }
    int colon = a.indexOf(':');
    return colon < 0 ? a : a.substring(0, colon);
  }
}
