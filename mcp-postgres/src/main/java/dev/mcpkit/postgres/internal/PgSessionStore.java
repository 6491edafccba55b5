package dev.mcpkit.postgres.internal;

import dev.mcpkit.server.spi.SessionRecord;
import dev.mcpkit.server.spi.SessionStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;

/** {@link SessionStore} in table {@code sessions}; the SPI is unchecked, so failures are wrapped. */
public final class PgSessionStore implements SessionStore {
  private final Database db;
  private final String upsert;
  private final String select;
  private final String touch;
  private final String delete;
  private final String idle;
  private final String deleteIfIdle;

  public PgSessionStore(Database db) {
    this.db = db;
    String t = db.table("sessions");
    upsert = "INSERT INTO " + t + " (id, endpoint, subject, protocol_version, client_info, "
        + "client_capabilities, log_level, subscriptions, created_millis, last_used_millis) "
        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET "
        + "endpoint = EXCLUDED.endpoint, subject = EXCLUDED.subject, "
        + "protocol_version = EXCLUDED.protocol_version, client_info = EXCLUDED.client_info, "
        + "client_capabilities = EXCLUDED.client_capabilities, log_level = EXCLUDED.log_level, "
        + "subscriptions = EXCLUDED.subscriptions, created_millis = EXCLUDED.created_millis";
    select = "SELECT id, endpoint, subject, protocol_version, client_info, client_capabilities, "
        + "log_level, subscriptions, created_millis FROM " + t + " WHERE id = ?";
    touch = "UPDATE " + t + " SET last_used_millis = ? WHERE id = ?";
    delete = "DELETE FROM " + t + " WHERE id = ?";
    idle = "DELETE FROM " + t + " WHERE last_used_millis < ? RETURNING id";
    deleteIfIdle = "DELETE FROM " + t + " WHERE id = ? AND last_used_millis < ?";
  }

  @Override
  public void save(SessionRecord s) {
    run(() -> db.withConnection("save a session", c -> {
      try (var ps = c.prepareStatement(upsert)) {
        Array subs = c.createArrayOf("text", s.subscriptions().toArray());
        ps.setString(1, s.id());
        ps.setString(2, s.endpoint());
        ps.setString(3, s.subject());
        ps.setString(4, s.protocolVersion());
        ps.setString(5, s.clientInfo());
        ps.setString(6, s.clientCapabilities());
        ps.setString(7, s.logLevel());
        ps.setArray(8, subs);
        ps.setLong(9, s.createdMillis());
        ps.setLong(10, s.createdMillis());
        return ps.executeUpdate();
      }
    }));
  }

  @Override
  public SessionRecord find(String id) {
    return run(() -> db.queryOne("find a session", select, ps -> ps.setString(1, id),
        PgSessionStore::read));
  }

  @Override
  public boolean touch(String id, long nowMillis) {
    return run(() -> db.update("touch a session", touch, ps -> {
      ps.setLong(1, nowMillis);
      ps.setString(2, id);
    })) == 1;
  }

  @Override
  public boolean remove(String id) {
    return run(() -> db.update("remove a session", delete, ps -> ps.setString(1, id))) == 1;
  }

  @Override
  public boolean removeIfIdle(String id, long cutoffMillis) {
    return run(() -> db.update("remove an idle session", deleteIfIdle, ps -> {
      ps.setString(1, id);
      ps.setLong(2, cutoffMillis);
    })) == 1;
  }

  @Override
  public List<String> removeIdle(long cutoffMillis) {
    return run(() -> db.query("remove idle sessions", idle, ps -> ps.setLong(1, cutoffMillis),
        rs -> rs.getString(1)));
  }

  static SessionRecord read(ResultSet rs) throws SQLException {
    String[] subs = (String[]) rs.getArray(8).getArray();
    return new SessionRecord(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
        rs.getString(5), rs.getString(6), rs.getString(7), new HashSet<>(Arrays.asList(subs)),
        rs.getLong(9));
  }

  /** A store operation whose checked failure the unchecked SPI carries as {@link UncheckedIOException}. */
  interface Op<T> {
    T run() throws IOException;
  }

  static <T> T run(Op<T> op) {
    try {
      return op.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
