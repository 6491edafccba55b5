package dev.mcpkit.postgres.internal;

import static dev.mcpkit.postgres.internal.PgSessionStore.run;

import dev.mcpkit.server.spi.RequestStateStore;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@link RequestStateStore} in tables {@code request_state_key} (one row: the first instance that
 * needs a key draws it, every later one reads that row) and {@code request_states_used} (one row
 * per accepted state; the primary key makes a claim succeed once across instances). Every 256th
 * claim also deletes the expired rows. The key is read once per store and kept.
 */
public final class PgRequestStateStore implements RequestStateStore {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final Database db;
  private final String insertKey;
  private final String selectKey;
  private final String claim;
  private final String purge;
  private final AtomicInteger claims = new AtomicInteger();
  private volatile byte[] key;

  public PgRequestStateStore(Database db) {
    this.db = db;
    String k = db.table("request_state_key");
    String u = db.table("request_states_used");
    insertKey = "INSERT INTO " + k + " (id, key) VALUES (1, ?) ON CONFLICT (id) DO NOTHING";
    selectKey = "SELECT key FROM " + k + " WHERE id = 1";
    claim = "INSERT INTO " + u + " (id, expires_at) VALUES (?, ?) ON CONFLICT (id) DO NOTHING";
    purge = "DELETE FROM " + u + " WHERE expires_at < ?";
  }

  @Override
  public byte[] key() {
    byte[] k = key;
    if (k == null) {
      byte[] drawn = new byte[32];
      RANDOM.nextBytes(drawn);
      k = run(() -> {
        db.update("create the requestState key", insertKey, ps -> ps.setBytes(1, drawn));
        return db.queryOne("read the requestState key", selectKey, ps -> { }, rs -> rs.getBytes(1));
      });
      key = k;
    }
    return k;
  }

  @Override
  public boolean claim(String id, Instant expiresAt) {
    if ((claims.incrementAndGet() & 255) == 0) {
      run(() -> db.update("purge expired requestStates", purge,
          ps -> ps.setTimestamp(1, Timestamp.from(Instant.now()))));
    }
    return run(() -> db.update("claim a requestState", claim, ps -> {
      ps.setString(1, id);
      ps.setTimestamp(2, Timestamp.from(expiresAt));
    })) == 1;
  }
}
