package dev.mcpkit.policy;

import dev.mcpkit.policy.internal.Checks;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A registered server attached to an agent: how it connects, the permission of each tool, what new or
 * changed tools get, who approves, and how long a call may take.
 *
 * @param agentId the host's agent
 * @param serverId the registered server
 * @param method each user's own account, or one shared connection
 * @param sharedConnectionId for {@link ConnectionMethod#SHARED}: the connection used; otherwise null
 * @param newToolPermission the permission of tools without a rule, or null for the engine's default
 *     ({@link ToolPermission#NEEDS_APPROVAL} unless configured otherwise)
 * @param onDrift what a tool whose definition changed falls back to until an admin confirms it:
 *     {@link ToolPermission#NEEDS_APPROVAL} or {@link ToolPermission#DISABLED}; null for the engine's
 *     default
 * @param callTimeout how long a call may take, or null for the engine's default (30 s)
 * @param approvers who may approve calls that need approval
 * @param annotationDefaults for a trusted server: tools without a rule take their default from their
 *     annotations ({@code readOnlyHint} allows, {@code destructiveHint} needs approval)
 * @param rules the permission set per tool name
 */
public record AgentConnector(
    String agentId,
    String serverId,
    ConnectionMethod method,
    String sharedConnectionId,
    ToolPermission newToolPermission,
    ToolPermission onDrift,
    Duration callTimeout,
    Approvers approvers,
    boolean annotationDefaults,
    Map<String, ToolRule> rules) {

  public AgentConnector {
    Checks.id(agentId, "agentId");
    Checks.id(serverId, "serverId");
    Objects.requireNonNull(method, "method: PER_USER or SHARED");
    if ((method == ConnectionMethod.SHARED) != (sharedConnectionId != null)) {
      throw new IllegalArgumentException(method == ConnectionMethod.SHARED
          ? "a SHARED connector needs the shared connection's id"
          : "a PER_USER connector uses each user's own connection; drop sharedConnectionId");
    }
    if (onDrift == ToolPermission.ALWAYS_ALLOW) {
      throw new IllegalArgumentException(
          "onDrift must be NEEDS_APPROVAL or DISABLED: a changed tool is never allowed unseen");
    }
    if (callTimeout != null && (callTimeout.isNegative() || callTimeout.isZero())) {
      throw new IllegalArgumentException("callTimeout must be positive, got " + callTimeout);
    }
    approvers = approvers == null ? Approvers.REQUESTER : approvers;
    rules = Map.copyOf(Objects.requireNonNull(rules, "rules"));
  }

  /** A connector where each user connects their own account. */
  public static AgentConnector perUser(String agentId, String serverId) {
    return new AgentConnector(agentId, serverId, ConnectionMethod.PER_USER, null, null, null, null,
        Approvers.REQUESTER, false, Map.of());
  }

  /** A connector that uses one shared connection for everyone it is shared with. */
  public static AgentConnector shared(String agentId, String serverId, String connectionId) {
    return new AgentConnector(agentId, serverId, ConnectionMethod.SHARED, connectionId, null, null,
        null, Approvers.REQUESTER, false, Map.of());
  }

  public AgentConnector withNewToolPermission(ToolPermission permission) {
    return new AgentConnector(agentId, serverId, method, sharedConnectionId, permission, onDrift,
        callTimeout, approvers, annotationDefaults, rules);
  }

  public AgentConnector withOnDrift(ToolPermission permission) {
    return new AgentConnector(agentId, serverId, method, sharedConnectionId, newToolPermission,
        permission, callTimeout, approvers, annotationDefaults, rules);
  }

  public AgentConnector withCallTimeout(Duration timeout) {
    return new AgentConnector(agentId, serverId, method, sharedConnectionId, newToolPermission,
        onDrift, timeout, approvers, annotationDefaults, rules);
  }

  public AgentConnector withApprovers(Approvers newApprovers) {
    return new AgentConnector(agentId, serverId, method, sharedConnectionId, newToolPermission,
        onDrift, callTimeout, newApprovers, annotationDefaults, rules);
  }

  public AgentConnector withAnnotationDefaults(boolean enabled) {
    return new AgentConnector(agentId, serverId, method, sharedConnectionId, newToolPermission,
        onDrift, callTimeout, approvers, enabled, rules);
  }

  /** This connector with {@code rule} for {@code tool} (replacing any previous one). */
  public AgentConnector withRule(String tool, ToolRule rule) {
    Map<String, ToolRule> copy = new HashMap<>(rules);
    copy.put(Objects.requireNonNull(tool, "tool"), rule);
    return new AgentConnector(agentId, serverId, method, sharedConnectionId, newToolPermission,
        onDrift, callTimeout, approvers, annotationDefaults, copy);
  }
}
