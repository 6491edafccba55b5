package dev.mcpkit.policy.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.policy.AuditEvent;
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
