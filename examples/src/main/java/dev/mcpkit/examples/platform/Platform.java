package dev.mcpkit.examples.platform;

import dev.mcpkit.auth.McpOAuth;
import dev.mcpkit.auth.spi.KeySource;
import dev.mcpkit.auth.spi.SecretCipher;
import dev.mcpkit.examples.Postgres;
import dev.mcpkit.policy.McpGovernance;
import dev.mcpkit.policy.Principal;
import dev.mcpkit.policy.spi.InMemoryDirectory;
import dev.mcpkit.postgres.McpPostgres;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The organization behind the console: its directory (a fixed list of people standing in for the
 * host's identity system), its one agent, and the governance engine, with in-memory stores or every
 * store in PostgreSQL.
 */
final class Platform implements AutoCloseable {
  static final String AGENT = "assistant";
  static final String AUDITORS = "auditors";
  /** The people of the scripted organization: id, groups, organization admin. */
  static final List<Principal> PEOPLE = List.of(
      Principal.admin("admin"),
      Principal.user("alice", "support"),
      Principal.user("bob", "sales"),
      Principal.user("erin", AUDITORS));

  /** An OAuth flow under way: who started it, for which connection, where to go afterwards. */
  record PendingOAuth(String userId, String connectionId, String returnTo) {}

  final InMemoryDirectory directory = new InMemoryDirectory();
  final McpGovernance gov;
  final URI callbackUrl;
  private final Map<String, PendingOAuth> pending = new ConcurrentHashMap<>();

  /** In memory: the organization lasts as long as the process. */
  Platform(URI consoleUrl) {
    this(consoleUrl, null, null);
  }

  /**
   * With {@code stores} (null: in memory), every store of the organization is in PostgreSQL and
   * credentials are encrypted under {@code key}, which must be the same on every start.
   */
  Platform(URI consoleUrl, McpPostgres stores, byte[] key) {
    PEOPLE.forEach(directory::put);
    this.callbackUrl = consoleUrl.resolve("/oauth/callback");
    if (key == null) {
      key = new byte[32];
      new SecureRandom().nextBytes(key); // credentials at rest, for this run only
    }
    McpGovernance.Builder builder = McpGovernance.builder()
        .directory(directory)
        .cipher(SecretCipher.aesGcm(KeySource.of("console", key)))
        .oauth(McpOAuth.builder().redirectUri(callbackUrl).clientName("mcpkit agent platform"))
        .auditorGroup(AUDITORS);
    if (stores != null) {
      Postgres.wire(builder, stores);
    }
    this.gov = builder.build();
  }

  /** The person with {@code id}, or the admin for an unknown id. */
  Principal person(String id) {
    Principal p = directory.find(id);
    return p != null ? p : PEOPLE.get(0);
  }

  /** Remembers an OAuth flow by the {@code state} of its authorization URL. */
  URI expect(URI authorizationUrl, String userId, String connectionId, String returnTo) {
    String state = queryParam(authorizationUrl, "state");
    if (state != null) {
      if (pending.size() > 1000) {
        pending.clear(); // abandoned flows: a bound, not a history
      }
      pending.put(state, new PendingOAuth(userId, connectionId, returnTo));
    }
    return authorizationUrl;
  }

  /** The flow a callback with {@code state} completes, once; null if unknown. */
  PendingOAuth complete(String state) {
    return state == null ? null : pending.remove(state);
  }

  static String queryParam(URI url, String name) {
    String q = url.getRawQuery();
    if (q == null) {
      return null;
    }
    for (String pair : q.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
      }
    }
    return null;
  }

  @Override
  public void close() {
    gov.close();
  }
}
