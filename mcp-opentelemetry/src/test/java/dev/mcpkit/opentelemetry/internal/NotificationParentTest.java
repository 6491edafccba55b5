package dev.mcpkit.opentelemetry.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.engine.Attributes;
import dev.mcpkit.core.json.McpJson;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Where a received notification's span hangs: under the sender's context when it sent one. */
class NotificationParentTest {
  final InMemorySpanExporter spans = InMemorySpanExporter.create();
  final SdkTracerProvider tracing = SdkTracerProvider.builder()
      .addSpanProcessor(SimpleSpanProcessor.create(spans)).build();
  final NotificationSpans notifications =
      new NotificationSpans(tracing.get("test"), new SessionIds(false), false);

  @AfterEach
  void close() {
    tracing.close();
  }

  private SpanData received(ObjectNode params) {
    spans.reset();
    notifications.received("notifications/progress", params, new Attributes());
    return spans.getFinishedSpanItems().get(0);
  }

  @Test
  void aReceivedNotificationWithTraceContextInMetaIsAChildOfTheSendersSpan() {
    ObjectNode params = McpJson.object().put("progressToken", 1).put("progress", 1);
    params.putObject("_meta")
        .put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");

    SpanData span = received(params);

    assertThat(span.getTraceId()).isEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(span.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
    assertThat(span.getName()).isEqualTo("notifications/progress");
  }

  @Test
  void aMalformedOrMissingTraceparentLeavesTheNotificationSpanARoot() {
    ObjectNode malformed = McpJson.object();
    malformed.putObject("_meta").put("traceparent", "00-not-a-trace-01");
    ObjectNode oversized = McpJson.object();
    oversized.putObject("_meta").put("traceparent", "00-" + "a".repeat(600));

    for (ObjectNode params : new ObjectNode[] {malformed, oversized, McpJson.object(), null}) {
      assertThat(received(params).getParentSpanContext().isValid()).isFalse();
    }
  }
}
