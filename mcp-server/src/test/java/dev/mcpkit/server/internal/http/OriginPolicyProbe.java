package dev.mcpkit.server.internal.http;

import dev.mcpkit.server.McpHttpOptions;

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
    return new RecordingCall("POST", "/mcp", name -> name.equalsIgnoreCase("Host") ? host
        : name.equalsIgnoreCase("Origin") ? origin : null);
  }
}
