package dev.mcpkit.opentelemetry.internal;

import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.LongUpDownCounter;
import io.opentelemetry.api.metrics.Meter;

/**
 * Every instrument this module records: the four histograms of the MCP semantic conventions (unit
 * {@code s}, with their bucket boundaries as advice), and counters a dashboard needs beside them
 * under {@code mcpkit.*} (open sessions, governance decisions, approvals waiting).
 */
public final class Instruments {
  public final DoubleHistogram clientOperation;
  public final DoubleHistogram serverOperation;
  public final DoubleHistogram clientSession;
  public final DoubleHistogram serverSession;
  public final LongUpDownCounter clientSessionsOpen;
  public final LongUpDownCounter serverSessionsOpen;
  public final LongCounter decisions;
  public final LongUpDownCounter approvalsPending;
  public final DoubleHistogram approvalWait;

  public Instruments(Meter meter) {
    clientOperation = duration(meter, "mcp.client.operation.duration", "The duration of the MCP "
        + "request or notification as observed on the sender from the time it was sent until the "
        + "response or ack is received.");
    serverOperation = duration(meter, "mcp.server.operation.duration", "MCP request or "
        + "notification duration as observed on the receiver from the time it was received until "
        + "the result or ack is sent.");
    clientSession = duration(meter, "mcp.client.session.duration",
        "The duration of the MCP session as observed on the MCP client.");
    serverSession = duration(meter, "mcp.server.session.duration",
        "The duration of the MCP session as observed on the MCP server.");
    clientSessionsOpen = meter.upDownCounterBuilder("mcpkit.client.sessions.open")
        .setUnit("{session}").setDescription("MCP sessions this client holds open.").build();
    serverSessionsOpen = meter.upDownCounterBuilder("mcpkit.server.sessions.open")
        .setUnit("{session}").setDescription("MCP sessions this server holds open.").build();
    decisions = meter.counterBuilder("mcpkit.governance.decisions").setUnit("{decision}")
        .setDescription("Governed calls by outcome (allowed, denied, approval_required, ...).")
        .build();
    approvalsPending = meter.upDownCounterBuilder("mcpkit.governance.approvals.pending")
        .setUnit("{approval}").setDescription("Approval requests waiting for a decision.").build();
    approvalWait = duration(meter, "mcpkit.governance.approval.wait",
        "How long an approval request waited for its decision.");
  }

  private static DoubleHistogram duration(Meter meter, String name, String description) {
    return meter.histogramBuilder(name).setUnit("s").setDescription(description)
        .setExplicitBucketBoundariesAdvice(SemConv.DURATION_BUCKETS).build();
  }
}
