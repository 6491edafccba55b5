package dev.mcpkit.postgres.internal;

import dev.mcpkit.policy.ToolCatalog;
import dev.mcpkit.policy.spi.ToolCatalogStore;
import java.io.IOException;
import java.util.Objects;

/**
 * {@link ToolCatalogStore} in table {@code tool_catalogs}, one JSON document per server: a put is one
 * upsert of the row, so a reader sees the old catalogue or the new one, never a mix.
 */
public final class PgToolCatalogStore implements ToolCatalogStore {
  private final Database db;
  private final String put;
  private final String find;
  private final String remove;

  public PgToolCatalogStore(Database db) {
    this.db = db;
    String t = db.table("tool_catalogs");
    put = "INSERT INTO " + t + " (server_id, doc) VALUES (?, ?::jsonb) "
        + "ON CONFLICT (server_id) DO UPDATE SET doc = EXCLUDED.doc";
    find = "SELECT doc FROM " + t + " WHERE server_id = ?";
    remove = "DELETE FROM " + t + " WHERE server_id = ?";
  }

  @Override
  public void put(ToolCatalog catalog) throws IOException {
    Objects.requireNonNull(catalog, "catalog");
    String doc = Json.write(catalog);
    db.update("store a tool catalogue", put, ps -> {
      ps.setString(1, catalog.serverId());
      ps.setString(2, doc);
    });
  }

  @Override
  public ToolCatalog find(String serverId) throws IOException {
    return db.queryOne("find a tool catalogue", find, ps -> ps.setString(1, serverId),
        rs -> Json.read(rs.getString(1), ToolCatalog.class));
  }

  @Override
  public void remove(String serverId) throws IOException {
    db.update("remove a tool catalogue", remove, ps -> ps.setString(1, serverId));
  }
}
