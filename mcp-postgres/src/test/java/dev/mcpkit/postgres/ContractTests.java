package dev.mcpkit.postgres;

import dev.mcpkit.auth.spi.ApiKeyStore;
import dev.mcpkit.auth.spi.ApiKeyStoreContract;
import dev.mcpkit.auth.spi.PendingAuthorizationStore;
import dev.mcpkit.auth.spi.PendingAuthorizationStoreContract;
import dev.mcpkit.auth.spi.TokenStore;
import dev.mcpkit.auth.spi.TokenStoreContract;
import dev.mcpkit.policy.spi.ApprovalStore;
import dev.mcpkit.policy.spi.ApprovalStoreContract;
import dev.mcpkit.policy.spi.AuditLogContract;
import dev.mcpkit.policy.spi.AuditSink;
import dev.mcpkit.policy.spi.ConnectionStore;
import dev.mcpkit.policy.spi.ConnectionStoreContract;
import dev.mcpkit.policy.spi.ConnectorStore;
import dev.mcpkit.policy.spi.ConnectorStoreContract;
import dev.mcpkit.policy.spi.RegistryStore;
import dev.mcpkit.policy.spi.RegistryStoreContract;
import dev.mcpkit.policy.spi.SharingStore;
import dev.mcpkit.policy.spi.SharingStoreContract;
import dev.mcpkit.policy.spi.ToolCatalogStore;
import dev.mcpkit.policy.spi.ToolCatalogStoreContract;
import dev.mcpkit.server.spi.EventStore;
import dev.mcpkit.server.spi.EventStoreContract;
import dev.mcpkit.server.spi.MessageRelay;
import dev.mcpkit.server.spi.MessageRelayContract;
import dev.mcpkit.server.spi.RequestStateStore;
import dev.mcpkit.server.spi.RequestStateStoreContract;
import dev.mcpkit.server.spi.SessionStore;
import dev.mcpkit.server.spi.SessionStoreContract;
import dev.mcpkit.server.spi.TaskStore;
import dev.mcpkit.server.spi.TaskStoreContract;
import org.junit.jupiter.api.Nested;

/**
 * Every PostgreSQL store passes its module's contract suite, unchanged, against a real PostgreSQL;
 * each suite runs in a schema of its own, and every test of it gets an emptied one.
 */
class ContractTests {
  /** A new, migrated schema for every store the contract asks for. */
  static McpPostgres fresh(String prefix) {
    return TestDatabase.freshStores(prefix);
  }

  @Nested
  class Sessions extends SessionStoreContract {
    @Override
    protected SessionStore newStore() {
      return fresh("sessions").sessionStore();
    }
  }

  @Nested
  class Events extends EventStoreContract {
    @Override
    protected EventStore newStore() {
      return fresh("events").eventStore(100);
    }
  }

  @Nested
  class Tasks extends TaskStoreContract {
    @Override
    protected TaskStore newStore() {
      return fresh("tasks").taskStore();
    }
  }

  @Nested
  class RequestStates extends RequestStateStoreContract {
    McpPostgres pg;

    @Override
    protected RequestStateStore newStore() {
      pg = fresh("request_states");
      return pg.requestStateStore();
    }

    @Override
    protected RequestStateStore sharedStore() {
      return TestDatabase.storesOn(pg.schema()).requestStateStore();
    }
  }

  @Nested
  class Relay extends MessageRelayContract {
    McpPostgres pg;

    @Override
    protected MessageRelay newRelay() {
      pg = fresh("relay");
      return pg.messageRelay();
    }

    @Override
    protected MessageRelay peer() {
      return TestDatabase.storesOn(pg.schema()).messageRelay();
    }
  }

  @Nested
  class Tokens extends TokenStoreContract {
    @Override
    protected TokenStore newStore() {
      return fresh("tokens").tokenStore();
    }
  }

  @Nested
  class ApiKeys extends ApiKeyStoreContract {
    @Override
    protected ApiKeyStore newStore() {
      return fresh("api_keys").apiKeyStore();
    }
  }

  @Nested
  class PendingAuthorizations extends PendingAuthorizationStoreContract {
    @Override
    protected PendingAuthorizationStore newStore() {
      return fresh("pending").pendingAuthorizationStore();
    }
  }

  @Nested
  class Registry extends RegistryStoreContract {
    @Override
    protected RegistryStore newStore() {
      return fresh("registry").registryStore();
    }
  }

  @Nested
  class Sharing extends SharingStoreContract {
    @Override
    protected SharingStore newStore() {
      return fresh("sharing").sharingStore();
    }
  }

  @Nested
  class Connectors extends ConnectorStoreContract {
    @Override
    protected ConnectorStore newStore() {
      return fresh("connectors").connectorStore();
    }
  }

  @Nested
  class Connections extends ConnectionStoreContract {
    @Override
    protected ConnectionStore newStore() {
      return fresh("connections").connectionStore();
    }
  }

  @Nested
  class Approvals extends ApprovalStoreContract {
    @Override
    protected ApprovalStore newStore() {
      return fresh("approvals").approvalStore();
    }
  }

  @Nested
  class Audit extends AuditLogContract {
    @Override
    protected AuditSink newSink() {
      return fresh("audit").auditLog();
    }
  }

  @Nested
  class ToolCatalogs extends ToolCatalogStoreContract {
    @Override
    protected ToolCatalogStore newStore() {
      return fresh("catalogs").toolCatalogStore();
    }
  }
}
