package dev.mcpkit.policy;

import java.util.List;
import java.util.Map;

/**
 * What an agent may offer the model for one user: the visible tools, the servers the user still has to
 * connect, and servers whose tools could not be listed (server id to reason).
 */
public record AgentTools(List<GovernedTool> tools,
    List<CallOutcome.ConnectionRequired> connectionsNeeded, Map<String, String> unavailable) {
  public AgentTools {
    tools = List.copyOf(tools);
    connectionsNeeded = List.copyOf(connectionsNeeded);
    unavailable = Map.copyOf(unavailable);
  }
}
