package dev.mcpkit.server.internal.http;

/**
 * The {@code Host} header's syntax: a DNS name, an IPv4 address or a bracketed IPv6 address, and an
 * optional port. A request whose {@code Host} is anything else is refused before anything builds a
 * URL from it, so no URL parser ever sees (and no exception message ever repeats) the request path
 * next to a malformed host.
 */
final class HostHeader {
  private HostHeader() {}

  /**
   * Whether {@code host} (a Host header, possibly absent) is a well-formed {@code host[:port]}: a
   * name of 1 to 253 of {@code A-Z a-z 0-9 _ . -}, or 2 to 45 of {@code 0-9 A-F a-f : .} in
   * brackets, then optionally {@code :} and 1 to 5 digits. Checked by hand: it runs on every
   * request, and a regular expression allocates a matcher each time.
   */
  static boolean isValid(String host) {
    if (host == null) {
      return true;
    }
    int n = host.length();
    int i = 0;
    if (n > 0 && host.charAt(0) == '[') {
      int close = host.indexOf(']');
      if (close < 0 || close - 1 < 2 || close - 1 > 45) {
        return false;
      }
      for (i = 1; i < close; i++) {
        char c = host.charAt(i);
        if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F' || c == ':'
            || c == '.')) {
          return false;
        }
      }
      i = close + 1;
    } else {
      while (i < n && isNameChar(host.charAt(i))) {
        i++;
      }
      if (i < 1 || i > 253) {
        return false;
      }
    }
    if (i == n) {
      return true;
    }
    if (host.charAt(i) != ':' || n - i - 1 < 1 || n - i - 1 > 5) {
      return false;
    }
    for (int j = i + 1; j < n; j++) {
      char c = host.charAt(j);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  private static boolean isNameChar(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_'
        || c == '.' || c == '-';
  }

  /** The message of the 400 answer; it names the rule, never the value or the request path. */
  static final String REFUSAL = "Bad request: the Host header is not a valid host[:port]"
      + " (a DNS name, an IPv4 address or a bracketed IPv6 address, then an optional port)";
}
