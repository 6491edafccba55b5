package dev.mcpkit.policy.internal;

import dev.mcpkit.policy.ToolPermission;
import java.time.Clock;
import java.time.Duration;

/** Engine-wide defaults. */
public record Settings(
    ToolPermission newToolPermission,
    ToolPermission onDrift,
    Duration approvalTtl,
    Duration callTimeout,
    Duration toolListTtl,
    Clock clock,
    boolean enterprise) {
  /** Settings without enterprise-managed authorization. */
  public Settings(ToolPermission newToolPermission, ToolPermission onDrift, Duration approvalTtl,
      Duration callTimeout, Duration toolListTtl, Clock clock) {
    this(newToolPermission, onDrift, approvalTtl, callTimeout, toolListTtl, clock, false);
  }
}
