package dev.mcpkit.policy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.policy.AuditEvent;
import dev.mcpkit.policy.PayloadPolicy;
import dev.mcpkit.policy.ServerRegistration;
import dev.mcpkit.policy.spi.RegistryStore;
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
  private final RegistryStore registry;

  public AuditWriter(AuditSink sink, Clock clock) {
    this(sink, clock, null);
  }

  /** A writer that keeps of each server's payloads what its {@link PayloadPolicy} allows. */
  public AuditWriter(AuditSink sink, Clock clock, RegistryStore registry) {
    this.sink = sink;
    this.clock = clock;
    this.registry = registry;
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
    PayloadPolicy policy = policy(s.serverId(), redactedInput, result);
    try {
      sink.record(new AuditEvent(Ids.next(), clock.instant(), type,
          s.principalId(), s.agentId(), s.serverId(), s.tool(),
          Payloads.logged(policy, redactedInput),
          policy == PayloadPolicy.METADATA_ONLY ? null
              : Payloads.logged(policy, Redactor.redact(result)),
          Redactor.redactText(error), duration, outcome,
          s.correlationId(), Redactor.redactText(detail), tokenSource));
    } catch (IOException | RuntimeException e) {
      throw new IOException("the audit sink refused a " + type + " event: " + e.getMessage(), e);
    }
  }

  /** The server's policy; a registry that cannot answer keeps nothing of the payload. */
  private PayloadPolicy policy(String serverId, JsonNode input, JsonNode result) {
    if (registry == null || serverId == null || (input == null && result == null)) {
      return PayloadPolicy.FULL;
    }
    try {
      ServerRegistration reg = registry.find(serverId);
      return reg == null ? PayloadPolicy.FULL : reg.payloadPolicy();
    } catch (IOException | RuntimeException e) {
      return PayloadPolicy.METADATA_ONLY;
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
