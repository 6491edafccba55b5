package dev.mcpkit.policy.spi;

import dev.mcpkit.policy.AgentConnector;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ConnectorStore} in concurrent maps (agent, then server). */
public final class InMemoryConnectorStore implements ConnectorStore {
  private final ConcurrentHashMap<String, Map<String, AgentConnector>> byAgent =
      new ConcurrentHashMap<>();
  private final Set<String> driftReports = ConcurrentHashMap.newKeySet();

  @Override
  public void put(AgentConnector connector) {
    byAgent.computeIfAbsent(connector.agentId(), a -> new ConcurrentHashMap<>())
        .put(connector.serverId(), connector);
  }

  @Override
  public AgentConnector find(String agentId, String serverId) {
    Map<String, AgentConnector> servers = byAgent.get(agentId);
    return servers == null ? null : servers.get(serverId);
  }

  @Override
  public List<AgentConnector> list(String agentId) {
    Map<String, AgentConnector> servers = byAgent.get(agentId);
    return servers == null ? List.of() : List.copyOf(servers.values());
  }

  @Override
  public boolean remove(String agentId, String serverId) {
    Map<String, AgentConnector> servers = byAgent.get(agentId);
    return servers != null && servers.remove(serverId) != null;
  }

  @Override
  public boolean replace(AgentConnector expected, AgentConnector updated) {
    if (!expected.agentId().equals(updated.agentId())
        || !expected.serverId().equals(updated.serverId())) {
      throw new IllegalArgumentException("replace keeps the agent and server");
    }
    Map<String, AgentConnector> servers = byAgent.get(expected.agentId());
    return servers != null && servers.replace(expected.serverId(), expected, updated);
  }

  @Override
  public boolean claimDriftReport(String agentId, String serverId, String tool,
      String definitionHash) {
    return driftReports.add(agentId + "\n" + serverId + "\n" + tool + "\n" + definitionHash);
  }
}
