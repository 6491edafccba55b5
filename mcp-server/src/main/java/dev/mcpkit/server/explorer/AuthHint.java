package dev.mcpkit.server.explorer;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * How a client authenticates to the endpoint, as far as the explorer needs to know: which form the
 * connection snippets take and which credential field the Run test form offers. It never carries a
 * secret; snippets use a placeholder the operator fills in.
 */
public sealed interface AuthHint {
  /** No credential beyond the URL itself (which may hold a capability token). */
  AuthHint NONE = new None();

  /** An {@code Authorization: Bearer} token (static or obtained through OAuth). */
  AuthHint BEARER = new Bearer();

  /**
   * An API key sent in the named header, e.g. {@code X-Api-Key}.
   *
   * @throws IllegalArgumentException when {@code headerName} is not a valid HTTP header name
   */
  static AuthHint apiKeyHeader(String headerName) {
    return new ApiKeyHeader(headerName);
  }

  /** No credential beyond the URL. */
  record None() implements AuthHint {}

  /** A bearer token in the {@code Authorization} header. */
  record Bearer() implements AuthHint {}

  /**
   * An API key in a request header.
   *
   * @param headerName the header that carries the key
   */
  record ApiKeyHeader(String headerName) implements AuthHint {
    private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");

    public ApiKeyHeader {
      Objects.requireNonNull(headerName, "headerName");
      if (!TOKEN.matcher(headerName).matches()) {
        throw new IllegalArgumentException("not an HTTP header name: '" + headerName
            + "' (use letters, digits and '-', e.g. X-Api-Key)");
      }
    }
  }
}
