package dev.mcpkit.policy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.auth.EnterpriseAuthorization;
import dev.mcpkit.auth.IdentityAssertionProvider;
import dev.mcpkit.auth.McpOAuth;
import dev.mcpkit.auth.OAuthServerCredentials;
import dev.mcpkit.auth.TokenOwner;
import dev.mcpkit.auth.spi.TokenKey;
import dev.mcpkit.auth.spi.InMemoryTokenStore;
import dev.mcpkit.auth.spi.SecretCipher;
import dev.mcpkit.auth.spi.TokenStore;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.policy.internal.Activity;
import dev.mcpkit.policy.internal.Engine;
import dev.mcpkit.policy.internal.SecretVault;
import dev.mcpkit.policy.internal.Settings;
import dev.mcpkit.policy.internal.Stores;
import dev.mcpkit.policy.spi.ApprovalStore;
import dev.mcpkit.policy.spi.AuditQuery;
import dev.mcpkit.policy.spi.AuditSink;
import dev.mcpkit.policy.spi.ConnectionStore;
import dev.mcpkit.policy.spi.ConnectorStore;
import dev.mcpkit.policy.spi.Directory;
import dev.mcpkit.policy.spi.InMemoryApprovalStore;
import dev.mcpkit.policy.spi.InMemoryAuditLog;
import dev.mcpkit.policy.spi.InMemoryConnectionStore;
import dev.mcpkit.policy.spi.InMemoryConnectorStore;
import dev.mcpkit.policy.spi.InMemoryRegistryStore;
import dev.mcpkit.policy.spi.InMemorySharingStore;
import dev.mcpkit.policy.spi.InMemoryToolCatalogStore;
import dev.mcpkit.policy.spi.RegistryStore;
import dev.mcpkit.policy.spi.SharingStore;
import dev.mcpkit.policy.spi.ToolCatalogStore;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Governance of MCP tool calls for a host application: admins register servers and share them,
 * users attach them to agents and connect their accounts, admins set a permission per tool, and every
 * call an agent makes goes through {@link #invoke}, which returns a {@link CallOutcome}. Every call,
 * denial, approval, connection change and admin change is an {@link AuditEvent}.
 *
 * <p>Built once with {@link #builder()}; every store is a builder argument (in-memory by default).
 * Thread-safe. Methods block on stores and on the network (use virtual threads or a pool).
 * Administrative methods throw {@link PolicyDeniedException} when the acting user may not do what they
 * asked, {@link IllegalArgumentException} for bad input, and {@link IOException} when a store or the
 * authorization server fails; nothing is changed in those cases. {@link #invoke} and
 * {@link #approve} never throw for a failing store: they fail closed with {@link CallOutcome.Failed}.
 *
 * <p>Who a {@link Principal} is and which groups they are in is always read from the
 * {@link Directory} by id at the time of the call.
 */
public final class McpGovernance implements Closeable {
  private final Engine engine;
  private final AuditQuery auditQuery;
  private final Activity activity;

  private McpGovernance(Engine engine, AuditQuery auditQuery, Activity activity) {
    this.engine = engine;
    this.auditQuery = auditQuery;
    this.activity = activity;
  }

  public static Builder builder() {
    return new Builder();
  }

  // ---- registry and sharing (organization admins) -----------------------------------------------

  /** Registers (or updates) a server without a client secret. */
  public ServerRegistration registerServer(Principal admin, ServerRegistration server)
      throws IOException {
    return engine.admin.register(admin.id(), server, null);
  }

  /**
   * Registers (or updates) a server whose custom OAuth client has {@code clientSecret}. The secret is
   * encrypted into mcp-auth's token store and never returned; the registration records only that
   * there is one. Updating a registration without a secret keeps a stored one.
   */
  public ServerRegistration registerServer(Principal admin, ServerRegistration server,
      String clientSecret) throws IOException {
    return engine.admin.register(admin.id(), server, clientSecret);
  }

  /** Removes a server, its sharing and its stored client secret. */
  public void removeServer(Principal admin, String serverId) throws IOException {
    engine.admin.unregister(admin.id(), serverId);
  }

  /** Sets with whom a server is shared; takes effect on each user's next call. */
  public void share(Principal admin, String serverId, Sharing sharing) throws IOException {
    engine.admin.share(admin.id(), serverId, sharing);
  }

  // ---- agents, connectors and permissions --------------------------------------------------------

  /**
   * Attaches a server to an agent. Anyone the server is shared with may attach it; only organization
   * admins may include tool rules or defaults; a shared connection needs a workspace admin (or a
   * manager of that connection).
   */
  public AgentConnector attach(Principal principal, AgentConnector connector) throws IOException {
    return engine.admin.attach(principal.id(), connector);
  }

  public void detach(Principal principal, String agentId, String serverId) throws IOException {
    engine.admin.detach(principal.id(), agentId, serverId);
  }

  /**
   * Changes a connector's settings (new-tool default, drift fallback, timeout, approvers).
   *
   * @throws java.util.ConcurrentModificationException when another instance changed the connector
   *     at the same time; nothing was written, and the change can be retried
   */
  public AgentConnector configure(Principal admin, AgentConnector connector) throws IOException {
    return engine.admin.configure(admin.id(), connector);
  }

  /**
   * Sets the permission of one tool, bound to the definition last seen for it.
   *
   * @throws java.util.ConcurrentModificationException when another instance changed the connector
   *     at the same time; nothing was written, and the change can be retried
   */
  public void setPermission(Principal admin, String agentId, String serverId, String tool,
      ToolPermission permission) throws IOException {
    engine.admin.setPermission(admin.id(), agentId, serverId, tool, permission);
  }

  /**
   * Accepts a tool's changed definition, lifting the drift fallback.
   *
   * @throws java.util.ConcurrentModificationException when another instance changed the connector
   *     at the same time; nothing was written, and the change can be retried
   */
  public void confirmDefinition(Principal admin, String agentId, String serverId, String tool)
      throws IOException {
    engine.admin.confirmDefinition(admin.id(), agentId, serverId, tool);
  }

  // ---- connections -------------------------------------------------------------------------------

  /** The user's personal connection to a server (pending until authorized), creating it if needed. */
  public Connection openConnection(Principal user, String serverId) throws IOException {
    return engine.connections.openPersonal(user.id(), serverId);
  }

  /** Sets up a shared connection (workspace admins only), pending until authorized. */
  public Connection openSharedConnection(Principal workspaceAdmin, String serverId, String name,
      List<ConnectionShare> shares) throws IOException {
    return engine.connections.openShared(workspaceAdmin.id(), serverId, name, shares);
  }

  /** Begins (or, to reconnect, begins again) the OAuth flow: the URL to send the user to. */
  public URI authorize(Principal principal, String connectionId) throws IOException {
    return engine.connections.authorize(principal.id(), connectionId);
  }

  /** Completes the OAuth flow with the callback URL the authorization server redirected to. */
  public Connection completeAuthorization(Principal principal, String connectionId,
      URI callbackUrl) throws IOException {
    return engine.connections.complete(principal.id(), connectionId, callbackUrl);
  }

  /**
   * Connects a shared connection as a service account with the OAuth client credentials grant, using
   * the server's custom OAuth client and its stored secret (no browser step). Only those who manage
   * the connection may.
   */
  public Connection connectWithClientCredentials(Principal principal, String connectionId)
      throws IOException {
    return engine.connections.connectWithClientCredentials(principal.id(), connectionId);
  }

  /** Connects an API-key server's connection with {@code apiKey} (stored encrypted). */
  public Connection saveApiKey(Principal principal, String connectionId, String apiKey)
      throws IOException {
    return engine.connections.saveApiKey(principal.id(), connectionId, apiKey);
  }

  public Connection renameConnection(Principal principal, String connectionId, String name)
      throws IOException {
    return engine.connections.rename(principal.id(), connectionId, name);
  }

  /** Replaces the shares of a shared connection. */
  public Connection shareConnection(Principal principal, String connectionId,
      List<ConnectionShare> shares) throws IOException {
    return engine.connections.share(principal.id(), connectionId, shares);
  }

  /** Revokes the connection's tokens at the authorization server and deletes it. */
  public void deleteConnection(Principal principal, String connectionId) throws IOException {
    engine.connections.delete(principal.id(), connectionId);
  }

  /** The user dismissed the connect prompt; recorded, and they are asked again on the next call. */
  public void skipConnection(Principal user, String agentId, String serverId) throws IOException {
    engine.connections.skip(user.id(), agentId, serverId);
  }

  // ---- governed calls ----------------------------------------------------------------------------

  /**
   * Calls {@code tool} on {@code serverId} for {@code principal} through {@code agentId}, if the
   * policy allows it now; see {@link CallOutcome} for the possible answers. Never throws for a store
   * or server failure (those are {@link CallOutcome.Failed}); {@code arguments} may be null.
   */
  public CallOutcome invoke(Principal principal, String agentId, String serverId, String tool,
      ObjectNode arguments) {
    Objects.requireNonNull(principal, "principal");
    return engine.calls.invoke(principal.id(), agentId, serverId, tool, arguments);
  }

  /**
   * {@link #invoke} with arguments given as a map or record.
   *
   * @throws IllegalArgumentException when the arguments are not a JSON object (a list, a string,
   *     a number...): tools take named arguments
   */
  public CallOutcome invoke(Principal principal, String agentId, String serverId, String tool,
      Object arguments) {
    if (arguments == null) {
      return invoke(principal, agentId, serverId, tool, (ObjectNode) null);
    }
    JsonNode tree = McpJson.toTree(arguments);
    if (!(tree instanceof ObjectNode args)) {
      throw new IllegalArgumentException("arguments of tool '" + tool + "' must be a JSON object"
          + " (a map or a record), got " + tree.getNodeType().toString().toLowerCase(Locale.ROOT)
          + " from " + arguments.getClass().getName());
    }
    return invoke(principal, agentId, serverId, tool, args);
  }

  /**
   * Approves a pending request and runs its call exactly once, returning its outcome. Refused (as
   * {@link CallOutcome.Denied}) when the request is unknown, used, expired, the approver may not
   * approve it, or the policy or arguments changed since it was requested.
   */
  public CallOutcome approve(String approvalId, Principal approver) {
    return engine.calls.approve(approvalId, approver.id());
  }

  /** Rejects a pending request (the requester may always withdraw their own). */
  public ApprovalRequest reject(String approvalId, Principal approver, String reason)
      throws IOException {
    return engine.calls.reject(approvalId, approver.id(), reason);
  }

  /**
   * The tools {@code agentId} may offer {@code principal}, listed live from each server the user may
   * use; disabled tools are left out.
   */
  public AgentTools listTools(Principal principal, String agentId) throws IOException {
    return engine.tools.list(principal.id(), agentId);
  }

  /** Why this user can or cannot call this tool: every rule that applied, in order. */
  public Decision explain(Principal principal, String agentId, String serverId, String tool)
      throws IOException {
    return engine.tools.decide(principal.id(), agentId, serverId, tool, true);
  }

  /** The same decision as {@link #explain} without the list of rules: cheap enough for every call. */
  public Decision decide(Principal principal, String agentId, String serverId, String tool)
      throws IOException {
    return engine.tools.decide(principal.id(), agentId, serverId, tool, false);
  }

  // ---- activity log ------------------------------------------------------------------------------

  /** The newest {@code limit} events of a user. */
  public List<AuditEvent> history(Principal principal, int limit) throws IOException {
    return auditQuery.byPrincipal(principal.id(), limit);
  }

  /** The newest {@code limit} events of an agent. */
  public List<AuditEvent> agentHistory(String agentId, int limit) throws IOException {
    return auditQuery.byAgent(agentId, limit);
  }

  // ---- the read side: what the screens show --------------------------------------------------------
  // Every query is paged (pass null as the cursor for the first page, then Page.nextCursor; limit
  // 1 to Page.MAX_LIMIT) and answers only what the viewer may see: an organization admin sees
  // everything, anyone else what is shared with them. Data is read from the stores on every call.

  /**
   * The registered servers {@code viewer} may attach to an agent ("+ Add Connector"), by id; every
   * server for an organization admin (the MCP Servers tab).
   */
  public Page<ServerRegistration> servers(Principal viewer, String cursor, int limit)
      throws IOException {
    return engine.reads.servers(viewer.id(), cursor, limit);
  }

  /** With whom a server is shared ({@link Sharing#NOBODY} if never); organization admins only. */
  public Sharing sharing(Principal admin, String serverId) throws IOException {
    return engine.reads.sharing(admin.id(), serverId);
  }

  /**
   * The connectors of {@code agentId} whose server {@code viewer} may use, by server id; every
   * connector for an organization admin.
   */
  public Page<AgentConnector> connectors(Principal viewer, String agentId, String cursor,
      int limit) throws IOException {
    return engine.reads.connectors(viewer.id(), agentId, cursor, limit);
  }

  /**
   * The connections to {@code serverId} that {@code viewer} may pick: their own personal connection
   * and the shared connections shared with them; every connection for an organization admin. Needs
   * a {@link ConnectionStore} that implements {@link ConnectionStore#listByServer}.
   */
  public Page<Connection> connections(Principal viewer, String serverId, String cursor, int limit)
      throws IOException {
    return engine.reads.connections(viewer.id(), serverId, cursor, limit);
  }

  /**
   * Lists the server's tools now, with the admin's own connection, a shared connection or another
   * organization admin's connection, and stores them as its {@link ToolCatalog}. Also done when the
   * server is registered or updated, when such a connection is completed, and when the server
   * announces that its tool list changed. Organization admins only; {@link IllegalStateException}
   * when no such connection exists yet.
   */
  public ToolCatalog refreshToolCatalog(Principal admin, String serverId) throws IOException {
    engine.reads.orgAdmin(admin.id(), "refresh tool catalogues");
    return engine.discovery.refresh(admin.id(), serverId);
  }

  /** The server's stored tool catalogue, or null before it was discovered; organization admins. */
  public ToolCatalog toolCatalog(Principal admin, String serverId) throws IOException {
    return engine.reads.catalog(admin.id(), serverId);
  }

  /**
   * Every tool of the server's catalogue on the agent's connector, with its rule, the permission
   * that applies now and whether its definition drifted (the tool permission screen), by tool
   * name; works before any user connected. Empty before the catalogue was discovered.
   * Organization admins only.
   */
  public Page<ToolSetting> toolSettings(Principal admin, String agentId, String serverId,
      String cursor, int limit) throws IOException {
    return engine.reads.toolSettings(admin.id(), agentId, serverId, cursor, limit);
  }

  /**
   * The pending, unexpired approval requests {@code approver} may approve, oldest first, with their
   * arguments as the server's {@link PayloadPolicy} lets approvers see them. Needs an
   * {@link ApprovalStore} that implements {@link ApprovalStore#listPending}.
   */
  public Page<ApprovalRequest> approvals(Principal approver, String cursor, int limit)
      throws IOException {
    return engine.reads.approvals(approver.id(), cursor, limit);
  }

  /**
   * Activity-log events matching {@code filter}, newest first. Organization admins and auditors
   * (see {@link Builder#auditorGroup}) see every event with its input and result; anyone else only
   * their own events, without inputs and results. Needs an {@link AuditQuery} that implements
   * {@link AuditQuery#search}.
   */
  public Page<AuditEvent> activity(Principal viewer, AuditFilter filter, String cursor, int limit)
      throws IOException {
    return activity.page(viewer.id(), filter, cursor, limit);
  }

  /** The events of one call by its correlation id, oldest first, as {@link #activity} shows them. */
  public List<AuditEvent> callEvents(Principal viewer, String correlationId) throws IOException {
    return activity.call(viewer.id(), correlationId);
  }

  /**
   * Writes the events {@code viewer} may see (as {@link #activity} shows them) to {@code out} as JSON
   * lines, newest first; returns how many.
   */
  public long exportActivity(Principal viewer, AuditFilter filter, Writer out) throws IOException {
    return activity.export(viewer.id(), filter, out);
  }

  /**
   * Deletes the events older than {@link Builder#activityRetention} by the engine's clock; returns
   * how many (0 when no retention was set). Hosts call it on a schedule. Needs an
   * {@link AuditQuery} that implements {@link AuditQuery#purgeBefore}.
   */
  public int purgeExpiredActivity() throws IOException {
    return activity.purge();
  }

  /** Closes the connected MCP clients. */
  @Override
  public void close() {
    engine.close();
  }

  /** Builds {@link McpGovernance}. Only {@link #cipher} is required. */
  public static final class Builder {
    private Directory directory;
    private RegistryStore registry = new InMemoryRegistryStore();
    private SharingStore sharing = new InMemorySharingStore();
    private ConnectorStore connectors = new InMemoryConnectorStore();
    private ConnectionStore connections = new InMemoryConnectionStore();
    private ApprovalStore approvals = new InMemoryApprovalStore();
    private AuditSink auditSink;
    private AuditQuery auditQuery;
    private TokenStore tokenStore = new InMemoryTokenStore();
    private SecretCipher cipher;
    private McpOAuth.Builder oauth;
    private Consumer<McpOAuth.Builder> oauthSettings = b -> { };
    private EnterpriseAuthorization enterprise;
    private ToolPermission newToolPermission = ToolPermission.NEEDS_APPROVAL;
    private ToolPermission onDrift = ToolPermission.NEEDS_APPROVAL;
    private Duration approvalTtl = Duration.ofMinutes(15);
    private Duration callTimeout = Duration.ofSeconds(30);
    private Duration toolListTtl = Duration.ofMinutes(1);
    private Clock clock = Clock.systemUTC();
    private java.util.function.BiConsumer<dev.mcpkit.auth.TokenOwner,
        dev.mcpkit.client.McpClient.Builder> clients = (owner, b) -> { };
    private ToolCatalogStore toolCatalogs = new InMemoryToolCatalogStore();
    private String auditorGroup;
    private Duration activityRetention;

    private Builder() {}

    /** Who users are; required. */
    public Builder directory(Directory directory) {
      this.directory = Objects.requireNonNull(directory, "directory");
      return this;
    }

    public Builder registry(RegistryStore registry) {
      this.registry = Objects.requireNonNull(registry, "registry");
      return this;
    }

    public Builder sharing(SharingStore sharing) {
      this.sharing = Objects.requireNonNull(sharing, "sharing");
      return this;
    }

    public Builder connectors(ConnectorStore connectors) {
      this.connectors = Objects.requireNonNull(connectors, "connectors");
      return this;
    }

    public Builder connections(ConnectionStore connections) {
      this.connections = Objects.requireNonNull(connections, "connections");
      return this;
    }

    public Builder approvals(ApprovalStore approvals) {
      this.approvals = Objects.requireNonNull(approvals, "approvals");
      return this;
    }

    /**
     * Where the activity log goes, and how it is read back. Default: an {@link InMemoryAuditLog}
     * (which logs to SLF4J too). A sink without a query makes {@link #history} fail.
     */
    public Builder audit(AuditSink sink, AuditQuery query) {
      this.auditSink = Objects.requireNonNull(sink, "sink");
      this.auditQuery = query;
      return this;
    }

    /** mcp-auth's credential store (tokens, API keys, client secrets); default in memory. */
    public Builder tokenStore(TokenStore tokenStore) {
      this.tokenStore = Objects.requireNonNull(tokenStore, "tokenStore");
      return this;
    }

    /** Encrypts every credential before the token store sees it; required. */
    public Builder cipher(SecretCipher cipher) {
      this.cipher = Objects.requireNonNull(cipher, "cipher");
      return this;
    }

    /**
     * The OAuth client's settings (redirect URI, client name, HTTP client...), applied to a builder
     * this one makes when it builds; after them the token store, cipher, clock and credentials
     * lookup are set from this builder (custom OAuth clients of registered servers are looked up
     * in the registry), so settings of those four are replaced.
     */
    /**
     * Enterprise-managed authorization: a user's first call to an OAuth server with a custom OAuth
     * client connects their personal connection without a prompt when {@code idp}'s identity
     * assertion provider has an ID token for them ({@code TokenOwner.user(principalId)}) and the
     * server's authorization server accepts the JWT bearer grant; otherwise the user is asked to
     * connect as before. Shared connections never use it.
     */
    public Builder enterpriseAuthorization(EnterpriseAuthorization idp) {
      IdentityAssertionProvider users = idp.assertions();
      EnterpriseAuthorization.Builder b = EnterpriseAuthorization
          .builder(idp.tokenEndpoint(), idp.clientId())
          .assertions(owner -> owner.kind() == TokenOwner.Kind.USER ? users.idToken(owner) : null);
      if (idp.clientSecret() != null) {
        b.clientSecret(idp.clientSecret());
      }
      this.enterprise = b.build();
      return this;
    }

    public Builder oauthSettings(Consumer<McpOAuth.Builder> settings) {
      this.oauthSettings = Objects.requireNonNull(settings, "settings");
      this.oauth = null;
      return this;
    }

    /**
     * The OAuth client's settings, as a builder this builder then writes its token store, cipher,
     * clock and credentials lookup into.
     *
     * @deprecated writes into a builder the caller still holds; use {@link #oauthSettings}
     */
    @Deprecated(since = "0.1.0", forRemoval = true)
    public Builder oauth(McpOAuth.Builder oauth) {
      this.oauth = Objects.requireNonNull(oauth, "oauth");
      return this;
    }

    /** The permission of tools no admin has set a permission for; default NEEDS_APPROVAL. */
    public Builder newToolPermission(ToolPermission permission) {
      this.newToolPermission = Objects.requireNonNull(permission, "permission");
      return this;
    }

    /** What a tool whose definition changed falls back to; default NEEDS_APPROVAL. */
    public Builder onDrift(ToolPermission permission) {
      if (permission == ToolPermission.ALWAYS_ALLOW) {
        throw new IllegalArgumentException("onDrift must be NEEDS_APPROVAL or DISABLED");
      }
      this.onDrift = Objects.requireNonNull(permission, "permission");
      return this;
    }

    /** How long an approval request stays valid; default 15 minutes. */
    public Builder approvalTtl(Duration ttl) {
      this.approvalTtl = positive(ttl, "approvalTtl");
      return this;
    }

    /** How long a call may take unless its connector says otherwise; default 30 seconds. */
    public Builder callTimeout(Duration timeout) {
      this.callTimeout = positive(timeout, "callTimeout");
      return this;
    }

    /** How long a server's tool list is reused to decide calls; default 1 minute. */
    public Builder toolListTtl(Duration ttl) {
      this.toolListTtl = Objects.requireNonNull(ttl, "toolListTtl");
      return this;
    }

    /**
     * Customizes every client the engine connects to a registered server, before it connects: add
     * an interceptor or an event listener (telemetry, logging). It is given the credential owner the
     * client acts for: a user's own connection ({@code user:<id>}) or a shared one
     * ({@code shared:<connection id>}). The transport, client info, timeout and credentials are the
     * engine's own; replacing them breaks governed calls.
     */
    public Builder customizeClients(java.util.function.BiConsumer<dev.mcpkit.auth.TokenOwner,
        dev.mcpkit.client.McpClient.Builder> customizer) {
      this.clients = Objects.requireNonNull(customizer, "customizer");
      return this;
    }

    /** Where servers' tool catalogues are kept; default in memory. */
    public Builder toolCatalogs(ToolCatalogStore store) {
      this.toolCatalogs = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * The directory group whose members are auditors: they read every event of the activity log
     * with its payload, as organization admins do. Default: none.
     */
    public Builder auditorGroup(String group) {
      this.auditorGroup = group == null || group.isBlank() ? null : group;
      return this;
    }

    /** How long activity-log events are kept by {@link #purgeExpiredActivity}; default forever. */
    public Builder activityRetention(Duration retention) {
      this.activityRetention = positive(retention, "activityRetention");
      return this;
    }

    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    public McpGovernance build() {
      if (directory == null) {
        throw new IllegalStateException("directory is required: the engine must know who users "
            + "are (use InMemoryDirectory for tests)");
      }
      if (cipher == null) {
        throw new IllegalStateException("cipher is required: credentials are encrypted at rest; "
            + "set cipher(SecretCipher.aesGcm(KeySource.of(id, key)))");
      }
      if (auditSink == null) {
        InMemoryAuditLog log = new InMemoryAuditLog();
        auditSink = log;
        auditQuery = log;
      }
      Stores stores = new Stores(directory, registry, sharing, connectors, connections, approvals,
          auditSink);
      SecretVault secrets = new SecretVault(tokenStore, cipher);
      RegistryStore reg = registry;
      McpOAuth.Builder oauthBuilder = oauth;
      if (oauthBuilder == null) {
        oauthBuilder = McpOAuth.builder();
        oauthSettings.accept(oauthBuilder);
      }
      McpOAuth mcpOAuth = oauthBuilder.tokenStore(tokenStore).cipher(cipher).clock(clock)
          .credentialsLookup(server -> lookup(reg, secrets, server, enterprise)).build();
      Settings settings = new Settings(newToolPermission, onDrift, approvalTtl, callTimeout,
          toolListTtl, clock, clients, enterprise != null);
      AuditQuery query = auditQuery != null ? auditQuery : new AuditQuery() {
        @Override
        public List<AuditEvent> byPrincipal(String principalId, int limit) throws IOException {
          throw new IOException("no audit query was configured");
        }

        @Override
        public List<AuditEvent> byAgent(String agentId, int limit) throws IOException {
          throw new IOException("no audit query was configured");
        }
      };
      return new McpGovernance(new Engine(stores, settings, mcpOAuth, tokenStore, cipher, secrets,
          toolCatalogs), query, new Activity(stores, query, auditorGroup, activityRetention, clock));
    }

    private static OAuthServerCredentials lookup(RegistryStore registry, SecretVault secrets,
        URI server, EnterpriseAuthorization enterprise) {
      try {
        for (ServerRegistration reg : registry.list()) {
          if (reg.oauthClient() != null && TokenKey.canonicalResource(reg.url()).equals(server)) {
            ServerRegistration.OAuthClient c = reg.oauthClient();
            OAuthServerCredentials.Builder b = OAuthServerCredentials.builder(c.clientId());
            if (c.hasClientSecret()) {
              b.clientSecret(secrets.get(reg.id()));
            }
            if (c.scope() != null) {
              b.scope(c.scope());
            }
            if (c.redirectUrl() != null) {
              b.redirectUri(c.redirectUrl());
            }
            if (enterprise != null) {
              b.enterpriseManaged(enterprise);
            }
            return b.build();
          }
        }
        return null;
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isZero() || d.isNegative()) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
      return d;
    }
  }
}
