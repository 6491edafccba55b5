package dev.mcpkit.auth.server;

import dev.mcpkit.core.auth.HttpRequestView;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/** A request view for verifier tests. */
final class Requests {
  private Requests() {}

  static HttpRequestView with(String header, String value) {
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    if (header != null) {
      headers.put(header, value);
    }
    return new HttpRequestView() {
      @Override
      public String method() {
        return "POST";
      }

      @Override
      public URI uri() {
        return URI.create("https://mcp.example.com/mcp");
      }

      @Override
      public String header(String name) {
        return headers.get(name);
      }
    };
  }

  static HttpRequestView bearer(String token) {
    return with("Authorization", "Bearer " + token);
  }
}
