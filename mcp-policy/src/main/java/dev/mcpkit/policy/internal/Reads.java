package dev.mcpkit.policy.internal;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.schema.Tools.Tool;
import dev.mcpkit.policy.AgentConnector;
import dev.mcpkit.policy.ApprovalRequest;
import dev.mcpkit.policy.Connection;
import dev.mcpkit.policy.ConnectionShare;
import dev.mcpkit.policy.Page;
import dev.mcpkit.policy.PayloadPolicy;
import dev.mcpkit.policy.Principal;
import dev.mcpkit.policy.ServerRegistration;
import dev.mcpkit.policy.Sharing;
import dev.mcpkit.policy.ToolCatalog;
import dev.mcpkit.policy.ToolRule;
import dev.mcpkit.policy.ToolSetting;
import dev.mcpkit.auth.spi.SecretCipher;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The queries the screens of a governance product need, each paged and each answering only what
 * the asking user may see: an organization admin sees everything, anyone else what is shared with
 * them. Read from the stores every time (nothing is copied).
 */
public final class Reads {
  private final Stores stores;
  private final Settings settings;
  private final Decider decider;
  private final CatalogDiscovery discovery;
  private final SecretCipher cipher;

  Reads(Stores stores, Settings settings, Decider decider, CatalogDiscovery discovery,
      SecretCipher cipher) {
    this.stores = stores;
    this.settings = settings;
    this.decider = decider;
    this.discovery = discovery;
    this.cipher = cipher;
  }

  /** Registered servers the viewer may attach (all of them for an organization admin), by id. */
  public Page<ServerRegistration> servers(String viewerId, String cursor, int limit)
      throws IOException {
    Principal p = known(viewerId);
    List<ServerRegistration> visible = new ArrayList<>();
    for (ServerRegistration reg : stores.registry().list()) {
      if (p.organizationAdmin() || sharedWith(reg.id(), p)) {
        visible.add(reg);
      }
    }
    return Pager.page(visible, ServerRegistration::id, cursor, limit);
  }

  /** With whom a server is shared (organization admins only: the share dialog). */
  public Sharing sharing(String adminId, String serverId) throws IOException {
    orgAdmin(adminId, "see with whom servers are shared");
    Sharing s = stores.sharing().find(serverId);
    return s == null ? Sharing.NOBODY : s;
  }

  /** The connectors of an agent the viewer may use (all of them for an organization admin). */
  public Page<AgentConnector> connectors(String viewerId, String agentId, String cursor,
      int limit) throws IOException {
    Principal p = known(viewerId);
    List<AgentConnector> visible = new ArrayList<>();
    for (AgentConnector c : stores.connectors().list(agentId)) {
      if (p.organizationAdmin() || sharedWith(c.serverId(), p)) {
        visible.add(c);
      }
    }
    return Pager.page(visible, AgentConnector::serverId, cursor, limit);
  }

  /**
   * The connections to a server the viewer may pick: their own personal connection and the shared
   * connections shared with them to use (every connection for an organization admin).
   */
  public Page<Connection> connections(String viewerId, String serverId, String cursor, int limit)
      throws IOException {
    Principal p = known(viewerId);
    Pager.checkLimit(limit);
    List<Connection> visible = new ArrayList<>();
    for (Connection c : stores.connections().listByServer(serverId)) {
      if (p.organizationAdmin() || c.allows(p, ConnectionShare.Permission.USE)) {
        visible.add(c);
      }
    }
    return Pager.page(visible, Connection::id, cursor, limit);
  }

  /** The stored catalogue of a server (organization admins only), or null before discovery. */
  public ToolCatalog catalog(String adminId, String serverId) throws IOException {
    orgAdmin(adminId, "see tool catalogues");
    return discovery.store().find(serverId);
  }

  /**
   * Every tool of the server's catalogue on the agent's connector, with its rule, the permission
   * that applies and whether its definition drifted, in the server's tool-name order.
   */
  public Page<ToolSetting> toolSettings(String adminId, String agentId, String serverId,
      String cursor, int limit) throws IOException {
    Principal admin = orgAdmin(adminId, "see tool permissions");
    Pager.checkLimit(limit);
    AgentConnector c = stores.connectors().find(agentId, serverId);
    if (c == null) {
      throw new IllegalArgumentException("server '" + serverId + "' is not attached to agent '"
          + agentId + "'");
    }
    ServerRegistration reg = stores.registry().find(serverId);
    ToolCatalog catalog = discovery.store().find(serverId);
    if (reg == null || catalog == null) {
      return Page.empty();
    }
    Access access = new Access(adminId, agentId, serverId, admin, reg,
        stores.sharing().find(serverId), c, null, null, List.of());
    List<ToolSetting> settingsList = new ArrayList<>();
    for (Tool tool : catalog.tools()) {
      ToolEntry entry = ToolEntry.of(tool);
      ToolRule rule = c.rules().get(tool.name());
      boolean drifted = rule != null && rule.definitionHash() != null
          && !rule.definitionHash().equals(entry.hash());
      settingsList.add(new ToolSetting(agentId, serverId, tool, rule,
          decider.permission(access, tool.name(), entry, false).permission(), drifted));
    }
    return Pager.page(settingsList, s -> s.tool().name(), cursor, limit);
  }

  /**
   * Pending, unexpired approvals the viewer may approve, oldest first; their arguments as the
   * server's payload policy lets approvers see them.
   */
  public Page<ApprovalRequest> approvals(String approverId, String cursor, int limit)
      throws IOException {
    Principal p = known(approverId);
    List<ApprovalRequest> visible = new ArrayList<>();
    java.time.Instant now = settings.clock().instant();
    for (ApprovalRequest r : stores.approvals().listPending()) {
      if (now.isBefore(r.expiresAt()) && r.approvers().allows(p, r.principalId())) {
        visible.add(shown(r));
      }
    }
    // oldest first; the key is the creation time, then the id, so the order is total
    return Pager.page(visible, r -> r.createdAt() + " " + r.id(), cursor, limit);
  }

  private ApprovalRequest shown(ApprovalRequest r) throws IOException {
    ServerRegistration reg = stores.registry().find(r.serverId());
    PayloadPolicy policy = reg == null ? PayloadPolicy.METADATA_ONLY : reg.payloadPolicy();
    ObjectNode args;
    if (policy == PayloadPolicy.FULL) {
      args = Payloads.unsealed(cipher, r.id(), r.arguments());
    } else if (policy == PayloadPolicy.REDACTED) {
      args = (ObjectNode) Payloads.shape(Payloads.unsealed(cipher, r.id(), r.arguments()));
    } else {
      args = JsonNodeFactory.instance.objectNode();
    }
    return new ApprovalRequest(r.id(), r.principalId(), r.agentId(), r.serverId(), r.tool(), args,
        r.argumentsHash(), r.policyRevision(), r.approvers(), r.createdAt(), r.expiresAt(),
        r.status(), r.decidedBy(), r.reason(), r.correlationId());
  }

  private boolean sharedWith(String serverId, Principal p) throws IOException {
    Sharing s = stores.sharing().find(serverId);
    return s != null && s.allows(p);
  }

  Principal known(String principalId) throws IOException {
    return Principals.known(stores, principalId);
  }

  public Principal orgAdmin(String principalId, String what) throws IOException {
    return Principals.orgAdmin(stores, principalId, what);
  }
}
