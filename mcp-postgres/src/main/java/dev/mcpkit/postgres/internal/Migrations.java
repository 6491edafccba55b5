package dev.mcpkit.postgres.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Creates and upgrades the schema. Migrations are SQL files in this jar, applied in order in one
 * transaction that holds a transaction-scoped advisory lock for the schema, so instances starting at
 * once apply each migration exactly once and the others wait and find it done. Each applied migration
 * is recorded with the SHA-256 of its text; a recorded migration whose text changed, or one this
 * version does not know (the database was upgraded by a newer version), refuses to start.
 */
public final class Migrations {
  /** The migrations, oldest first; a released file is never edited, only followed by a new one. */
  static final List<String> FILES = List.of("V1__stores.sql", "V2__read_side.sql",
      "V3__shared_server_state.sql", "V4__tasks.sql");

  private Migrations() {}

  /** Brings {@code db}'s schema up to date; returns how many migrations it applied. */
  public static int apply(Database db) throws IOException {
    Map<Integer, Migration> known = load();
    String quoted = '"' + db.schema() + '"';
    return db.inTransaction("migrate schema " + db.schema(), c -> {
      try (PreparedStatement lock = c.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))")) {
        lock.setInt(1, 0x6d63706b); // "mcpk": our lock space
        lock.setString(2, db.schema());
        lock.execute();
      }
      try (Statement s = c.createStatement()) {
        s.execute("CREATE SCHEMA IF NOT EXISTS " + quoted);
        s.execute("CREATE TABLE IF NOT EXISTS " + quoted + ".schema_migrations (version integer "
            + "PRIMARY KEY, description text NOT NULL, checksum text NOT NULL, "
            + "applied_at timestamptz NOT NULL DEFAULT now())");
      }
      Map<Integer, String> applied = applied(c, quoted);
      for (Map.Entry<Integer, String> row : applied.entrySet()) {
        Migration m = known.get(row.getKey());
        if (m == null) {
          throw new IllegalStateException("schema " + db.schema() + " has migration V"
              + row.getKey() + ", which this version of mcp-postgres does not know: the database "
              + "was upgraded by a newer version; run that version (or a newer one) instead");
        }
        if (!m.checksum().equals(row.getValue())) {
          throw new IllegalStateException("schema " + db.schema() + ": migration V" + row.getKey()
              + " (" + m.description() + ") was applied with checksum " + row.getValue()
              + " but this version's file has " + m.checksum() + "; a released migration must never "
              + "change: restore the schema or run the version that applied it");
        }
      }
      int count = 0;
      for (Migration m : known.values()) {
        if (!applied.containsKey(m.version())) {
          try (Statement s = c.createStatement()) {
            s.execute(m.sql().replace("${schema}", quoted));
          }
          try (PreparedStatement ins = c.prepareStatement("INSERT INTO " + quoted
              + ".schema_migrations (version, description, checksum) VALUES (?, ?, ?)")) {
            ins.setInt(1, m.version());
            ins.setString(2, m.description());
            ins.setString(3, m.checksum());
            ins.executeUpdate();
          }
          count++;
        }
      }
      return count;
    });
  }

  private static Map<Integer, String> applied(Connection c, String quoted) throws SQLException {
    Map<Integer, String> rows = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT version, checksum FROM " + quoted
            + ".schema_migrations ORDER BY version")) {
      while (rs.next()) {
        rows.put(rs.getInt(1), rs.getString(2));
      }
    }
    return rows;
  }

  /** One migration file: {@code V<version>__<description>.sql}. */
  record Migration(int version, String description, String sql, String checksum) {}

  static Map<Integer, Migration> load() {
    Map<Integer, Migration> out = new LinkedHashMap<>();
    for (String file : FILES) {
      int version = Integer.parseInt(file.substring(1, file.indexOf("__")));
      String description = file.substring(file.indexOf("__") + 2, file.length() - 4).replace('_', ' ');
      try (InputStream in = Migrations.class.getResourceAsStream("/dev/mcpkit/postgres/migrations/"
          + file)) {
        if (in == null) {
          throw new IllegalStateException("migration " + file + " is missing from the jar");
        }
        byte[] text = in.readAllBytes();
        out.put(version, new Migration(version, description,
            new String(text, StandardCharsets.UTF_8), sha256(text)));
      } catch (IOException e) {
        throw new IllegalStateException("cannot read migration " + file, e);
      }
    }
    return out;
  }

  private static String sha256(byte[] text) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
