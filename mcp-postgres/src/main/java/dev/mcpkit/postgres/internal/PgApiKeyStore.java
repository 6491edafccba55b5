package dev.mcpkit.postgres.internal;

import dev.mcpkit.auth.spi.ApiKeyRecord;
import dev.mcpkit.auth.spi.ApiKeyStore;
import java.io.IOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/** {@link ApiKeyStore} in table {@code api_keys}: hashes only, never a key. */
public final class PgApiKeyStore implements ApiKeyStore {
  private static final String COLUMNS = "id, sha256, subject, scopes, created_at, created_nanos";
  private final Database db;
  private final String delete;
  private final String insert;
  private final String byHash;
  private final String remove;
  private final String list;

  public PgApiKeyStore(Database db) {
    this.db = db;
    String t = db.table("api_keys");
    delete = "DELETE FROM " + t + " WHERE id = ? OR sha256 = ?";
    insert = "INSERT INTO " + t + " (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?)";
    byHash = "SELECT " + COLUMNS + " FROM " + t + " WHERE sha256 = ?";
    remove = "DELETE FROM " + t + " WHERE id = ?";
    list = "SELECT " + COLUMNS + " FROM " + t;
  }

  @Override
  public void put(ApiKeyRecord r) throws IOException {
    db.inTransaction("store an API key", c -> {
      try (var ps = c.prepareStatement(delete)) {
        ps.setString(1, r.id());
        ps.setBytes(2, r.sha256());
        ps.executeUpdate();
      }
      try (var ps = c.prepareStatement(insert)) {
        ps.setString(1, r.id());
        ps.setBytes(2, r.sha256());
        ps.setString(3, r.subject());
        ps.setArray(4, c.createArrayOf("text", r.scopes().toArray()));
        ps.setTimestamp(5, Timestamp.from(r.createdAt()));
        ps.setInt(6, r.createdAt().getNano());
        return ps.executeUpdate();
      }
    });
  }

  @Override
  public ApiKeyRecord findBySha256(byte[] sha256) throws IOException {
    return db.queryOne("find an API key", byHash, ps -> ps.setBytes(1, sha256),
        PgApiKeyStore::read);
  }

  @Override
  public boolean remove(String id) throws IOException {
    return db.update("revoke an API key", remove, ps -> ps.setString(1, id)) == 1;
  }

  @Override
  public List<ApiKeyRecord> list() throws IOException {
    return db.query("list API keys", list, ps -> { }, PgApiKeyStore::read);
  }

  private static ApiKeyRecord read(ResultSet rs) throws SQLException {
    Instant created = rs.getTimestamp(5).toInstant();
    created = Instant.ofEpochSecond(created.getEpochSecond(), rs.getInt(6));
    return new ApiKeyRecord(rs.getString(1), rs.getBytes(2), rs.getString(3),
        Set.of((String[]) rs.getArray(4).getArray()), created);
  }
}
