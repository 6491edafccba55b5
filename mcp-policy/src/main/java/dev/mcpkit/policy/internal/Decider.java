package dev.mcpkit.policy.internal;

import dev.mcpkit.core.schema.Tools.ToolAnnotations;
import dev.mcpkit.policy.AgentConnector;
import dev.mcpkit.policy.Connection;
import dev.mcpkit.policy.ConnectionMethod;
import dev.mcpkit.policy.ConnectionShare;
import dev.mcpkit.policy.Decision;
import dev.mcpkit.policy.Principal;
import dev.mcpkit.policy.ServerRegistration;
import dev.mcpkit.policy.Sharing;
import dev.mcpkit.policy.ToolPermission;
import dev.mcpkit.policy.ToolRule;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The permission decision: pure rules over what the stores return. With {@code trace} every rule that
 * applied is named (for explain); without, no list or text is built for rules that pass.
 */
public final class Decider {
  // the texts of passing rules are built only under trace: building them costs more than deciding
  private final Stores stores;
  private final Settings settings;

  public Decider(Stores stores, Settings settings) {
    this.stores = stores;
    this.settings = settings;
  }

  /** The rules before the tool permission: user, server, sharing, connector, shared connection. */
  public Access access(String principalId, String agentId, String serverId, boolean trace)
      throws IOException {
    List<Decision.Check> checks = trace ? new ArrayList<>() : List.of();
    Principal p = stores.directory().find(principalId);
    if (p == null) {
      return deny(principalId, agentId, serverId, null, null, null, null, null, checks,
          "directory", "user '" + principalId + "' is not in the directory");
    }
    if (trace) {
      pass(checks, "directory", "user '" + principalId + "' is in the directory", true);
    }
    ServerRegistration reg = stores.registry().find(serverId);
    if (reg == null) {
      return deny(principalId, agentId, serverId, p, null, null, null, null, checks,
          "server-registered", "no server '" + serverId + "' is registered");
    }
    if (trace) {
      pass(checks, "server-registered", "server '" + reg.name() + "' is registered", true);
    }
    Sharing sharing = stores.sharing().find(serverId);
    if (sharing == null || !sharing.allows(p)) {
      return deny(principalId, agentId, serverId, p, reg, sharing, null, null, checks,
          "server-sharing", "server '" + reg.name() + "' is not shared with '" + principalId
              + "' (general access is restricted and neither the user nor any of their groups "
              + "is named); ask an admin to share it");
    }
    if (trace) {
      pass(checks, "server-sharing", describe(sharing, p), true);
    }
    AgentConnector connector = stores.connectors().find(agentId, serverId);
    if (connector == null) {
      return deny(principalId, agentId, serverId, p, reg, sharing, null, null, checks,
          "agent-connector", "server '" + reg.name() + "' is not attached to agent '" + agentId
              + "'");
    }
    if (trace) {
      pass(checks, "agent-connector", "server '" + reg.name() + "' is attached to agent '"
          + agentId + "' (" + connector.method() + ")", true);
    }
    Connection shared = null;
    if (connector.method() == ConnectionMethod.SHARED) {
      shared = stores.connections().find(connector.sharedConnectionId());
      if (shared == null) {
        return deny(principalId, agentId, serverId, p, reg, sharing, connector, null, checks,
            "shared-connection", "the shared connection '" + connector.sharedConnectionId()
                + "' of agent '" + agentId + "' no longer exists; a workspace admin must set it up");
      }
      if (!shared.allows(p, ConnectionShare.Permission.USE)) {
        return deny(principalId, agentId, serverId, p, reg, sharing, connector, shared, checks,
            "shared-connection", "the shared connection '" + shared.name()
                + "' is not shared with '" + principalId + "'");
      }
      if (trace) {
        pass(checks, "shared-connection", "the shared connection '" + shared.name()
            + "' is shared with '" + principalId + "'", true);
      }
    }
    return new Access(principalId, agentId, serverId, p, reg, sharing, connector, shared, null,
        checks);
  }

