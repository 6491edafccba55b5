package dev.mcpkit.benchmarks.postgres;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mcpkit.policy.AuditEvent;
import dev.mcpkit.postgres.AuditLog;
import dev.mcpkit.postgres.McpPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Sustained audit appends: 16 threads record events (each acknowledged only after its INSERT
 * committed) for the whole duration; then the table is counted, so a lost event would show.
 */
final class AuditFigures {
  private AuditFigures() {}

  static void run(String url, int seconds) throws Exception {
    String schema = "bench_audit_" + System.nanoTime();
    McpPostgres pg = PostgresFigures.stores(url, schema, 16);
    AuditLog log = pg.auditLog();
    for (int i = 0; i < 2_000; i++) {
      log.record(event());
    }
    AtomicLong acknowledged = new AtomicLong(2_000);
    long end = System.nanoTime() + Duration.ofSeconds(seconds).toNanos();
    Thread[] writers = new Thread[16];
    long t0 = System.nanoTime();
    AtomicLong measured = new AtomicLong();
    for (int i = 0; i < writers.length; i++) {
      writers[i] = new Thread(() -> {
        try {
          while (System.nanoTime() < end) {
            log.record(event());
            acknowledged.incrementAndGet();
            measured.incrementAndGet();
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      writers[i].start();
    }
    for (Thread t : writers) {
      t.join();
    }
    double elapsed = (System.nanoTime() - t0) / 1e9;
    long stored;
    try (Connection c = PostgresFigures.pool(url, 1).getConnection(); Statement s = c.createStatement();
        ResultSet rs = s.executeQuery("SELECT count(*) FROM \"" + schema + "\".audit_events")) {
      rs.next();
      stored = rs.getLong(1);
    }
    System.out.printf("audit append, 16 threads for %.1f s: %.0f events/s sustained; "
        + "acknowledged %d, stored %d (lost %d)%n", elapsed, measured.get() / elapsed,
        acknowledged.get(), stored, acknowledged.get() - stored);
  }

  static AuditEvent event() {
    return new AuditEvent(UUID.randomUUID().toString(), Instant.now(), AuditEvent.Type.CALL,
        "alice", "agent", "crm", "echo",
        JsonNodeFactory.instance.objectNode().put("message", "hello"), null, null,
        Duration.ofMillis(3), "completed", "corr", null);
  }
}
