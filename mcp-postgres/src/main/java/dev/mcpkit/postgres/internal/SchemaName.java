package dev.mcpkit.postgres.internal;

import java.util.regex.Pattern;

/** The schema names a host may choose: plain lower-case SQL identifiers, so none needs escaping. */
final class SchemaName {
  private static final Pattern VALID = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

  private SchemaName() {}

  static String validate(String schema) {
    if (schema == null || !VALID.matcher(schema).matches() || schema.startsWith("pg_")) {
      throw new IllegalArgumentException("schema name must be 1 to 63 characters of a-z, 0-9 and _, "
          + "not starting with a digit or 'pg_'; got "
          + (schema == null ? "null" : "'" + schema.replaceAll("[^\\x20-\\x7e]", "?") + "'"));
    }
    return schema;
  }
}
