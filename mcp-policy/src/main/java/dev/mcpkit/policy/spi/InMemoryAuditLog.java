package dev.mcpkit.policy.spi;

import dev.mcpkit.policy.AuditEvent;
import dev.mcpkit.policy.AuditFilter;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The default activity log: the newest {@code capacity} events in memory (a ring), each also written to
 * SLF4J logger {@code dev.mcpkit.policy.audit} at INFO. Both {@link AuditSink} and {@link AuditQuery}.
 * Thread-safe. Not durable: hosts that must keep the log provide their own sink.
 */
public final class InMemoryAuditLog implements AuditSink, AuditQuery {
  private static final Logger LOG = LoggerFactory.getLogger("dev.mcpkit.policy.audit");

  private final ArrayDeque<AuditEvent> events = new ArrayDeque<>();
  private final int capacity;
  private final boolean slf4j;

  /** Keeps the newest 10,000 events and logs each to SLF4J. */
  public InMemoryAuditLog() {
    this(10_000, true);
  }

  /** Keeps the newest {@code capacity} events; {@code slf4j} also logs each. */
  public InMemoryAuditLog(int capacity, boolean slf4j) {
    if (capacity < 1) {
      throw new IllegalArgumentException("capacity must be at least 1, got " + capacity);
    }
    this.capacity = capacity;
    this.slf4j = slf4j;
  }

  @Override
  public void record(AuditEvent event) {
    Objects.requireNonNull(event, "event");
    synchronized (events) {
      if (events.size() == capacity) {
        events.removeFirst();
      }
      events.addLast(event);
    }
    if (slf4j && LOG.isInfoEnabled()) {
      LOG.info("{} {} principal={} agent={} server={} tool={} correlation={} {}", event.type(),
          event.outcome(), event.principalId(), event.agentId(), event.serverId(), event.tool(),
          event.correlationId(), event.detail() == null ? "" : event.detail());
    }
  }

  @Override
  public List<AuditEvent> byPrincipal(String principalId, int limit) {
    return newest(e -> principalId.equals(e.principalId()), limit);
  }

  @Override
  public List<AuditEvent> byAgent(String agentId, int limit) {
    return newest(e -> agentId.equals(e.agentId()), limit);
  }

  @Override
  public List<AuditEvent> search(AuditFilter filter, String afterId, int limit) {
    List<AuditEvent> out = new ArrayList<>();
    synchronized (events) {
      Iterator<AuditEvent> it = events.descendingIterator();
      boolean started = afterId == null;
      while (it.hasNext() && out.size() < limit) {
        AuditEvent e = it.next();
        if (!started) {
          started = e.id().equals(afterId);
        } else if (filter.matches(e)) {
          out.add(e);
        }
      }
    }
    return out;
  }

  @Override
  public int purgeBefore(Instant cutoff) {
    int purged = 0;
    synchronized (events) {
      Iterator<AuditEvent> it = events.iterator();
      while (it.hasNext()) {
        if (it.next().time().isBefore(cutoff)) {
          it.remove();
          purged++;
        }
      }
    }
    return purged;
  }

  /** Every event held, oldest first. */
  public List<AuditEvent> all() {
    synchronized (events) {
      return List.copyOf(events);
    }
  }

  private List<AuditEvent> newest(java.util.function.Predicate<AuditEvent> match, int limit) {
    List<AuditEvent> out = new ArrayList<>();
    synchronized (events) {
      Iterator<AuditEvent> it = events.descendingIterator();
      while (it.hasNext() && out.size() < limit) {
        AuditEvent e = it.next();
        if (match.test(e)) {
          out.add(e);
        }
      }
    }
    return out;
  }
}
