package dev.mcpkit.postgres.internal;

import dev.mcpkit.auth.TokenOwner;
import dev.mcpkit.auth.spi.TokenKey;
import dev.mcpkit.auth.spi.TokenStore;
import java.io.IOException;
import java.util.List;

/**
 * {@link TokenStore} in table {@code tokens}. It holds only the ciphertext mcp-auth's
 * {@code SecretCipher} made, so the database never sees a plaintext credential.
 */
public final class PgTokenStore implements TokenStore {
  private static final String KEY = "owner_kind = ? AND owner_id = ? AND issuer = ? AND resource = ?";
  /** The advisory-lock space of credential refreshes. */
  private static final int REFRESH_LOCKS = 0x6d637072;
  private final Database db;
  private final String get;
  private final String put;
  private final String remove;
  private final String keys;

  public PgTokenStore(Database db) {
    this.db = db;
    String t = db.table("tokens");
    get = "SELECT value FROM " + t + " WHERE " + KEY;
    put = "INSERT INTO " + t + " (owner_kind, owner_id, issuer, resource, value) "
        + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (owner_kind, owner_id, issuer, resource) "
        + "DO UPDATE SET value = EXCLUDED.value";
    remove = "DELETE FROM " + t + " WHERE " + KEY;
    keys = "SELECT issuer, resource FROM " + t + " WHERE owner_kind = ? AND owner_id = ?";
  }

  @Override
  public byte[] get(TokenKey key) throws IOException {
    return db.queryOne("read a credential", get, ps -> bindKey(ps, key), rs -> rs.getBytes(1));
  }

  @Override
  public void put(TokenKey key, byte[] ciphertext) throws IOException {
    db.update("store a credential", put, ps -> {
      bindKey(ps, key);
      ps.setBytes(5, ciphertext);
    });
  }

  @Override
  public void remove(TokenKey key) throws IOException {
    db.update("remove a credential", remove, ps -> bindKey(ps, key));
  }

  @Override
  public List<TokenKey> keys(TokenOwner owner) throws IOException {
    return db.query("list credentials", keys, ps -> {
      ps.setString(1, owner.kind().name());
      ps.setString(2, owner.id());
    }, rs -> new TokenKey(owner, rs.getString(1), rs.getString(2)));
  }

  /**
   * Holds a session-level advisory lock named after the owner and resource while the refresh runs,
   * on a connection of its own (so a refresh occupies one pooled connection while it waits for the
   * authorization server). Every instance on this database waits for it; unrelated credentials whose
   * names hash alike merely wait for each other.
   */
  @Override
  public <T> T refreshExclusively(TokenOwner owner, String resource, Refresh<T> refresh)
      throws IOException {
    String name = owner.kind() + "\n" + owner.id() + "\n" + resource;
    return db.withConnection("lock a credential for its refresh", c -> {
      try (var lock = c.prepareStatement("SELECT pg_advisory_lock(?, hashtext(?))")) {
        lock.setInt(1, REFRESH_LOCKS);
        lock.setString(2, name);
        lock.execute();
      }
      try {
        return refresh.run();
      } finally {
        try (var unlock = c.prepareStatement("SELECT pg_advisory_unlock(?, hashtext(?))")) {
          unlock.setInt(1, REFRESH_LOCKS);
          unlock.setString(2, name);
          unlock.execute();
        }
      }
    });
  }

  private static void bindKey(java.sql.PreparedStatement ps, TokenKey key)
      throws java.sql.SQLException {
    ps.setString(1, key.owner().kind().name());
    ps.setString(2, key.owner().id());
    ps.setString(3, key.issuer());
    ps.setString(4, key.resource());
  }
}
