package dev.mcpkit.postgres.internal;

import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import javax.sql.DataSource;
import org.postgresql.util.PSQLException;

/**
 * The host's data source and the schema the stores live in, with the few JDBC shapes the stores use.
 * Every statement names its table through {@link #table}, so one database can hold several schemas.
 * A failure becomes an {@link IOException} that names the statement's purpose and the database's own
 * message (which never contains the bound values).
 */
public final class Database {
  private final DataSource dataSource;
  private final String schema;

  public Database(DataSource dataSource, String schema) {
    this.dataSource = Objects.requireNonNull(dataSource, "dataSource");
    this.schema = SchemaName.validate(schema);
  }

  public String schema() {
    return schema;
  }

  public DataSource dataSource() {
    return dataSource;
  }

  /** {@code "schema".table}, for SQL text. */
  public String table(String name) {
    return '"' + schema + "\"." + name;
  }

  /** Binds the parameters of one statement. */
  @FunctionalInterface
  public interface Binder {
    void bind(PreparedStatement statement) throws SQLException;
  }

  /** Reads one row. */
  @FunctionalInterface
  public interface RowReader<T> {
    T read(ResultSet row) throws SQLException, IOException;
  }

  /** Work done on one connection. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection connection) throws SQLException, IOException;
  }

  /** Runs an INSERT, UPDATE or DELETE and returns the number of rows it changed. */
  public int update(String what, String sql, Binder binder) throws IOException {
    return withConnection(what, c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        binder.bind(ps);
        return ps.executeUpdate();
      }
    });
  }

  /** Runs a query and reads every row. */
  public <T> List<T> query(String what, String sql, Binder binder, RowReader<T> reader)
      throws IOException {
    return withConnection(what, c -> {
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        binder.bind(ps);
        try (ResultSet rs = ps.executeQuery()) {
          List<T> rows = new ArrayList<>();
          while (rs.next()) {
            rows.add(reader.read(rs));
          }
          return rows;
        }
      }
    });
  }

  /** Runs a query and reads its first row, or returns null when there is none. */
  public <T> T queryOne(String what, String sql, Binder binder, RowReader<T> reader)
      throws IOException {
    List<T> rows = query(what, sql, binder, reader);
    return rows.isEmpty() ? null : rows.get(0);
  }

  /** Runs {@code work} on one connection in autocommit mode. */
  public <T> T withConnection(String what, Work<T> work) throws IOException {
    try (Connection c = dataSource.getConnection()) {
      return work.run(c);
    } catch (SQLException e) {
      throw failure(what, e);
    }
  }

  /** Runs {@code work} in one transaction, committed when it returns and rolled back when it throws. */
  public <T> T inTransaction(String what, Work<T> work) throws IOException {
    return withConnection(what, c -> {
      boolean auto = c.getAutoCommit();
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | IOException | RuntimeException e) {
        c.rollback();
        throw e;
      } finally {
        c.setAutoCommit(auto);
      }
    });
  }

  /**
   * The exception a store throws when the database failed. A server error is described by its
   * primary message and SQLState only: its detail (and so the original exception, which is not
   * attached) may quote the row's values, such as a session id.
   */
  public IOException failure(String what, SQLException e) {
    String prefix = "PostgreSQL store (schema " + schema + "): could not " + what + ": ";
    for (SQLException cause = e; cause != null; cause = cause.getNextException()) {
      if (cause instanceof PSQLException p && p.getServerErrorMessage() != null) {
        return new IOException(prefix + p.getServerErrorMessage().getMessage() + " [SQLState "
            + p.getSQLState() + "]");
      }
    }
    if (e instanceof java.sql.BatchUpdateException) { // its message quotes the statement's values
      return new IOException(prefix + "a batch failed [SQLState " + e.getSQLState() + "]");
    }
    return new IOException(prefix + e.getMessage() + " [SQLState " + e.getSQLState() + "]", e);
  }
}
