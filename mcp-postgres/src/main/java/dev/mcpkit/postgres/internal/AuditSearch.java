package dev.mcpkit.postgres.internal;

import dev.mcpkit.policy.AuditEvent;
import dev.mcpkit.policy.AuditFilter;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link dev.mcpkit.policy.spi.AuditQuery#search} in SQL: only the filter's set fields become
 * conditions (each column has an index on {@code (column, seq)}), newest first by insertion order,
 * continuing strictly after the event {@code afterId} names. An {@code afterId} the log no longer
 * holds makes the sub-select null, so the page is empty, as the SPI defines.
 */
final class AuditSearch {
  private final Database db;
  private final String table;

  AuditSearch(Database db) {
    this.db = db;
    this.table = db.table("audit_events");
  }

  List<AuditEvent> run(AuditFilter filter, String afterId, int limit) throws IOException {
    Objects.requireNonNull(filter, "filter");
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, got " + limit);
    }
    StringBuilder sql = new StringBuilder("SELECT doc FROM ").append(table).append(" WHERE true");
    List<String> values = new ArrayList<>();
    condition(sql, values, "principal_id", filter.principalId());
    condition(sql, values, "agent_id", filter.agentId());
    condition(sql, values, "server_id", filter.serverId());
    condition(sql, values, "correlation_id", filter.correlationId());
    if (afterId != null) {
      sql.append(" AND seq < (SELECT seq FROM ").append(table).append(" WHERE id = ?)");
      values.add(afterId);
    }
    sql.append(" ORDER BY seq DESC LIMIT ?");
    return db.query("search the activity log", sql.toString(), ps -> {
      int i = 1;
      for (String v : values) {
        ps.setString(i++, v);
      }
      ps.setInt(i, limit);
    }, rs -> Json.read(rs.getString(1), AuditEvent.class));
  }

  private static void condition(StringBuilder sql, List<String> values, String column,
      String value) {
    if (value != null) {
      sql.append(" AND ").append(column).append(" = ?");
      values.add(value);
    }
  }
}
