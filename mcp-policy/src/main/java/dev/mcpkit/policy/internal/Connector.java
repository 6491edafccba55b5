package dev.mcpkit.policy.internal;

import dev.mcpkit.auth.AuthorizationRequiredException;
import dev.mcpkit.auth.AuthorizedConnection;
import dev.mcpkit.auth.McpAuthException;
import dev.mcpkit.auth.TokenSource;
import dev.mcpkit.auth.McpOAuth;
import dev.mcpkit.auth.TokenOwner;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.McpTimeoutException;
import dev.mcpkit.policy.AgentConnector;
import dev.mcpkit.policy.AuditEvent;
import dev.mcpkit.policy.CallOutcome;
import dev.mcpkit.policy.Connection;
import dev.mcpkit.policy.ConnectionMethod;
import dev.mcpkit.policy.ServerRegistration;
import dev.mcpkit.policy.ToolRule;
import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Gets a call ready: finds the connection to use (asking the user to connect when they have none),
 * connects the client, reads the tool's live definition and notices definition drift. Store failures
 * propagate (the caller fails closed); server failures become outcomes.
 */
final class Connector {
  private final Stores stores;
  private final Settings settings;
  private final Clients clients;
  private final Catalog catalog;
  private final McpOAuth oauth;
  private final AuditWriter audit;
  private final Object connectorLock;
  private final Set<String> reportedDrift = ConcurrentHashMap.newKeySet();

  Connector(Stores stores, Settings settings, Clients clients, Catalog catalog, McpOAuth oauth,
      AuditWriter audit, Object connectorLock) {
    this.stores = stores;
    this.settings = settings;
    this.clients = clients;
    this.catalog = catalog;
    this.oauth = oauth;
    this.audit = audit;
    this.connectorLock = connectorLock;
  }

  /** The connection, client and live tool for a call ({@code tool} null: only the client). */
  Prepared prepare(Access access, AuditWriter.Subject s, String tool) throws IOException {
    ServerRegistration reg = access.registration();
    Connection conn;
    if (access.connector().method() == ConnectionMethod.SHARED) {
      conn = access.sharedConnection();
      if (conn.status() != Connection.Status.CONNECTED) {
        return Prepared.stop(new CallOutcome.Denied("shared-connection", "the shared connection '"
            + conn.name() + "' has not been authorized yet; a workspace admin must connect it",
            s.correlationId()));
      }
    } else {
      conn = stores.connections().findPersonal(reg.id(), access.principalId());
      if (conn == null || conn.status() != Connection.Status.CONNECTED) {
        conn = connectThroughEnterprise(reg, conn, s);
        if (conn == null) {
          return Prepared.stop(connectionRequired(reg, stores.connections()
              .findPersonal(reg.id(), access.principalId()), s, null));
        }
      }
    }
    TokenOwner owner = conn.tokenOwner();
    try {
      McpClient client = clients.get(reg, owner);
      ToolEntry live = tool == null ? null : catalog.find(reg.id(), owner, client, tool);
      return new Prepared(owner, client, live, null);
    } catch (IOException | McpProtocolException e) {
      clients.evict(reg, owner);
      AuthorizationRequiredException required = authorizationRequired(e);
      if (required == null) {
        return Prepared.stop(new CallOutcome.Failed(serverFailure(reg, e), s.correlationId()));
      }
      if (conn.method() == ConnectionMethod.PER_USER) {
        return Prepared.stop(connectionRequired(reg, conn, s, required.authorizationUrl()));
      }
      return Prepared.stop(new CallOutcome.Denied("shared-connection", "the shared connection '"
          + conn.name() + "' needs to be authorized again by a workspace admin",
          s.correlationId()));
    }
  }

  /**
   * Connects the user's personal connection without a prompt when the enterprise identity provider
   * vouches for them (enterprise-managed authorization); null when it does not, or is not set up for
   * this server.
   */
  private Connection connectThroughEnterprise(ServerRegistration reg, Connection existing,
      AuditWriter.Subject s) throws IOException {
    if (!settings.enterprise() || reg.auth() != ServerRegistration.Auth.OAUTH
        || reg.oauthClient() == null) {
      return null;
    }
    TokenOwner owner = TokenOwner.user(s.principalId());
    AuthorizedConnection connected;
    try {
      connected = oauth.connectWithoutBrowser(owner, reg.url());
    } catch (McpAuthException refused) {
      // the identity provider or the authorization server said no (an expired ID token, a client
      // not allowed the grant): the user can still connect their account themselves
      return null;
    }
    if (connected == null || connected.source() != TokenSource.ENTERPRISE) {
      return null;
    }
    Connection conn = existing != null ? existing.withStatus(Connection.Status.CONNECTED)
        : new Connection(Ids.next(), reg.id(), ConnectionMethod.PER_USER, s.principalId(),
            reg.name(), Connection.Status.CONNECTED, List.of(), settings.clock().instant());
    stores.connections().put(conn);
    clients.evict(reg, owner);
    audit.recordRedacted(AuditEvent.Type.CONNECTION_CHANGE,
        new AuditWriter.Subject(s.principalId(), null, reg.id(), null, s.correlationId()),
        null, null, null, null, "connected", "connected '" + conn.name() + "' for '"
            + s.principalId() + "' through the enterprise identity provider, without a prompt",
        tokenSourceName(TokenSource.ENTERPRISE));
    return conn;
  }