  /** The tool permission, given granted {@code access} and the tool's live definition (or null). */
  public Decision permission(Access access, String tool, ToolEntry live, boolean trace) {
    if (!access.granted()) {
      return access.denial();
    }
    List<Decision.Check> checks = trace ? new ArrayList<>(access.checks()) : List.of();
    AgentConnector c = access.connector();
    ToolRule rule = c.rules().get(tool);
    ToolPermission permission;
    String source;
    if (rule != null) {
      permission = rule.permission();
      source = trace ? "an admin set '" + tool + "' to " + permission : null;
    } else if (c.annotationDefaults() && access.registration().trusted() && live != null
        && annotationDefault(live.tool().annotations()) != null) {
      permission = annotationDefault(live.tool().annotations());
      source = trace ? "'" + tool + "' has no explicit permission; the trusted server's annotations "
          + "make it " + permission : null;
    } else {
      permission = c.newToolPermission() != null ? c.newToolPermission()
          : settings.newToolPermission();
      source = trace ? "'" + tool + "' has no explicit permission; new tools get " + permission
          : null;
    }
    int permissionCheck = checks.size();
    pass(checks, "tool-permission", source, trace);
    String rulename = "tool-permission";
    if (rule != null && live != null && rule.definitionHash() != null
        && !rule.definitionHash().equals(live.hash())) {
      ToolPermission fallback = c.onDrift() != null ? c.onDrift() : settings.onDrift();
      ToolPermission before = permission;
      permission = permission.stricter(fallback);
      rulename = "definition-drift";
      if (trace) {
        checks.add(new Decision.Check("definition-drift", permission != ToolPermission.DISABLED,
            "the server changed the definition of '" + tool + "' after its permission was set; "
                + "until an admin confirms it, " + before + " becomes " + permission));
      }
    } else if (trace && rule != null && live != null) {
      pass(checks, "definition-drift", "the definition of '" + tool
          + "' is the one the permission was set for", true);
    }
    if (permission == ToolPermission.DISABLED) {
      String reason = rulename.equals("definition-drift")
          ? "tool '" + tool + "' changed since an admin set its permission and is disabled until "
              + "an admin confirms the new definition"
          : "tool '" + tool + "' is disabled for agent '" + access.agentId() + "'";
      if (trace && rulename.equals("tool-permission")) {
        checks.set(permissionCheck, new Decision.Check("tool-permission", false, source));
      }
      return new Decision(false, permission, rulename, reason, checks);
    }
    String reason = permission == ToolPermission.ALWAYS_ALLOW
        ? "tool '" + tool + "' is always allowed"
        : "tool '" + tool + "' runs after an approval by " + c.approvers().describe();
    return new Decision(true, permission, rulename, reason, checks);
  }

  static ToolPermission annotationDefault(ToolAnnotations a) {
    if (a == null) {
      return null;
    }
    if (Boolean.TRUE.equals(a.destructiveHint())) {
      return ToolPermission.NEEDS_APPROVAL;
    }
    if (Boolean.TRUE.equals(a.readOnlyHint())) {
      return ToolPermission.ALWAYS_ALLOW;
    }
    return null;
  }

  private static String describe(Sharing s, Principal p) {
    if (s.access() == dev.mcpkit.policy.GeneralAccess.TEAM) {
      return "general access is team: everyone in the organization";
    }
    if (s.users().contains(p.id())) {
      return "shared with '" + p.id() + "' by name";
    }
    for (String g : p.groups()) {
      if (s.groups().contains(g)) {
        return "shared with group '" + g + "'";
      }
    }
    return "shared";
  }

  private static void pass(List<Decision.Check> checks, String rule, String detail, boolean trace) {
    if (trace) {
      checks.add(new Decision.Check(rule, true, detail));
    }
  }

  private static Access deny(String principalId, String agentId, String serverId, Principal p,
      ServerRegistration reg, Sharing sharing, AgentConnector connector, Connection shared,
      List<Decision.Check> checks, String rule, String reason) {
    List<Decision.Check> all = checks;
    if (!(checks instanceof ArrayList)) {
      all = new ArrayList<>();
    }
    all.add(new Decision.Check(rule, false, reason));
    Decision denial = new Decision(false, null, rule, reason, all);
    return new Access(principalId, agentId, serverId, p, reg, sharing, connector, shared, denial,
        all);
  }
}
