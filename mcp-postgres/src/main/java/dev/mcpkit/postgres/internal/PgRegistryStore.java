package dev.mcpkit.postgres.internal;

import dev.mcpkit.policy.ServerRegistration;
import dev.mcpkit.policy.spi.RegistryStore;
import java.io.IOException;
import java.util.List;

/** {@link RegistryStore} in table {@code registry}, one JSON document per server. */
public final class PgRegistryStore implements RegistryStore {
  private final Database db;
  private final String put;
  private final String find;
  private final String list;
  private final String remove;

  public PgRegistryStore(Database db) {
    this.db = db;
    String t = db.table("registry");
    put = "INSERT INTO " + t + " (id, doc) VALUES (?, ?::jsonb) "
        + "ON CONFLICT (id) DO UPDATE SET doc = EXCLUDED.doc";
    find = "SELECT doc FROM " + t + " WHERE id = ?";
    list = "SELECT doc FROM " + t + " ORDER BY id";
    remove = "DELETE FROM " + t + " WHERE id = ?";
  }

  @Override
  public void put(ServerRegistration registration) throws IOException {
    String doc = Json.write(registration);
    db.update("register a server", put, ps -> {
      ps.setString(1, registration.id());
      ps.setString(2, doc);
    });
  }

  @Override
  public ServerRegistration find(String serverId) throws IOException {
    return db.queryOne("find a server", find, ps -> ps.setString(1, serverId),
        rs -> Json.read(rs.getString(1), ServerRegistration.class));
  }

  @Override
  public List<ServerRegistration> list() throws IOException {
    return db.query("list servers", list, ps -> { },
        rs -> Json.read(rs.getString(1), ServerRegistration.class));
  }

  @Override
  public boolean remove(String serverId) throws IOException {
    return db.update("remove a server", remove, ps -> ps.setString(1, serverId)) == 1;
  }
}
