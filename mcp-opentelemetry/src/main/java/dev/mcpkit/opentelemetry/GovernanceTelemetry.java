package dev.mcpkit.opentelemetry;

import dev.mcpkit.auth.TokenOwner;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.engine.Direction;
import dev.mcpkit.opentelemetry.internal.AuditSpans;
import dev.mcpkit.opentelemetry.internal.Instruments;
import dev.mcpkit.opentelemetry.internal.SemConv;
import dev.mcpkit.policy.spi.AuditSink;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * Governed calls in the trace. {@link #auditSink} wraps the host's activity log: every event is kept
 * by the host's sink first (so a sink that fails still fails the call closed), then shown on the
 * current span, which the governance engine's audit events reach because they are written on the
 * calling thread: the decision (allowed, approval_required, denied and by which rule), the approval's
 * wait, the correlation id of the activity log. Metrics count decisions by outcome and the approvals
 * waiting. {@link #trace} gives a governed call a span of its own to carry them, under which the
 * client span of the call to the server (and, through {@code _meta}, the server's span) nests.
 *
 * <pre>{@code
 * GovernanceTelemetry gov = telemetry.governance();
 * McpGovernance governance = McpGovernance.builder()...
 *     .audit(gov.auditSink(log), log).customizeClients(gov.clients()).build();
 * CallOutcome outcome = gov.trace(serverId, "search", () -> governance.invoke(...));
 * }</pre>
 */
public final class GovernanceTelemetry {
  private final McpTelemetry telemetry;
  private final Tracer tracer;
  private final Instruments instruments;

  GovernanceTelemetry(McpTelemetry telemetry, Tracer tracer, Instruments instruments) {
    this.telemetry = telemetry;
    this.tracer = tracer;
    this.instruments = instruments;
  }

  /**
   * For {@code McpGovernance.Builder.customizeClients}: instruments every client the governance
   * engine connects, and names on each of its client spans the connection the call went through
   * ({@code mcpkit.governance.connection}: {@code user:<id>} for a user's own connection,
   * {@code shared:<connection id>} for a shared one).
   */
  public BiConsumer<TokenOwner, McpClient.Builder> clients() {
    return (owner, builder) -> {
      String connection = owner.toString();
      telemetry.instrument(builder).addInterceptor(chain -> {
        if (chain.direction() == Direction.OUTBOUND) {
          Span.current().setAttribute(SemConv.GOV_CONNECTION, connection);
        }
        return chain.proceed(chain.params());
      });
    };
  }

  /**
   * {@code sink}, with each event also put on the current span and counted. Thread-safe if
   * {@code sink} is; an event {@code sink} refuses is neither shown nor counted.
   */
  public AuditSink auditSink(AuditSink sink) {
    AuditSpans spans = new AuditSpans(instruments);
    Objects.requireNonNull(sink, "sink");
    return event -> {
      sink.record(event);
      spans.record(event);
    };
  }

  /**
   * Runs {@code call} (a governed call, or the approval that runs one) in an internal span named
   * {@code governed tools/call {tool}}, current while it runs.
   */
  public <T> T trace(String serverId, String tool, Supplier<T> call) {
    Span span = tracer.spanBuilder("governed tools/call " + tool).setSpanKind(SpanKind.INTERNAL)
        .setAttribute(SemConv.METHOD, "tools/call").setAttribute(SemConv.TOOL, tool)
        .setAttribute(SemConv.GOV_SERVER, serverId).startSpan();
    try (Scope ignored = span.makeCurrent()) {
      return call.get();
    } finally {
      span.end();
    }
  }
}
