package dev.mcpkit.examples;

import dev.mcpkit.postgres.McpPostgres;
import java.io.IOException;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The examples' {@code --postgres URL} option: every store on one PostgreSQL database, through the
 * driver's own data source (a host would use its connection pool instead).
 */
public final class Postgres {
  /** Supplies the JDBC URL when {@code --postgres} is not given. */
  public static final String URL_VARIABLE = "MCPKIT_POSTGRES_URL";

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
}
