package dev.mcpkit.auth.internal;

import java.net.URI;
import java.util.Locale;

/** Canonical forms and comparisons of MCP server and resource URIs (RFC 8707, RFC 9728). */
public final class Uris {
  private Uris() {}

  /**
   * The canonical URI of an MCP server: lower-case scheme and host, default port dropped, no query or
   * fragment, no trailing slash on an empty path.
   */
  public static URI canonical(URI uri) {
    if (uri.getScheme() == null || uri.getHost() == null) {
      throw new IllegalArgumentException("not an absolute http(s) URI: " + uri);
    }
    String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
    String host = uri.getHost().toLowerCase(Locale.ROOT);
    int port = uri.getPort();
    if ((scheme.equals("https") && port == 443) || (scheme.equals("http") && port == 80)) {
      port = -1;
    }
    String path = uri.getRawPath() == null ? "" : uri.getRawPath();
    if (path.equals("/")) {
      path = "";
    }
    return URI.create(scheme + "://" + hostPart(host) + (port < 0 ? "" : ":" + port) + path);
  }

  /** The origin ({@code scheme://host[:port]}) of {@code uri}. */
  public static URI origin(URI uri) {
    URI c = canonical(uri);
    return URI.create(c.getScheme() + "://" + c.getRawAuthority());
  }

  /** The canonical path, "" for the root. */
  public static String path(URI uri) {
    return canonical(uri).getRawPath();
  }

  /**
   * Whether a protected resource metadata {@code resource} covers {@code server}: the same origin, and
   * the resource's path is the server's path or a parent of it.
   */
  public static boolean resourceCovers(URI resource, URI server) {
    URI r = canonical(resource);
    URI s = canonical(server);
    if (!origin(r).equals(origin(s))) {
      return false;
    }
    String rp = r.getRawPath();
    String sp = s.getRawPath();
    return rp.isEmpty() || sp.equals(rp) || sp.startsWith(rp.endsWith("/") ? rp : rp + "/");
  }

  /** {@code origin + "/.well-known/" + name + path}: RFC 8414/9728 path insertion. */
  public static URI wellKnown(URI base, String name) {
    return URI.create(origin(base) + "/.well-known/" + name + path(base));
  }

  private static String hostPart(String host) {
    return host.indexOf(':') >= 0 && !host.startsWith("[") ? "[" + host + "]" : host;
  }
}
