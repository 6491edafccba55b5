package dev.mcpkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpkit.policy.AuditEvent;
import dev.mcpkit.policy.spi.Samples;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The PostgreSQL activity log: concurrent events share commits and none is lost or doubled. */
class AuditLogTest {
  @Test
  void everyEventRecordedConcurrentlyIsKeptExactlyOnce() throws Exception {
    AuditLog log = TestDatabase.freshStores("audit_many").auditLog();
    ExecutorService pool = Executors.newFixedThreadPool(16);
    List<Future<List<AuditEvent>>> writers = new ArrayList<>();
    for (int t = 0; t < 16; t++) {
      writers.add(pool.submit(() -> {
        List<AuditEvent> mine = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
          AuditEvent e = Samples.event("alice", "helper", Instant.now());
          log.record(e);
          mine.add(e);
        }
        return mine;
      }));
    }
    Set<AuditEvent> acknowledged = new HashSet<>();
    for (Future<List<AuditEvent>> f : writers) {
      acknowledged.addAll(f.get(60, TimeUnit.SECONDS));
    }
    pool.shutdown();

    List<AuditEvent> stored = log.byPrincipal("alice", 10_000);
    assertThat(stored).hasSize(800).doesNotHaveDuplicates();
    assertThat(new HashSet<>(stored)).isEqualTo(acknowledged);
  }

  @Test
  void anEventWhoseIdIsTakenIsRefusedAndTheOthersOfItsCommitAreNotAcknowledged() throws Exception {
    AuditLog log = TestDatabase.freshStores("audit_dup").auditLog();
    AuditEvent e = Samples.event("alice", "helper", Instant.now());
    log.record(e);

    assertThatThrownBy(() -> log.record(e)).isInstanceOf(IOException.class)
        .hasMessageContaining("record 1 audit event").hasMessageContaining("23505")
        .hasMessageNotContaining(e.id());
    assertThat(log.byPrincipal("alice", 10)).containsExactly(e);
  }
}
