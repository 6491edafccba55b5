package dev.mcpkit.postgres.internal;

import dev.mcpkit.policy.AuditEvent;
import dev.mcpkit.postgres.AuditLog;
import java.io.IOException;
import java.util.List;

/**
 * The activity log in table {@code audit_events}, both {@link AuditSink} and {@link AuditQuery}. An
 * event is acknowledged (its {@link #record} returns) only after its INSERT committed, so an
 * acknowledged event survives a crash of the instance; history reads newest first by insertion order.
 */
public final class PgAuditLog implements AuditLog {
  private final Database db;
  private final String insert;
  private final String byPrincipal;
  private final String byAgent;

  public PgAuditLog(Database db) {
    this.db = db;
    String t = db.table("audit_events");
    insert = "INSERT INTO " + t + " (id, principal_id, agent_id, doc) VALUES (?, ?, ?, ?::jsonb)";
    byPrincipal = "SELECT doc FROM " + t + " WHERE principal_id = ? ORDER BY seq DESC LIMIT ?";
    byAgent = "SELECT doc FROM " + t + " WHERE agent_id = ? ORDER BY seq DESC LIMIT ?";
  }

  @Override
  public void record(AuditEvent event) throws IOException {
    String doc = Json.write(event);
    db.update("record an audit event", insert, ps -> {
      ps.setString(1, event.id());
      ps.setString(2, event.principalId());
      ps.setString(3, event.agentId());
      ps.setString(4, doc);
    });
  }

  @Override
  public List<AuditEvent> byPrincipal(String principalId, int limit) throws IOException {
    return history("read a user's history", byPrincipal, principalId, limit);
  }

  @Override
  public List<AuditEvent> byAgent(String agentId, int limit) throws IOException {
    return history("read an agent's history", byAgent, agentId, limit);
  }

  private List<AuditEvent> history(String what, String sql, String id, int limit)
      throws IOException {
    if (limit < 0) {
      throw new IllegalArgumentException("limit must not be negative, got " + limit);
    }
    return db.query(what, sql, ps -> {
      ps.setString(1, id);
      ps.setInt(2, limit);
    }, rs -> Json.read(rs.getString(1), AuditEvent.class));
  }
}
