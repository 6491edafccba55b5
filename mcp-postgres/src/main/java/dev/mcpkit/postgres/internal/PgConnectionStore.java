package dev.mcpkit.postgres.internal;

import dev.mcpkit.policy.Connection;
import dev.mcpkit.policy.spi.ConnectionStore;
import java.io.IOException;
import java.util.List;

/**
 * {@link ConnectionStore} in table {@code connections}. Each put takes the next number of a
 * sequence, so {@link #findPersonal} returns the latest put of a user's connections to a server.
 */
public final class PgConnectionStore implements ConnectionStore {
  private final Database db;
  private final String put;
  private final String find;
  private final String personal;
  private final String remove;
  private final String byServer;

  public PgConnectionStore(Database db) {
    this.db = db;
    String t = db.table("connections");
    put = "INSERT INTO " + t + " (id, server_id, owner_id, method, put_seq, doc) VALUES "
        + "(?, ?, ?, ?, nextval('" + db.table("connection_puts") + "'), ?::jsonb) "
        + "ON CONFLICT (id) DO UPDATE SET server_id = EXCLUDED.server_id, "
        + "owner_id = EXCLUDED.owner_id, method = EXCLUDED.method, put_seq = EXCLUDED.put_seq, "
        + "doc = EXCLUDED.doc";
    find = "SELECT doc FROM " + t + " WHERE id = ?";
    personal = "SELECT doc FROM " + t + " WHERE server_id = ? AND owner_id = ? "
        + "AND method = 'PER_USER' ORDER BY put_seq DESC LIMIT 1";
    remove = "DELETE FROM " + t + " WHERE id = ?";
    byServer = "SELECT doc FROM " + t + " WHERE server_id = ?";
  }

  @Override
  public void put(Connection connection) throws IOException {
    String doc = Json.write(connection);
    db.update("store a connection", put, ps -> {
      ps.setString(1, connection.id());
      ps.setString(2, connection.serverId());
      ps.setString(3, connection.ownerId());
      ps.setString(4, connection.method().name());
      ps.setString(5, doc);
    });
  }

  @Override
  public Connection find(String connectionId) throws IOException {
    return db.queryOne("find a connection", find, ps -> ps.setString(1, connectionId),
        rs -> Json.read(rs.getString(1), Connection.class));
  }

  @Override
  public Connection findPersonal(String serverId, String userId) throws IOException {
    return db.queryOne("find a personal connection", personal, ps -> {
      ps.setString(1, serverId);
      ps.setString(2, userId);
    }, rs -> Json.read(rs.getString(1), Connection.class));
  }

  @Override
  public boolean remove(String connectionId) throws IOException {
    return db.update("remove a connection", remove, ps -> ps.setString(1, connectionId)) == 1;
  }

  @Override
  public List<Connection> listByServer(String serverId) throws IOException {
    return db.query("list a server's connections", byServer, ps -> ps.setString(1, serverId),
        rs -> Json.read(rs.getString(1), Connection.class));
  }
}
