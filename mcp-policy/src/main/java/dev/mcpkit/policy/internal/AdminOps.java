package dev.mcpkit.policy.internal;

import dev.mcpkit.policy.AgentConnector;
import dev.mcpkit.policy.AuditEvent;
import dev.mcpkit.policy.Connection;
import dev.mcpkit.policy.ConnectionMethod;
import dev.mcpkit.policy.ConnectionShare;
import dev.mcpkit.policy.PolicyDeniedException;
import dev.mcpkit.policy.Principal;
import dev.mcpkit.policy.ServerRegistration;
import dev.mcpkit.policy.Sharing;
import dev.mcpkit.policy.ToolPermission;
import dev.mcpkit.policy.ToolRule;
import java.io.IOException;

/**
 * Administrative changes: the registry, sharing, connectors and tool permissions. Every change is
 * checked against the acting user's current roles and recorded as an {@code ADMIN_CHANGE} event.
 */
public final class AdminOps {
  private final Stores stores;
  private final Settings settings;
  private final SecretVault secrets;
  private final Catalog catalog;
  private final Clients clients;
  private final AuditWriter audit;
  private final Object connectorLock;
  private final CatalogDiscovery discovery;

  AdminOps(Stores stores, Settings settings, SecretVault secrets, Catalog catalog, Clients clients,
      AuditWriter audit, Object connectorLock, CatalogDiscovery discovery) {
    this.discovery = discovery;
    this.stores = stores;
    this.settings = settings;
    this.secrets = secrets;
    this.catalog = catalog;
    this.clients = clients;
    this.audit = audit;
    this.connectorLock = connectorLock;
  }

  public ServerRegistration register(String adminId, ServerRegistration reg, String clientSecret)
      throws IOException {
    orgAdmin(adminId, "register servers");
    if (clientSecret != null) {
      if (reg.oauthClient() == null) {
        throw new IllegalArgumentException("a client secret was given for server '" + reg.id()
            + "' but it has no custom OAuth client; set oauthClient(clientId, ...) too");
      }
      if (clientSecret.isBlank()) {
        throw new IllegalArgumentException("the OAuth client secret of server '" + reg.id()
            + "' is blank");
      }
    }
    ServerRegistration previous = stores.registry().find(reg.id());
    boolean keptSecret = clientSecret == null && previous != null
        && previous.oauthClient() != null && previous.oauthClient().hasClientSecret()
        && reg.oauthClient() != null;
    if (clientSecret != null) {
      secrets.put(reg.id(), clientSecret);
    } else if (!keptSecret) {
      secrets.remove(reg.id());
    }
    ServerRegistration stored = reg.withSecretStored(clientSecret != null || keptSecret);
    stores.registry().put(stored);
    clients.evictServer(reg.id());
    change(adminId, reg.id(), null, (previous == null ? "registered" : "updated") + " server '"
        + reg.name() + "' at " + Redactor.redactUrls(reg.url().toString()) + " ("
        + reg.transport() + ", " + reg.auth() + ")");
    // discovered now if an admin-controlled connection exists (an update, or re-registration);
    // otherwise when the first such connection is completed
    discovery.tryRefresh(adminId, reg.id());
    return stored;
  }

  public void unregister(String adminId, String serverId) throws IOException {
    orgAdmin(adminId, "remove servers");
    if (!stores.registry().remove(serverId)) {
      throw new IllegalArgumentException("no server '" + serverId + "' is registered");
    }
    stores.sharing().remove(serverId);
    secrets.remove(serverId);
    clients.evictServer(serverId);
    catalog.forget(serverId);
    discovery.store().remove(serverId);
    change(adminId, serverId, null, "removed server '" + serverId + "'");
  }

  public void share(String adminId, String serverId, Sharing sharing) throws IOException {
    orgAdmin(adminId, "share servers");
    requireServer(serverId);
    stores.sharing().put(serverId, sharing);
    change(adminId, serverId, null, "shared server '" + serverId + "': general access "
        + sharing.access() + ", users " + sharing.users() + ", groups " + sharing.groups());
  }

  public AgentConnector attach(String principalId, AgentConnector c) throws IOException {
    Principal p = known(principalId);
    ServerRegistration reg = requireServer(c.serverId());
    Sharing sharing = stores.sharing().find(c.serverId());
    if (!p.organizationAdmin() && (sharing == null || !sharing.allows(p))) {
      throw new PolicyDeniedException("server-sharing", "'" + principalId + "' cannot attach server '"
          + reg.name() + "': it is not shared with them");
    }
    if (!p.organizationAdmin() && (!c.rules().isEmpty() || c.newToolPermission() != null
        || c.onDrift() != null || c.annotationDefaults())) {
      throw new PolicyDeniedException("organization-admin", "only organization admins set tool "
          + "permissions; attach the server without rules and ask an admin to set them");
    }
    if (c.method() == ConnectionMethod.SHARED) {
      Connection conn = stores.connections().find(c.sharedConnectionId());
      if (conn == null || conn.method() != ConnectionMethod.SHARED
          || !conn.serverId().equals(c.serverId())) {
        throw new IllegalArgumentException("'" + c.sharedConnectionId()
            + "' is not a shared connection to server '" + c.serverId() + "'");
      }
      if (!p.workspaceAdmin() && !p.organizationAdmin()
          && !conn.allows(p, ConnectionShare.Permission.MANAGE)) {
        throw new PolicyDeniedException("workspace-admin", "only a workspace admin (or someone the "
            + "connection is shared with to manage) can attach a shared connection");
      }
    }
    synchronized (connectorLock) {
      stores.connectors().put(c);
    }
    change(principalId, c.serverId(), c.agentId(), "attached server '" + reg.name()
        + "' to agent '" + c.agentId() + "' (" + c.method() + ")");
    return c;
  }

