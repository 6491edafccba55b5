package dev.mcpkit.opentelemetry;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import io.opentelemetry.sdk.trace.data.EventData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;

/** Writes finished spans as JSON (docs/trace-sample.json is one such file, from a test run). */
final class TraceSample {
  private TraceSample() {}

  static void write(List<SpanData> spans, Path file) throws IOException {
    ArrayNode out = McpJson.mapper().createArrayNode();
    spans.stream().sorted(Comparator.comparingLong(SpanData::getStartEpochNanos)).forEach(s -> {
      ObjectNode span = out.addObject();
      span.put("name", s.getName()).put("kind", s.getKind().name())
          .put("traceId", s.getTraceId()).put("spanId", s.getSpanId());
      if (s.getParentSpanContext().isValid()) {
        span.put("parentSpanId", s.getParentSpanId());
      }
      span.put("status", s.getStatus().getStatusCode().name())
          .put("durationMicros", (s.getEndEpochNanos() - s.getStartEpochNanos()) / 1_000);
      ObjectNode attributes = span.putObject("attributes");
      s.getAttributes().forEach((k, v) -> attributes.putPOJO(k.getKey(), v));
      ArrayNode events = span.putArray("events");
      for (EventData e : s.getEvents()) {
        ObjectNode event = events.addObject().put("name", e.getName());
        ObjectNode ea = event.putObject("attributes");
        e.getAttributes().forEach((k, v) -> ea.putPOJO(k.getKey(), v));
      }
      ArrayNode links = span.putArray("links");
      s.getLinks().forEach(l -> links.add(l.getSpanContext().getSpanId()));
    });
    Files.createDirectories(file.getParent());
    Files.writeString(file, McpJson.mapper().writerWithDefaultPrettyPrinter()
        .writeValueAsString(out));
  }
}
