package dev.mcpkit.server.internal.http;

import java.util.regex.Pattern;

/**
 * The {@code Host} header's syntax: a DNS name, an IPv4 address or a bracketed IPv6 address, and an
 * optional port. A request whose {@code Host} is anything else is refused before anything builds a
 * URL from it, so no URL parser ever sees (and no exception message ever repeats) the request path
 * next to a malformed host.
 */
final class HostHeader {
  private static final Pattern VALID =
      Pattern.compile("(?:[A-Za-z0-9_.-]{1,253}|\\[[0-9A-Fa-f:.]{2,45}\\])(?::[0-9]{1,5})?");

  private HostHeader() {}

  /** Whether {@code host} (a Host header, possibly absent) is a well-formed {@code host[:port]}. */
  static boolean isValid(String host) {
    return host == null || VALID.matcher(host).matches();
  }

  /** The message of the 400 answer; it names the rule, never the value or the request path. */
  static final String REFUSAL = "Bad request: the Host header is not a valid host[:port]"
      + " (a DNS name, an IPv4 address or a bracketed IPv6 address, then an optional port)";
}
