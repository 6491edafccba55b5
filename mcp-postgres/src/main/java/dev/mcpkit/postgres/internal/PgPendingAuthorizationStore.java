package dev.mcpkit.postgres.internal;

import dev.mcpkit.auth.spi.PendingAuthorizationStore;
import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;

/**
 * {@link PendingAuthorizationStore} in table {@code pending_authorizations}. {@link #take} is one
 * {@code DELETE ... RETURNING}, so of concurrent takes on any number of instances one gets the entry.
 * Expired entries are purged on every {@link #put}.
 */
public final class PgPendingAuthorizationStore implements PendingAuthorizationStore {
  private final Database db;
  private final Clock clock;
  private final String purge;
  private final String put;
  private final String take;

  public PgPendingAuthorizationStore(Database db, Clock clock) {
    this.db = db;
    this.clock = clock;
    String t = db.table("pending_authorizations");
    purge = "DELETE FROM " + t + " WHERE expires_at <= ?";
    put = "INSERT INTO " + t + " (handle, value, expires_at) VALUES (?, ?, ?) "
        + "ON CONFLICT (handle) DO UPDATE SET value = EXCLUDED.value, expires_at = EXCLUDED.expires_at";
    take = "DELETE FROM " + t + " WHERE handle = ? RETURNING value, expires_at";
  }

  @Override
  public void put(String handle, byte[] ciphertext, Instant expiresAt) throws IOException {
    Timestamp now = Timestamp.from(clock.instant());
    db.update("purge expired authorizations", purge, ps -> ps.setTimestamp(1, now));
    db.update("file a pending authorization", put, ps -> {
      ps.setString(1, handle);
      ps.setBytes(2, ciphertext);
      ps.setTimestamp(3, Timestamp.from(expiresAt));
    });
  }

  @Override
  public byte[] take(String handle) throws IOException {
    Instant now = clock.instant();
    return db.queryOne("take a pending authorization", take, ps -> ps.setString(1, handle),
        rs -> rs.getTimestamp(2).toInstant().isAfter(now) ? rs.getBytes(1) : null);
  }
}
