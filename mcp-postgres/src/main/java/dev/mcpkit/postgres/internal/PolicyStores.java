package dev.mcpkit.postgres.internal;

import dev.mcpkit.policy.spi.ApprovalStore;
import dev.mcpkit.policy.spi.ConnectionStore;
import dev.mcpkit.policy.spi.ConnectorStore;
import dev.mcpkit.policy.spi.RegistryStore;
import dev.mcpkit.policy.spi.SharingStore;
import dev.mcpkit.policy.spi.ToolCatalogStore;
import dev.mcpkit.postgres.AuditLog;

/** The mcp-policy stores (see {@link ServerStores} for why they have a class of their own). */
public final class PolicyStores {
  private PolicyStores() {}

  public static RegistryStore registry(Database db) {
    return new PgRegistryStore(db);
  }

  public static SharingStore sharing(Database db) {
    return new PgSharingStore(db);
  }

  public static ConnectorStore connectors(Database db) {
    return new PgConnectorStore(db);
  }

  public static ConnectionStore connections(Database db) {
    return new PgConnectionStore(db);
  }

  public static ApprovalStore approvals(Database db) {
    return new PgApprovalStore(db);
  }

  public static AuditLog audit(Database db) {
    return new PgAuditLog(db);
  }

  public static ToolCatalogStore toolCatalogs(Database db) {
    return new PgToolCatalogStore(db);
  }
}
