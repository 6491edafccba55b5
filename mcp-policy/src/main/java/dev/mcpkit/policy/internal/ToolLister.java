package dev.mcpkit.policy.internal;

import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.policy.AgentConnector;
import dev.mcpkit.policy.AgentTools;
import dev.mcpkit.policy.CallOutcome;
import dev.mcpkit.policy.Decision;
import dev.mcpkit.policy.GovernedTool;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What a user may see through an agent, and why a user may or may not call a tool. */
public final class ToolLister {
  private final Stores stores;
  private final Decider decider;
  private final Connector connector;
  private final Catalog catalog;

  ToolLister(Stores stores, Decider decider, Connector connector, Catalog catalog) {
    this.stores = stores;
    this.decider = decider;
    this.connector = connector;
    this.catalog = catalog;
  }

  /** Lists every attached server the user may use, live, keeping only tools that are not disabled. */
  public AgentTools list(String principalId, String agentId) throws IOException {
    List<GovernedTool> tools = new ArrayList<>();
    List<CallOutcome.ConnectionRequired> needed = new ArrayList<>();
    Map<String, String> unavailable = new LinkedHashMap<>();
    for (AgentConnector c : stores.connectors().list(agentId)) {
      Access access = decider.access(principalId, agentId, c.serverId(), false);
      if (!access.granted()) {
        continue;
      }
      AuditWriter.Subject s = new AuditWriter.Subject(principalId, agentId, c.serverId(), null,
          Ids.next());
      Prepared prep = connector.prepare(access, s, null);
      if (prep.outcome() instanceof CallOutcome.ConnectionRequired required) {
        needed.add(required);
        continue;
      }
      if (prep.outcome() != null) {
        unavailable.put(c.serverId(), reason(prep.outcome()));
        continue;
      }
      Map<String, ToolEntry> live;
      try {
        live = catalog.refresh(c.serverId(), prep.owner(), prep.client());
      } catch (IOException | McpProtocolException e) {
        unavailable.put(c.serverId(), Connector.serverFailure(access.registration(), e));
        continue;
      }
      for (ToolEntry entry : live.values()) {
        connector.observe(access, entry.tool().name(), entry);
      }
      Access current = decider.access(principalId, agentId, c.serverId(), false);
      for (ToolEntry entry : live.values()) {
        Decision d = decider.permission(current, entry.tool().name(), entry, false);
        if (d.allowed()) {
          tools.add(new GovernedTool(c.serverId(), entry.tool(), d.permission()));
        }
      }
    }
    return new AgentTools(tools, needed, unavailable);
  }

  /** The decision with every rule that applied; uses the last definition seen, never the network. */
  public Decision decide(String principalId, String agentId, String serverId, String tool,
      boolean trace) throws IOException {
    Access access = decider.access(principalId, agentId, serverId, trace);
    return decider.permission(access, tool, catalog.lastSeen(serverId, tool), trace);
  }

  private static String reason(CallOutcome outcome) {
    if (outcome instanceof CallOutcome.Denied d) {
      return d.reason();
    }
    if (outcome instanceof CallOutcome.Failed f) {
      return f.reason();
    }
    return outcome.toString();
  }
}
