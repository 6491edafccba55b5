package dev.mcpkit.policy.internal;

import dev.mcpkit.auth.TokenOwner;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.policy.ToolPermission;
import java.time.Clock;
import java.time.Duration;
import java.util.function.BiConsumer;

/**
 * Engine-wide defaults; {@code clients} customizes every client the engine connects, given the
 * credential owner (the connection) it connects for.
 */
public record Settings(
    ToolPermission newToolPermission,
    ToolPermission onDrift,
    Duration approvalTtl,
    Duration callTimeout,
    Duration toolListTtl,
    Clock clock,
    BiConsumer<TokenOwner, McpClient.Builder> clients,
    boolean enterprise) {
  /** Settings without client customization or enterprise-managed authorization. */
  public Settings(ToolPermission newToolPermission, ToolPermission onDrift, Duration approvalTtl,
      Duration callTimeout, Duration toolListTtl, Clock clock) {
    this(newToolPermission, onDrift, approvalTtl, callTimeout, toolListTtl, clock,
        (owner, builder) -> { }, false);
  }
}
