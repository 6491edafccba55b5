package dev.mcpkit.policy.internal;

import dev.mcpkit.auth.ApiKeyAuth;
import dev.mcpkit.auth.McpOAuth;
import dev.mcpkit.auth.OAuthServerCredentials;
import dev.mcpkit.policy.AuditEvent;
import dev.mcpkit.policy.Connection;
import dev.mcpkit.policy.ConnectionMethod;
import dev.mcpkit.policy.ConnectionShare;
import dev.mcpkit.policy.PolicyDeniedException;
import dev.mcpkit.policy.Principal;
import dev.mcpkit.policy.ServerRegistration;
import dev.mcpkit.policy.Sharing;
import java.io.IOException;
import java.net.URI;
import java.util.List;

/**
 * Connections: open, authorize (OAuth through mcp-auth) or save an API key, rename, share, delete
 * (revoking the tokens) and skip. Credentials go only to mcp-auth's encrypted store.
 */
public final class ConnectionOps {
  private final Stores stores;
  private final Settings settings;
  private final McpOAuth oauth;
  private final ApiKeyAuth apiKeys;
  private final Clients clients;
  private final AuditWriter audit;
  private final AdminOps admin;
  private final CatalogDiscovery discovery;
  private final SecretVault secrets;

  ConnectionOps(Stores stores, Settings settings, McpOAuth oauth, ApiKeyAuth apiKeys,
      Clients clients, AuditWriter audit, AdminOps admin, CatalogDiscovery discovery,
      SecretVault secrets) {
    this.discovery = discovery;
    this.secrets = secrets;
    this.stores = stores;
    this.settings = settings;
    this.oauth = oauth;
    this.apiKeys = apiKeys;
    this.clients = clients;
    this.audit = audit;
    this.admin = admin;
  }

  /** The user's own connection to {@code serverId}, created pending if they have none. */
  public Connection openPersonal(String userId, String serverId) throws IOException {
    Principal p = admin.known(userId);
    ServerRegistration reg = server(serverId);
    Sharing sharing = stores.sharing().find(serverId);
    // an organization admin may connect any server: their connection lists its tool catalogue
    if (!p.organizationAdmin() && (sharing == null || !sharing.allows(p))) {
      throw new PolicyDeniedException("server-sharing", "server '" + reg.name()
          + "' is not shared with '" + userId + "'");
    }
    Connection existing = stores.connections().findPersonal(serverId, userId);
    if (existing != null) {
      return existing;
    }
    Connection conn = new Connection(Ids.next(), serverId,
        ConnectionMethod.PER_USER, userId, reg.name(), Connection.Status.PENDING, List.of(),
        settings.clock().instant());
    stores.connections().put(conn);
    event(userId, conn, "created", "created a personal connection to '" + reg.name() + "'");
    return conn;
  }

  /** A shared connection (service account); only workspace admins set one up. */
  public Connection openShared(String adminId, String serverId, String name,
      List<ConnectionShare> shares) throws IOException {
    Principal p = admin.known(adminId);
    if (!p.workspaceAdmin() && !p.organizationAdmin()) {
      throw new PolicyDeniedException("workspace-admin", "only workspace admins set up shared "
          + "connections; '" + adminId + "' is not one");
    }
    server(serverId);
    Checks.notBlank(name, "name");
    Connection conn = new Connection(Ids.next(), serverId,
        ConnectionMethod.SHARED, adminId, name, Connection.Status.PENDING, shares,
        settings.clock().instant());
    stores.connections().put(conn);
    event(adminId, conn, "created", "set up shared connection '" + name + "' shared with "
        + shares);
    return conn;
  }

  /** Starts (or restarts: reconnect) the OAuth flow; returns the URL to send the user to. */
  public URI authorize(String principalId, String connectionId) throws IOException {
    Connection conn = managed(principalId, connectionId);
    ServerRegistration reg = server(conn.serverId());
    if (reg.auth() != ServerRegistration.Auth.OAUTH) {
      throw new IllegalArgumentException("server '" + reg.name() + "' uses an API key, not OAuth; "
          + "save the key with saveApiKey");
    }
    URI url = oauth.begin(conn.tokenOwner(), reg.url()).authorizationUrl();
    event(principalId, conn, "authorization_started", "started the authorization of '"
        + conn.name() + "'");
    return url;
  }

  /** Completes the OAuth flow with the callback URL; the connection is then usable. */
  public Connection complete(String principalId, String connectionId, URI callbackUrl)
      throws IOException {
    Connection conn = managed(principalId, connectionId);
    ServerRegistration reg = server(conn.serverId());
    oauth.complete(conn.tokenOwner(), callbackUrl);
    Connection connected = conn.withStatus(Connection.Status.CONNECTED);
    stores.connections().put(connected);
    clients.evict(reg, conn.tokenOwner());
    event(principalId, conn, "connected", "connected '" + conn.name() + "' with OAuth");
    discoverWith(connected);
    return connected;
  }

