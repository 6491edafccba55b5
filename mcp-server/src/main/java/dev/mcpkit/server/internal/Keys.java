package dev.mcpkit.server.internal;

import dev.mcpkit.core.auth.McpPrincipal;
import dev.mcpkit.core.engine.Attributes;
import dev.mcpkit.server.McpEndpoint;

/** The attributes the server puts on connections and requests. */
public final class Keys {
  /** The caller, per request. */
  public static final Attributes.Key<McpPrincipal> PRINCIPAL =
      Attributes.Key.of("mcp.principal", McpPrincipal.class);
  /** The endpoint a request came in on (which tools it may see). */
  public static final Attributes.Key<McpEndpoint> ENDPOINT =
      Attributes.Key.of("mcp.endpoint", McpEndpoint.class);
  /** The session's state (session protocol), on the session's connection attributes. */
  public static final Attributes.Key<SessionState> SESSION =
      Attributes.Key.of("mcp.session", SessionState.class);
  /** A 2026-07-28 request's per-request metadata. */
  public static final Attributes.Key<StatelessMeta> STATELESS =
      Attributes.Key.of("mcp.stateless", StatelessMeta.class);
  /** How a request's response travels (SSE control), per request; absent on stdio. */
  public static final Attributes.Key<ResponseControl> RESPONSE =
      Attributes.Key.of("mcp.response", ResponseControl.class);

  private Keys() {}
}
