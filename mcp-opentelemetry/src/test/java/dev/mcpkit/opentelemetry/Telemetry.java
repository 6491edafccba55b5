package dev.mcpkit.opentelemetry;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.testing.exporter.InMemoryMetricReader;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.util.List;
import java.util.Optional;

/** An OpenTelemetry SDK whose spans and metrics stay in memory for the test to read. */
final class Telemetry implements AutoCloseable {
  final InMemorySpanExporter spans = InMemorySpanExporter.create();
  final InMemoryMetricReader metrics = InMemoryMetricReader.create();
  final OpenTelemetrySdk sdk = OpenTelemetrySdk.builder()
      .setTracerProvider(SdkTracerProvider.builder()
          .addSpanProcessor(SimpleSpanProcessor.create(spans)).build())
      .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(metrics).build())
      .setPropagators(ContextPropagators.noop())
      .build();

  List<SpanData> spans() {
    return spans.getFinishedSpanItems();
  }

  SpanData span(String name, SpanKind kind) {
    return spans().stream().filter(s -> s.getName().equals(name) && s.getKind() == kind)
        .reduce((a, b) -> b) // the last one, if a name repeats
        .orElseThrow(() -> new AssertionError("no " + kind + " span '" + name + "' in "
            + spans().stream().map(s -> s.getKind() + " " + s.getName()).toList()));
  }

  Optional<MetricData> metric(String name) {
    return metrics.collectAllMetrics().stream().filter(m -> m.getName().equals(name)).findFirst();
  }

  static String attr(SpanData span, AttributeKey<String> key) {
    return span.getAttributes().get(key);
  }

  @Override
  public void close() {
    sdk.close();
  }
}
