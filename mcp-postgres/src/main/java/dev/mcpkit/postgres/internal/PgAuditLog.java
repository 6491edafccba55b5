package dev.mcpkit.postgres.internal;

import dev.mcpkit.policy.AuditEvent;
import dev.mcpkit.policy.AuditFilter;
import dev.mcpkit.postgres.AuditLog;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The activity log in table {@code audit_events}, both sink and query. An event is acknowledged (its
 * {@link #record} returns) only after its INSERT committed, so an acknowledged event survives a crash
 * of the instance; concurrent events share a transaction. History reads newest first by insertion
 * order.
 */
public final class PgAuditLog implements AuditLog {
  private final Database db;
  private final String insert;
  private final String byPrincipal;
  private final String byAgent;
  private final AuditSearch search;
  private final String purge;
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition written = lock.newCondition();
  private final ArrayDeque<Pending> queue = new ArrayDeque<>();
  private boolean writing;

  public PgAuditLog(Database db) {
    this.db = db;
    String t = db.table("audit_events");
    insert = "INSERT INTO " + t + " (id, principal_id, agent_id, server_id, correlation_id, "
        + "time_second, time_nano, doc) VALUES (?, ?, ?, ?, ?, ?, ?, ?::jsonb)";
    byPrincipal = "SELECT doc FROM " + t + " WHERE principal_id = ? ORDER BY seq DESC LIMIT ?";
    byAgent = "SELECT doc FROM " + t + " WHERE agent_id = ? ORDER BY seq DESC LIMIT ?";
    search = new AuditSearch(db);
    purge = "DELETE FROM " + t + " WHERE (time_second, time_nano) < (?, ?)";
  }

  /**
   * Keeps {@code event}: returns once it is committed. Concurrent callers share commits: whoever
   * finds no batch being written writes every event queued so far (up to 512) in one transaction,
   * while the others wait for theirs; a failed transaction fails every event in it, none of which
   * was acknowledged.
   */
  @Override
  public void record(AuditEvent event) throws IOException {
    Pending mine = new Pending(event, Json.write(event));
    lock.lock();
    try {
      queue.add(mine);
      while (!mine.done) {
        if (writing) {
          written.awaitUninterruptibly();
          continue;
        }
        writing = true;
        List<Pending> batch = new ArrayList<>();
        while (!queue.isEmpty() && batch.size() < 512) {
          batch.add(queue.poll());
        }
        lock.unlock();
        IOException failure = null;
        try {
          write(batch);
        } catch (IOException e) {
          failure = e;
        } finally {
          lock.lock();
          writing = false;
          for (Pending p : batch) {
            p.failure = failure;
            p.done = true;
          }
          written.signalAll();
        }
      }
    } finally {
      lock.unlock();
    }
    if (mine.failure != null) {
      throw new IOException(mine.failure.getMessage(), mine.failure.getCause());
    }
  }

  private void write(List<Pending> batch) throws IOException {
    db.inTransaction("record " + batch.size() + " audit event(s)", c -> {
      try (var ps = c.prepareStatement(insert)) {
        for (Pending p : batch) {
          ps.setString(1, p.event.id());
          ps.setString(2, p.event.principalId());
          ps.setString(3, p.event.agentId());
          ps.setString(4, p.event.serverId());
          ps.setString(5, p.event.correlationId());
          ps.setLong(6, p.event.time().getEpochSecond());
          ps.setInt(7, p.event.time().getNano());
          ps.setString(8, p.doc);
          ps.addBatch();
        }
        return ps.executeBatch();
      }
    });
  }

  /** An event waiting for its commit. Guarded by {@code lock}. */
  private static final class Pending {
    final AuditEvent event;
    final String doc;
    boolean done;
    IOException failure;

    Pending(AuditEvent event, String doc) {
      this.event = event;
      this.doc = doc;
    }
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

  @Override
  public List<AuditEvent> search(AuditFilter filter, String afterId, int limit)
      throws IOException {
    return search.run(filter, afterId, limit);
  }

  /** One DELETE on the indexed time columns, compared to the nanosecond. */
  @Override
  public int purgeBefore(Instant cutoff) throws IOException {
    java.util.Objects.requireNonNull(cutoff, "cutoff");
    return db.update("purge the activity log", purge, ps -> {
      ps.setLong(1, cutoff.getEpochSecond());
      ps.setInt(2, cutoff.getNano());
    });
  }
}
