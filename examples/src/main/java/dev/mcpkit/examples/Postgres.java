package dev.mcpkit.examples;

import dev.mcpkit.policy.McpGovernance;
import dev.mcpkit.postgres.McpPostgres;
import java.io.IOException;
import java.util.Base64;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The examples' {@code --postgres URL} option: every store on one PostgreSQL database, through the
 * driver's own data source (a host would use its connection pool instead).
 */
public final class Postgres {
  /** Supplies the JDBC URL when {@code --postgres} is not given. */
  public static final String URL_VARIABLE = "MCPKIT_POSTGRES_URL";
  /** The key that encrypts stored credentials: 16 or 32 bytes in base64, the same on every run. */
  public static final String SECRET_KEY_VARIABLE = "MCPKIT_SECRET_KEY";

  private Postgres() {}

  /**
   * Connects to {@code jdbcUrl} ({@code jdbc:postgresql://host:port/db?user=...&password=...}) and
   * migrates schema {@code mcp}.
   */
  public static McpPostgres connect(String jdbcUrl) throws IOException {
    if (!jdbcUrl.startsWith("jdbc:postgresql:")) {
      throw new IllegalArgumentException("--postgres needs a PostgreSQL JDBC URL such as "
          + "jdbc:postgresql://localhost:5432/mcp?user=mcp&password=...; got one that does not "
          + "start with jdbc:postgresql:");
    }
    PGSimpleDataSource ds = new PGSimpleDataSource();
    ds.setURL(jdbcUrl);
    return McpPostgres.builder().dataSource(ds).schema("mcp").build();
  }

  /** Puts every governance store of {@code builder} in {@code stores}. */
  public static McpGovernance.Builder wire(McpGovernance.Builder builder, McpPostgres stores) {
    var log = stores.auditLog();
    return builder.registry(stores.registryStore()).sharing(stores.sharingStore())
        .connectors(stores.connectorStore()).connections(stores.connectionStore())
        .approvals(stores.approvalStore()).audit(log, log).tokenStore(stores.tokenStore())
        .toolCatalogs(stores.toolCatalogStore());
  }

  /** The key in {@code base64}, or null when it is missing or not 16 or 32 bytes. */
  public static byte[] secretKey(String base64) {
    if (base64 == null) {
      return null;
    }
    try {
      byte[] key = Base64.getDecoder().decode(base64.trim());
      return key.length == 32 || key.length == 16 ? key : null;
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  /** What to do when {@link #secretKey} found none. */
  public static String missingKey() {
    return "with --postgres, set " + SECRET_KEY_VARIABLE + " to 32 random bytes in base64 (e.g. "
        + "openssl rand -base64 32), the same on every run: it encrypts the stored credentials";
  }
}
