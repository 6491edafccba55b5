package dev.mcpkit.server.internal.http;

import dev.mcpkit.server.McpHttpOptions;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;

/** Lets tests put any Host or Origin header through the policy (HTTP clients will not send some). */
public final class OriginPolicyProbe {
  private final OriginPolicy policy = new OriginPolicy(McpHttpOptions.defaults());

  public boolean refusesHost(String host) {
    return policy.check(call(host, null), host) != null;
  }

  public boolean refusesOrigin(String host, String origin) {
    return policy.check(call(host, origin), host) != null;
  }

  private static HttpCall call(String host, String origin) {
    return new HttpCall() {
      @Override
      public String method() {
        return "POST";
      }

      @Override
      public URI uri() {
        return URI.create("http://" + host + "/mcp");
      }

      @Override
      public String header(String name) {
        return name.equalsIgnoreCase("Host") ? host
            : name.equalsIgnoreCase("Origin") ? origin : null;
      }

      @Override
      public String path() {
        return "/mcp";
      }

      @Override
      public String query() {
        return null;
      }

      @Override
      public boolean arrivedOnLoopback() {
        return true;
      }

      @Override
      public InputStream body() {
        return InputStream.nullInputStream();
      }

      @Override
      public long contentLength() {
        return 0;
      }

      @Override
      public void setHeader(String name, String value) {}

      @Override
      public OutputStream start(int status, long length) {
        return OutputStream.nullOutputStream();
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }
}
