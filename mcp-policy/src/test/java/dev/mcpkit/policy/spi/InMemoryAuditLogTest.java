package dev.mcpkit.policy.spi;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InMemoryAuditLogTest extends AuditLogContract {
  @Override
  protected AuditSink newSink() {
    return new InMemoryAuditLog(100, false);
  }

  @Test
  void theRingKeepsOnlyTheNewestEvents() {
    InMemoryAuditLog log = new InMemoryAuditLog(2, false);
    for (int i = 0; i < 5; i++) {
      log.record(Samples.event("alice", "helper", Samples.T0.plusSeconds(i)));
    }
    assertThat(log.all()).extracting(e -> e.time().getEpochSecond() - Samples.T0.getEpochSecond())
        .containsExactly(3L, 4L);
  }
}