  /**
   * Which way the credential of {@code owner} at {@code reg} was obtained, for the log: what the
   * client's credential interceptor last sent (no store read on the call path).
   */
  String tokenSource(ServerRegistration reg, TokenOwner owner) {
    return clients.tokenSource(reg, owner);
  }

  static String tokenSourceName(TokenSource source) {
    return source == TokenSource.USER_AUTHORIZATION ? "user_oauth"
        : source.name().toLowerCase(java.util.Locale.ROOT);
  }

  /** The authorization-required exception in {@code e}'s causes, or null. */
  static AuthorizationRequiredException authorizationRequired(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof AuthorizationRequiredException a) {
        return a;
      }
    }
    return null;
  }

  /** A connection-required outcome, creating the user's pending connection if needed. */
  CallOutcome.ConnectionRequired connectionRequired(ServerRegistration reg, Connection existing,
      AuditWriter.Subject s, URI url) throws IOException {
    Connection conn = existing;
    if (conn == null) {
      conn = new Connection(Ids.next(), reg.id(), ConnectionMethod.PER_USER,
          s.principalId(), reg.name(), Connection.Status.PENDING, List.of(),
          settings.clock().instant());
      stores.connections().put(conn);
    } else if (conn.status() == Connection.Status.CONNECTED) {
      conn = conn.withStatus(Connection.Status.PENDING);
      stores.connections().put(conn);
    }
    URI authorizationUrl = url;
    if (authorizationUrl == null && reg.auth() == ServerRegistration.Auth.OAUTH) {
      authorizationUrl = oauth.begin(conn.tokenOwner(), reg.url()).authorizationUrl();
    }
    audit.record(AuditEvent.Type.DENIAL, s, null, null, null, null, "connection_required",
        "'" + s.principalId() + "' has to connect an account to server '" + reg.name() + "'");
    return new CallOutcome.ConnectionRequired(reg.id(), reg.name(), conn.id(), reg.auth(),
        authorizationUrl, s.correlationId());
  }

  /**
   * Binds a rule set before the tool was seen to the first definition seen, and logs drift once per
   * new definition. Returns true when it changed the stored connector (the caller's {@code access}
   * is then out of date).
   */
  boolean observe(Access access, String tool, ToolEntry live) throws IOException {
    AgentConnector c = access.connector();
    ToolRule rule = c.rules().get(tool);
    if (rule == null || live == null) {
      return false;
    }
    if (rule.definitionHash() == null) {
      synchronized (connectorLock) {
        AgentConnector current = stores.connectors().find(c.agentId(), c.serverId());
        ToolRule r = current == null ? null : current.rules().get(tool);
        if (r != null && r.definitionHash() == null) {
          // another instance binding it first is as good: both saw the same live definition
          stores.connectors().replace(current, current.withRule(tool, r.withDefinition(live.hash())));
        }
      }
      return true;
    } else if (!rule.definitionHash().equals(live.hash())
        && reportedDrift.add(c.agentId() + "\n" + c.serverId() + "\n" + tool + "\n" + live.hash())
        && stores.connectors().claimDriftReport(c.agentId(), c.serverId(), tool, live.hash())) {
      audit.record(AuditEvent.Type.DEFINITION_DRIFT,
          new AuditWriter.Subject(null, c.agentId(), c.serverId(), tool,
              Ids.next()),
          live.tool().inputSchema(), null, null, null, "changed",
          "server '" + access.registration().name() + "' changed the definition of '" + tool
              + "' (description: " + live.tool().description() + ") after its permission was set; "
              + "it falls back to " + (c.onDrift() != null ? c.onDrift() : settings.onDrift())
              + " until an admin confirms it");
    }
    return false;
  }

  static String serverFailure(ServerRegistration reg, Exception e) {
    if (e instanceof McpTimeoutException) {
      return "server '" + reg.name() + "' did not answer in time: " + e.getMessage();
    }
    if (e instanceof McpProtocolException p) {
      return "server '" + reg.name() + "' answered with JSON-RPC error " + p.code() + ": "
          + p.getMessage();
    }
    return Redactor.redactUrls("server '" + reg.name() + "' at " + reg.url()
        + " could not be used: " + e.getMessage());
  }
}
