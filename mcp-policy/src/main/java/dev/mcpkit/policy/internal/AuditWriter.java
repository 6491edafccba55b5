package dev.mcpkit.policy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.policy.AuditEvent;
import dev.mcpkit.policy.spi.AuditSink;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds audit events (redacting inputs, results and texts) and hands them to the sink. */
public final class AuditWriter {
  private static final Logger LOG = LoggerFactory.getLogger(AuditWriter.class);

  private final AuditSink sink;
  private final Clock clock;

  public AuditWriter(AuditSink sink, Clock clock) {
    this.sink = sink;
    this.clock = clock;
  }

  /** Who, through what, on which server and tool: the fixed part of an event. */
  public record Subject(String principalId, String agentId, String serverId, String tool,
      String correlationId) {}

  /** Records an event; throws when the sink cannot keep it. */
  public void record(AuditEvent.Type type, Subject s, JsonNode input, JsonNode result, String error,
      Duration duration, String outcome, String detail) throws IOException {
    recordRedacted(type, s, Redactor.redact(input), result, error, duration, outcome, detail);
  }

  /**
   * Records an event whose {@code input} the caller already redacted (so that the events of one
   * call redact it once); throws when the sink cannot keep it.
   */
  public void recordRedacted(AuditEvent.Type type, Subject s, JsonNode redactedInput,
      JsonNode result, String error, Duration duration, String outcome, String detail)
      throws IOException {
    recordRedacted(type, s, redactedInput, result, error, duration, outcome, detail, null);
  }

  /** {@link #recordRedacted} naming which way the call's credential was obtained. */
  public void recordRedacted(AuditEvent.Type type, Subject s, JsonNode redactedInput,
      JsonNode result, String error, Duration duration, String outcome, String detail,
      String tokenSource) throws IOException {
    try {
      sink.record(new AuditEvent(Ids.next(), clock.instant(), type,
          s.principalId(), s.agentId(), s.serverId(), s.tool(), redactedInput,
          Redactor.redact(result), Redactor.redactText(error), duration, outcome,
          s.correlationId(), Redactor.redactText(detail), tokenSource));
    } catch (IOException | RuntimeException e) {
      throw new IOException("the audit sink refused a " + type + " event: " + e.getMessage(), e);
    }
  }

  /** {@link #recordRedacted} if possible; a failing sink is logged. */
  public void tryRecordRedacted(AuditEvent.Type type, Subject s, JsonNode redactedInput,
      JsonNode result, String error, Duration duration, String outcome, String detail) {
    tryRecordRedacted(type, s, redactedInput, result, error, duration, outcome, detail, null);
  }

  /** {@link #tryRecordRedacted} naming which way the call's credential was obtained. */
  public void tryRecordRedacted(AuditEvent.Type type, Subject s, JsonNode redactedInput,
      JsonNode result, String error, Duration duration, String outcome, String detail,
      String tokenSource) {
    try {
      recordRedacted(type, s, redactedInput, result, error, duration, outcome, detail,
          tokenSource);
    } catch (IOException e) {
      LOG.error("activity log event lost ({} {} correlation={}): {}", type, outcome,
          s.correlationId(), e.getMessage());
    }
  }

  /** Records an event if possible; a failing sink is logged (used once the outcome is decided). */
  public void tryRecord(AuditEvent.Type type, Subject s, JsonNode input, JsonNode result,
      String error, Duration duration, String outcome, String detail) {
    try {
      record(type, s, input, result, error, duration, outcome, detail);
    } catch (IOException e) {
      LOG.error("activity log event lost ({} {} correlation={}): {}", type, outcome,
          s.correlationId(), e.getMessage());
    }
  }
}
