package dev.mcpkit.policy.internal;

import dev.mcpkit.policy.AgentConnector;
import dev.mcpkit.policy.Connection;
import dev.mcpkit.policy.Decision;
import dev.mcpkit.policy.Principal;
import dev.mcpkit.policy.ServerRegistration;
import dev.mcpkit.policy.Sharing;
import java.util.List;

/**
 * What the engine loaded to decide whether a user may use a server through an agent, and the verdict
 * of the rules before the tool permission ({@code denial} null when they all passed).
 */
public record Access(
    String principalId,
    String agentId,
    String serverId,
    Principal principal,
    ServerRegistration registration,
    Sharing sharing,
    AgentConnector connector,
    Connection sharedConnection,
    Decision denial,
    List<Decision.Check> checks) {

  public boolean granted() {
    return denial == null;
  }
}
