package dev.mcpkit.policy;

import java.util.List;

/**
 * The answer to "may this user call this tool through this agent", with every rule that was checked
 * (for {@link McpGovernance#explain}; the fast path leaves {@code checks} empty).
 *
 * @param allowed whether a call may proceed (possibly after approval)
 * @param permission the effective permission, or null when a rule before the permission refused
 * @param rule the rule that decided: the first that refused, or the permission rule
 * @param reason the decision in words
 * @param checks every rule that applied, in order
 */
public record Decision(
    boolean allowed, ToolPermission permission, String rule, String reason, List<Check> checks) {
  public Decision {
    checks = List.copyOf(checks);
  }

  /**
   * One rule and what it found.
   *
   * @param rule the rule's name: {@code directory}, {@code server-registered}, {@code server-sharing},
   *     {@code agent-connector}, {@code shared-connection}, {@code tool-permission},
   *     {@code definition-drift}
   * @param passed whether it let the call through
   * @param detail what it found, in words
   */
  public record Check(String rule, boolean passed, String detail) {}
}
