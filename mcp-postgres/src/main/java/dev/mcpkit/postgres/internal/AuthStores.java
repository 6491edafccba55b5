package dev.mcpkit.postgres.internal;

import dev.mcpkit.auth.spi.ApiKeyStore;
import dev.mcpkit.auth.spi.PendingAuthorizationStore;
import dev.mcpkit.auth.spi.TokenStore;
import java.time.Clock;

/** The mcp-auth stores (see {@link ServerStores} for why they have a class of their own). */
public final class AuthStores {
  private AuthStores() {}

  public static TokenStore tokens(Database db) {
    return new PgTokenStore(db);
  }

  public static ApiKeyStore apiKeys(Database db) {
    return new PgApiKeyStore(db);
  }

  public static PendingAuthorizationStore pending(Database db, Clock clock) {
    return new PgPendingAuthorizationStore(db, clock);
  }
}