  /**
   * Connects a shared connection as a service account with the client credentials grant, using the
   * server's custom OAuth client and its stored secret; no browser step.
   */
  public Connection connectWithClientCredentials(String principalId, String connectionId)
      throws IOException {
    Connection conn = managed(principalId, connectionId);
    ServerRegistration reg = server(conn.serverId());
    if (conn.method() != ConnectionMethod.SHARED) {
      throw new IllegalArgumentException("connection '" + conn.name() + "' is personal; client"
          + " credentials are for shared connections (a service account)");
    }
    ServerRegistration.OAuthClient client = reg.oauthClient();
    if (reg.auth() != ServerRegistration.Auth.OAUTH || client == null
        || !client.hasClientSecret()) {
      throw new IllegalArgumentException("server '" + reg.name() + "' has no custom OAuth client"
          + " with a secret; register one to use client credentials");
    }
    OAuthServerCredentials.Builder creds = OAuthServerCredentials.builder(client.clientId())
        .clientSecret(secrets.get(reg.id())).clientCredentialsGrant();
    if (client.scope() != null) {
      creds.scope(client.scope());
    }
    oauth.connectWithClientCredentials(conn.tokenOwner(), reg.url(), creds.build());
    Connection connected = conn.withStatus(Connection.Status.CONNECTED);
    stores.connections().put(connected);
    clients.evict(reg, conn.tokenOwner());
    audit.recordRedacted(AuditEvent.Type.CONNECTION_CHANGE, new AuditWriter.Subject(principalId,
        null, conn.serverId(), null, conn.id()), null, null, null, null, "connected",
        "connected '" + conn.name() + "' as a service account with client credentials",
        "client_credentials");
    return connected;
  }

  /** Saves the API key of an API-key server's connection (encrypted, in mcp-auth's store). */
  public Connection saveApiKey(String principalId, String connectionId, String apiKey)
      throws IOException {
    Connection conn = managed(principalId, connectionId);
    ServerRegistration reg = server(conn.serverId());
    if (reg.auth() != ServerRegistration.Auth.API_KEY) {
      throw new IllegalArgumentException("server '" + reg.name() + "' uses OAuth, not an API key; "
          + "use authorize and completeAuthorization");
    }
    ApiKeyAuth.Header header = reg.apiKeyHeader().equalsIgnoreCase("Authorization")
        ? ApiKeyAuth.Header.bearer() : ApiKeyAuth.Header.named(reg.apiKeyHeader());
    apiKeys.save(conn.tokenOwner(), reg.url(), apiKey, header);
    Connection connected = conn.withStatus(Connection.Status.CONNECTED);
    stores.connections().put(connected);
    clients.evict(reg, conn.tokenOwner());
    event(principalId, conn, "connected", "connected '" + conn.name() + "' with an API key");
    discoverWith(connected);
    return connected;
  }

  public Connection rename(String principalId, String connectionId, String name)
      throws IOException {
    Checks.notBlank(name, "name");
    Checks.maxLength(name, 100, "name");
    Connection conn = managed(principalId, connectionId);
    Connection renamed = conn.withName(name);
    stores.connections().put(renamed);
    event(principalId, conn, "renamed", "renamed '" + conn.name() + "' to '" + name + "'");
    return renamed;
  }

  public Connection share(String principalId, String connectionId, List<ConnectionShare> shares)
      throws IOException {
    Connection conn = managed(principalId, connectionId);
    Connection shared = conn.withShares(shares);
    stores.connections().put(shared);
    event(principalId, conn, "shared", "shared '" + conn.name() + "' with " + shares);
    return shared;
  }

  /** Revokes the credentials at the authorization server (best effort), deletes them and the record. */
  public void delete(String principalId, String connectionId) throws IOException {
    Connection conn = managed(principalId, connectionId);
    ServerRegistration reg = stores.registry().find(conn.serverId());
    if (reg != null) {
      if (reg.auth() == ServerRegistration.Auth.OAUTH) {
        oauth.disconnect(conn.tokenOwner(), reg.url());
      } else {
        apiKeys.remove(conn.tokenOwner(), reg.url());
      }
      clients.evict(reg, conn.tokenOwner());
    }
    stores.connections().remove(connectionId);
    event(principalId, conn, "deleted", "deleted '" + conn.name() + "' and revoked its credentials");
  }

  /** Records that the user dismissed the connect prompt; they are asked again on their next call. */
  public void skip(String principalId, String agentId, String serverId) throws IOException {
    admin.known(principalId);
    audit.record(AuditEvent.Type.CONNECTION_CHANGE, new AuditWriter.Subject(principalId, agentId,
        serverId, null, Ids.next()), null, null, null, null, "skipped",
        "'" + principalId + "' skipped connecting to server '" + serverId + "' for now");
  }

  /** A shared or an organization admin's connection lists the server's tool catalogue. */
  private void discoverWith(Connection connected) throws IOException {
    if (discovery.usable(connected)) {
      discovery.tryRefresh(connected.method() == ConnectionMethod.SHARED ? null
          : connected.ownerId(), connected.serverId());
    }
  }

  private Connection managed(String principalId, String connectionId) throws IOException {
    Principal p = admin.known(principalId);
    Connection conn = stores.connections().find(connectionId);
    if (conn == null) {
      throw new IllegalArgumentException("there is no connection '" + connectionId + "'");
    }
    if (!conn.allows(p, ConnectionShare.Permission.MANAGE)) {
      throw new PolicyDeniedException("connection-owner", "'" + principalId + "' may not manage "
          + "connection '" + conn.name() + "'" + (conn.method() == ConnectionMethod.PER_USER
              ? ": it is another user's personal connection" : ": it is not shared with them to manage"));
    }
    return conn;
  }

  private ServerRegistration server(String serverId) throws IOException {
    ServerRegistration reg = stores.registry().find(serverId);
    if (reg == null) {
      throw new IllegalArgumentException("no server '" + serverId + "' is registered");
    }
    return reg;
  }

  private void event(String principalId, Connection conn, String outcome, String detail)
      throws IOException {
    audit.record(AuditEvent.Type.CONNECTION_CHANGE, new AuditWriter.Subject(principalId, null,
        conn.serverId(), null, conn.id()), null, null, null, null, outcome, detail);
  }
}
