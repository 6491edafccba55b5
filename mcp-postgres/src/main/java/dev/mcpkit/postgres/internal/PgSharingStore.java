package dev.mcpkit.postgres.internal;

import dev.mcpkit.policy.Sharing;
import dev.mcpkit.policy.spi.SharingStore;
import java.io.IOException;

/** {@link SharingStore} in table {@code sharing}, one JSON document per server. */
public final class PgSharingStore implements SharingStore {
  private final Database db;
  private final String put;
  private final String find;
  private final String remove;

  public PgSharingStore(Database db) {
    this.db = db;
    String t = db.table("sharing");
    put = "INSERT INTO " + t + " (server_id, doc) VALUES (?, ?::jsonb) "
        + "ON CONFLICT (server_id) DO UPDATE SET doc = EXCLUDED.doc";
    find = "SELECT doc FROM " + t + " WHERE server_id = ?";
    remove = "DELETE FROM " + t + " WHERE server_id = ?";
  }

  @Override
  public void put(String serverId, Sharing sharing) throws IOException {
    String doc = Json.write(sharing);
    db.update("share a server", put, ps -> {
      ps.setString(1, serverId);
      ps.setString(2, doc);
    });
  }

  @Override
  public Sharing find(String serverId) throws IOException {
    return db.queryOne("read a server's sharing", find, ps -> ps.setString(1, serverId),
        rs -> Json.read(rs.getString(1), Sharing.class));
  }

  @Override
  public void remove(String serverId) throws IOException {
    db.update("forget a server's sharing", remove, ps -> ps.setString(1, serverId));
  }
}
