package dev.mcpkit.opentelemetry.internal;

import dev.mcpkit.policy.AuditEvent;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributesBuilder;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Puts governance audit events on the current span and counts them. Approval requests are
 * remembered by correlation id (bounded) until decided, to measure their wait and count those
 * pending; one decided on another instance, or after a restart, is decided without a wait.
 */
public final class AuditSpans {
  static final int MAX_PENDING = 100_000;
  private final Instruments instruments;
  private final Map<String, Instant> pending = new ConcurrentHashMap<>();

  public AuditSpans(Instruments instruments) {
    this.instruments = instruments;
  }

  public void record(AuditEvent event) {
    String decision = decision(event);
    String rule = rule(event);
    Double waited = waitFor(event);
    if (decision != null) {
      AttributesBuilder counted = Attributes.builder().put(SemConv.GOV_DECISION, decision);
      if (rule != null) {
        counted.put(SemConv.GOV_RULE, rule);
      }
      instruments.decisions.add(1, counted.build());
    }
    Span span = Span.current();
    if (!span.isRecording()) {
      return;
    }
    if (event.correlationId() != null) {
      span.setAttribute(SemConv.GOV_CORRELATION, event.correlationId());
    }
    if (event.agentId() != null) {
      span.setAttribute(SemConv.GOV_AGENT, event.agentId());
    }
    if (event.serverId() != null) {
      span.setAttribute(SemConv.GOV_SERVER, event.serverId());
    }
    AttributesBuilder attrs = Attributes.builder().put(SemConv.GOV_DECISION, event.outcome());
    if (decision != null) {
      span.setAttribute(SemConv.GOV_DECISION, decision);
    }
    if (rule != null) {
      span.setAttribute(SemConv.GOV_RULE, rule);
      attrs.put(SemConv.GOV_RULE, rule);
    }
    if (event.type() == AuditEvent.Type.DENIAL && event.detail() != null) {
      attrs.put(SemConv.GOV_DETAIL, event.detail()); // already redacted by the engine
    }
    if (waited != null) {
      span.setAttribute(SemConv.GOV_APPROVAL_WAIT, waited);
      attrs.put(SemConv.GOV_APPROVAL_WAIT, waited);
    }
    span.addEvent("mcpkit.governance." + event.type().name().toLowerCase(Locale.ROOT),
        attrs.build());
    if ("denied".equals(event.outcome()) || "failed".equals(event.outcome())) {
      span.setStatus(StatusCode.ERROR);
    }
  }

  /** The decision an event states, or null for events that are not decisions. */
  private static String decision(AuditEvent event) {
    return switch (event.type()) {
      case CALL_ALLOWED, DENIAL, APPROVAL_REQUESTED, APPROVAL_DECISION -> event.outcome();
      default -> null;
    };
  }

  /** The rule of a denial (its detail reads "rule: reason"), or null. */
  private static String rule(AuditEvent event) {
    if (event.type() != AuditEvent.Type.DENIAL || !"denied".equals(event.outcome())
        || event.detail() == null) {
      return null;
    }
    int colon = event.detail().indexOf(": ");
    String rule = colon < 0 ? null : event.detail().substring(0, colon);
    return rule != null && rule.length() <= 64 && !rule.contains(" ") ? rule : null;
  }

  /** Tracks pending approvals; returns the wait in seconds when a remembered one is decided. */
  private Double waitFor(AuditEvent event) {
    String id = event.correlationId();
    if (id == null) {
      return null;
    }
    if (event.type() == AuditEvent.Type.APPROVAL_REQUESTED) {
      if (pending.size() < MAX_PENDING && pending.putIfAbsent(id, event.time()) == null) {
        instruments.approvalsPending.add(1);
      }
      return null;
    }
    if (event.type() == AuditEvent.Type.APPROVAL_DECISION) {
      Instant asked = pending.remove(id);
      if (asked != null) {
        instruments.approvalsPending.add(-1);
        double seconds = Duration.between(asked, event.time()).toNanos() / 1e9;
        instruments.approvalWait.record(seconds, Attributes.of(SemConv.GOV_DECISION,
            event.outcome()));
        return seconds;
      }
    }
    return null;
  }
}