  public void detach(String principalId, String agentId, String serverId) throws IOException {
    Principal p = known(principalId);
    Sharing sharing = stores.sharing().find(serverId);
    if (!p.organizationAdmin() && (sharing == null || !sharing.allows(p))) {
      throw new PolicyDeniedException("server-sharing", "'" + principalId
          + "' cannot detach server '" + serverId + "': it is not shared with them");
    }
    synchronized (connectorLock) {
      if (!stores.connectors().remove(agentId, serverId)) {
        throw new IllegalArgumentException("server '" + serverId + "' is not attached to agent '"
            + agentId + "'");
      }
    }
    change(principalId, serverId, agentId, "detached server '" + serverId + "'");
  }

  /** Replaces a connector's settings (timeouts, approvers, defaults), keeping its tool rules. */
  public AgentConnector configure(String adminId, AgentConnector c) throws IOException {
    orgAdmin(adminId, "configure connectors");
    synchronized (connectorLock) {
      AgentConnector current = requireConnector(c.agentId(), c.serverId());
      AgentConnector updated = new AgentConnector(c.agentId(), c.serverId(), current.method(),
          current.sharedConnectionId(), c.newToolPermission(), c.onDrift(), c.callTimeout(),
          c.approvers(), c.annotationDefaults(), current.rules());
      replace(current, updated);
      change(adminId, c.serverId(), c.agentId(), "configured connector: new tools "
          + c.newToolPermission() + ", on drift " + c.onDrift() + ", timeout " + c.callTimeout()
          + ", approvers " + c.approvers().describe() + ", annotation defaults "
          + c.annotationDefaults());
      return updated;
    }
  }

  public void setPermission(String adminId, String agentId, String serverId, String tool,
      ToolPermission permission) throws IOException {
    orgAdmin(adminId, "set tool permissions");
    java.util.Objects.requireNonNull(permission, "permission");
    ToolEntry seen = seen(serverId, tool);
    synchronized (connectorLock) {
      AgentConnector c = requireConnector(agentId, serverId);
      replace(c, c.withRule(tool, new ToolRule(permission,
          seen == null ? null : seen.hash(), adminId, settings.clock().instant())));
    }
    change(adminId, serverId, agentId, "set tool '" + tool + "' to " + permission, tool);
  }

  public void confirmDefinition(String adminId, String agentId, String serverId, String tool)
      throws IOException {
    orgAdmin(adminId, "confirm tool definitions");
    ToolEntry seen = seen(serverId, tool);
    if (seen == null) {
      throw new IllegalArgumentException("the current definition of tool '" + tool
          + "' is not known yet; list the agent's tools first");
    }
    synchronized (connectorLock) {
      AgentConnector c = requireConnector(agentId, serverId);
      ToolRule rule = c.rules().get(tool);
      if (rule == null) {
        throw new IllegalArgumentException("tool '" + tool + "' has no permission to confirm; "
            + "set one with setPermission");
      }
      replace(c, c.withRule(tool, new ToolRule(rule.permission(), seen.hash(),
          adminId, settings.clock().instant())));
    }
    change(adminId, serverId, agentId, "confirmed the new definition of tool '" + tool + "'",
        tool);
  }

  /** The tool's definition last seen in a call or listing, else the one in the catalogue. */
  private ToolEntry seen(String serverId, String tool) throws IOException {
    ToolEntry seen = catalog.lastSeen(serverId, tool);
    if (seen != null) {
      return seen;
    }
    dev.mcpkit.policy.ToolCatalog stored = discovery.store().find(serverId);
    if (stored != null) {
      for (dev.mcpkit.core.schema.Tools.Tool t : stored.tools()) {
        if (t.name().equals(tool)) {
          return ToolEntry.of(t);
        }
      }
    }
    return null;
  }

  Principal known(String principalId) throws IOException {
    return Principals.known(stores, principalId);
  }

  private Principal orgAdmin(String principalId, String what) throws IOException {
    return Principals.orgAdmin(stores, principalId, what);
  }

  private ServerRegistration requireServer(String serverId) throws IOException {
    ServerRegistration reg = stores.registry().find(serverId);
    if (reg == null) {
      throw new IllegalArgumentException("no server '" + serverId + "' is registered");
    }
    return reg;
  }

  /**
   * Writes {@code updated} only if the stored connector is still {@code read}: another instance that
   * changed it in between makes this change fail with a conflict the caller can retry, rather than
   * overwrite that change unseen.
   */
  private void replace(AgentConnector read, AgentConnector updated) throws IOException {
    if (!stores.connectors().replace(read, updated)) {
      throw new java.util.ConcurrentModificationException("the connector of server '"
          + read.serverId() + "' on agent '" + read.agentId() + "' was changed by someone else "
          + "while this change was made; nothing was written: read it again and retry");
    }
  }

  private AgentConnector requireConnector(String agentId, String serverId) throws IOException {
    AgentConnector c = stores.connectors().find(agentId, serverId);
    if (c == null) {
      throw new IllegalArgumentException("server '" + serverId + "' is not attached to agent '"
          + agentId + "'");
    }
    return c;
  }

  private void change(String principalId, String serverId, String agentId, String detail)
      throws IOException {
    change(principalId, serverId, agentId, detail, null);
  }

  private void change(String principalId, String serverId, String agentId, String detail,
      String tool) throws IOException {
    audit.record(AuditEvent.Type.ADMIN_CHANGE, new AuditWriter.Subject(principalId, agentId,
        serverId, tool, Ids.next()), null, null, null, null, "changed", detail);
  }
}
