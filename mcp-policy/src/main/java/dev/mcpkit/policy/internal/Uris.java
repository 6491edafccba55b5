package dev.mcpkit.policy.internal;

import java.net.URI;
import java.util.Locale;

/** The canonical form of a server URL, as mcp-auth keys credentials by it. */
public final class Uris {
  private Uris() {}

  public static URI canonical(URI uri) {
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
    return URI.create(scheme + "://" + host + (port < 0 ? "" : ":" + port) + path);
  }
}
