package dev.mcpkit.core.auth;

import java.net.URI;

/** What an authenticator may read of an HTTP request, independent of the HTTP server in use. */
public interface HttpRequestView {
  String method();

  /** The full request URI as the client addressed it (scheme, host, path, query). */
  URI uri();

  /** The first value of a header (case-insensitive name), or null. */
  String header(String name);
}
