package dev.mcpkit.postgres;

import dev.mcpkit.auth.spi.ApiKeyStore;
import dev.mcpkit.auth.spi.PendingAuthorizationStore;
import dev.mcpkit.auth.spi.TokenStore;
import dev.mcpkit.policy.spi.ApprovalStore;
import dev.mcpkit.policy.spi.ConnectionStore;
import dev.mcpkit.policy.spi.ConnectorStore;
import dev.mcpkit.policy.spi.RegistryStore;
import dev.mcpkit.policy.spi.SharingStore;
import dev.mcpkit.policy.spi.ToolCatalogStore;
import dev.mcpkit.postgres.internal.AuthStores;
import dev.mcpkit.postgres.internal.Database;
import dev.mcpkit.postgres.internal.Migrations;
import dev.mcpkit.postgres.internal.PolicyStores;
import dev.mcpkit.postgres.internal.ServerStores;
import dev.mcpkit.server.spi.EventStore;
import dev.mcpkit.server.spi.MessageRelay;
import dev.mcpkit.server.spi.RequestStateStore;
import dev.mcpkit.server.spi.SessionStore;
import dev.mcpkit.server.spi.TaskStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.Objects;
import javax.sql.DataSource;

/**
 * Every mcpkit store on one PostgreSQL database. The host hands it a {@link DataSource} (any pool);
 * {@link Builder#build()} creates or upgrades the tables in the chosen schema, then each method
 * returns a store to wire into mcp-server, mcp-auth or mcp-policy:
 *
 * <pre>{@code
 * McpPostgres pg = McpPostgres.builder().dataSource(pool).schema("mcp").build();
 * AuditLog log = pg.auditLog();
 * McpGovernance governance = McpGovernance.builder()
 *     .approvals(pg.approvalStore()).audit(log, log) ... .build();
 * }</pre>
 *
 * <p>Stores are thread-safe and hold no state of their own beyond statement text, so several
 * instances of a host on one database see one truth. The stores of a module are only usable when
 * that module is on the class path (mcp-postgres depends on mcp-server, mcp-auth and mcp-policy
 * optionally). <b>Failure:</b> a store method that cannot reach the database throws {@link
 * IOException} (or {@link UncheckedIOException} for the unchecked mcp-server SPIs) naming the
 * operation; it never retries and never answers from a stale copy.
 */
public final class McpPostgres {
  private final Database db;
  private final Clock clock;
  private Object relay; // a MessageRelay once asked for; typed Object so mcp-server stays optional

