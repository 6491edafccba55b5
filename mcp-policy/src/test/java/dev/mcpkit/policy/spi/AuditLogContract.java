package dev.mcpkit.policy.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.policy.AuditEvent;
import dev.mcpkit.policy.AuditFilter;
import org.junit.jupiter.api.Test;

/**
 * What every {@link AuditSink} with its {@link AuditQuery} must do. Extend it and return an empty log
 * that is both (or override {@link #query} to read the sink's events back).
 */
public abstract class AuditLogContract {
  protected abstract AuditSink newSink() throws Exception;

  /** The query side of {@code sink}; by default the sink itself. */
  protected AuditQuery query(AuditSink sink) {
    return (AuditQuery) sink;
  }

  @Test
  public void aRecordedEventCanBeReadBackByPrincipalAndByAgent() throws Exception {
    AuditSink sink = newSink();
    AuditEvent e = Samples.event("alice", "helper", Samples.T0);
    sink.record(e);
    assertThat(query(sink).byPrincipal("alice", 10)).containsExactly(e);
    assertThat(query(sink).byAgent("helper", 10)).containsExactly(e);
    assertThat(query(sink).byPrincipal("bob", 10)).isEmpty();
  }

  @Test
  public void searchMatchesTheFilterNewestFirstAndContinuesAfterAnEvent() throws Exception {
    AuditSink sink = newSink();
    AuditEvent a1 = Samples.event("alice", "helper", Samples.T0, "c1");
    AuditEvent b1 = Samples.event("bob", "helper", Samples.T0.plusSeconds(1), "c2");
    AuditEvent a2 = Samples.event("alice", "helper", Samples.T0.plusSeconds(2), "c1");
    AuditEvent a3 = Samples.event("alice", "other", Samples.T0.plusSeconds(3), "c3");
    for (AuditEvent e : new AuditEvent[] {a1, b1, a2, a3}) {
      sink.record(e);
    }
    AuditQuery q = query(sink);
    assertThat(q.search(AuditFilter.ALL, null, 10)).containsExactly(a3, a2, b1, a1);
    assertThat(q.search(AuditFilter.principal("alice"), null, 2)).containsExactly(a3, a2);
    assertThat(q.search(AuditFilter.principal("alice"), a2.id(), 2)).containsExactly(a1);
    assertThat(q.search(AuditFilter.correlation("c1"), null, 10)).containsExactly(a2, a1);
    assertThat(q.search(new AuditFilter(null, "other", null, null), null, 10))
        .containsExactly(a3);
  }

  @Test
  public void purgeBeforeDeletesOnlyOlderEvents() throws Exception {
    AuditSink sink = newSink();
    AuditEvent old = Samples.event("alice", "helper", Samples.T0);
    AuditEvent edge = Samples.event("alice", "helper", Samples.T0.plusSeconds(10));
    AuditEvent fresh = Samples.event("alice", "helper", Samples.T0.plusSeconds(20));
    for (AuditEvent e : new AuditEvent[] {old, edge, fresh}) {
      sink.record(e);
    }
    assertThat(query(sink).purgeBefore(Samples.T0.plusSeconds(10))).isEqualTo(1);
    assertThat(query(sink).search(AuditFilter.ALL, null, 10)).containsExactly(fresh, edge);
    assertThat(query(sink).purgeBefore(Samples.T0.plusSeconds(10))).isZero();
  }

  @Test
  public void historyIsNewestFirstAndLimited() throws Exception {
    AuditSink sink = newSink();
    AuditEvent first = Samples.event("alice", "helper", Samples.T0);
    AuditEvent second = Samples.event("alice", "helper", Samples.T0.plusSeconds(1));
    AuditEvent third = Samples.event("alice", "other", Samples.T0.plusSeconds(2));
    sink.record(first);
    sink.record(second);
    sink.record(third);
    assertThat(query(sink).byPrincipal("alice", 2)).containsExactly(third, second);
    assertThat(query(sink).byAgent("helper", 10)).containsExactly(second, first);
  }
}