  private McpPostgres(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The schema the tables live in. */
  public String schema() {
    return db.schema();
  }

  /** Sessions of the session protocol (mcp-server). */
  public SessionStore sessionStore() {
    return ServerStores.sessions(db);
  }

  /** Resumable SSE events, the newest 1,000 of each session (mcp-server). */
  public EventStore eventStore() {
    return eventStore(1_000);
  }

  /** Resumable SSE events, about the newest {@code maxEventsPerSession} of each session. */
  public EventStore eventStore(int maxEventsPerSession) {
    return ServerStores.events(db, maxEventsPerSession);
  }

  /**
   * Tasks (mcp-server, {@code TaskOptions.builder().store(...)}), at most 1,000 unexpired per owner,
   * each payload at most 4,194,304 characters.
   */
  public TaskStore taskStore() {
    return taskStore(1_000, 4 * 1024 * 1024);
  }

  /**
   * Tasks shared by every instance on this schema: {@code tasks/get}, {@code tasks/result}, {@code
   * tasks/list} and {@code tasks/cancel} answer from any instance, while the handler runs in the
   * instance that started it. The first terminal state saved (from any instance) is kept, so a task
   * cancelled on one instance and completed on another ends cancelled or completed, never both. A
   * new task beyond {@code maxTasksPerOwner} unexpired tasks of its owner (counted in the database,
   * by this builder's clock: give it the clock of {@code TaskOptions}) is refused with an {@link
   * IllegalStateException}; a result, error or set of input requests longer than {@code
   * maxPayloadChars} is not kept: the task is saved as failed with an error saying so, and the save
   * throws {@link IllegalArgumentException}.
   */
  public TaskStore taskStore(int maxTasksPerOwner, int maxPayloadChars) {
    return ServerStores.tasks(db, clock, maxTasksPerOwner, maxPayloadChars);
  }

  /**
   * What carries messages between the server instances on this schema (mcp-server), with {@code
   * LISTEN/NOTIFY}: give it to {@code McpHttpOptions.Builder.messageRelay} on every instance. One
   * per {@code McpPostgres}; while subscribed it holds one connection of the pool.
   */
  public synchronized MessageRelay messageRelay() {
    if (relay == null) {
      relay = ServerStores.relay(db);
    }
    return (MessageRelay) relay;
  }

  /**
   * The 2026-07-28 {@code requestState} key and replay protection (mcp-server): a state minted by
   * one instance is accepted by every instance on this schema, and only once across them. The
   * first instance that needs a key draws it at random and stores it in table {@code
   * request_state_key}; whoever can read that table can mint states, so grant it like a secret.
   */
  public RequestStateStore requestStateStore() {
    return ServerStores.requestStates(db);
  }

  /**
   * Encrypted credentials (mcp-auth). The store keeps the ciphertext mcp-auth's {@code SecretCipher}
   * made; give every instance the same key material. Refreshes of one credential are coordinated
   * across instances with an advisory lock.
   */
  public TokenStore tokenStore() {
    return AuthStores.tokens(db);
  }

  /** Hashed API keys (mcp-auth, server side). */
  public ApiKeyStore apiKeyStore() {
    return AuthStores.apiKeys(db);
  }

  /** Authorizations waiting for their callback (mcp-auth). */
  public PendingAuthorizationStore pendingAuthorizationStore() {
    return AuthStores.pending(db, clock);
  }

  /** Registered servers (mcp-policy). */
  public RegistryStore registryStore() {
    return PolicyStores.registry(db);
  }

  /** With whom servers are shared (mcp-policy). */
  public SharingStore sharingStore() {
    return PolicyStores.sharing(db);
  }

  /** Agent connectors and tool permissions, with conflict-checked updates (mcp-policy). */
  public ConnectorStore connectorStore() {
    return PolicyStores.connectors(db);
  }

  /** Personal and shared connections (mcp-policy). */
  public ConnectionStore connectionStore() {
    return PolicyStores.connections(db);
  }

  /** Approval requests, decided exactly once across instances (mcp-policy). */
  public ApprovalStore approvalStore() {
    return PolicyStores.approvals(db);
  }

  /** Each registered server's tool catalogue, read by the permission screen (mcp-policy). */
  public ToolCatalogStore toolCatalogStore() {
    return PolicyStores.toolCatalogs(db);
  }

  /** The activity log: an {@code AuditSink} that is also an {@code AuditQuery} (mcp-policy). */
  public AuditLog auditLog() {
    return PolicyStores.audit(db);
  }

  /** Builds an {@link McpPostgres}; a data source is required, the schema defaults to {@code mcp}. */
  public static final class Builder {
    private DataSource dataSource;
    private String schema = "mcp";
    private Clock clock = Clock.systemUTC();

    private Builder() {}

    public Builder dataSource(DataSource dataSource) {
      this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
      return this;
    }

    /**
     * The schema to keep the tables in: 1 to 63 characters of {@code a-z}, {@code 0-9} and {@code
     * _}, not starting with a digit or {@code pg_}. Created if missing.
     */
    public Builder schema(String schema) {
      this.schema = schema;
      return this;
    }

    /**
     * The clock expiring pending authorizations and deciding which tasks count towards an owner's
     * limit; the system clock by default.
     */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /**
     * Migrates the schema (safe when several instances start at once) and returns the stores.
     *
     * @throws IOException when the database cannot be reached or a migration fails
     * @throws IllegalStateException when the schema was migrated by a newer version, or an applied
     *     migration's checksum does not match this version's file
     */
    public McpPostgres build() throws IOException {
      if (dataSource == null) {
        throw new IllegalStateException("McpPostgres needs a DataSource: call dataSource(...)");
      }
      Database db = new Database(dataSource, schema);
      Migrations.apply(db);
      return new McpPostgres(db, clock);
    }
  }
}
