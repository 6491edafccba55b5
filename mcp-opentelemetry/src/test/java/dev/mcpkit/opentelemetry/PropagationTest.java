package dev.mcpkit.opentelemetry;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.client.ClientTransport;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.ToolDefinition;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Trace context across the wire, both ways, on every protocol revision, and what it may not do. */
class PropagationTest {
  final Telemetry otel = new Telemetry();
  final AtomicReference<JsonNode> seenMeta = new AtomicReference<>();
  final AtomicReference<String> seenBaggage = new AtomicReference<>();
  final java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
  McpHttpServer http;

  @AfterEach
  void stop() {
    release.countDown();
    if (http != null) {
      http.close();
    }
    otel.close();
  }

  private void serve(McpTelemetry telemetry) {
    McpServer.Builder b = McpServer.builder().name("weather").version("1.0.0")
        .tool(ToolDefinition.builder("get-weather").description("Weather by city")
            .handler((args, ctx) -> {
              seenMeta.set(args);
              seenBaggage.set(Baggage.current().getEntryValue("tenant"));
              return CallToolResult.text("sunny in " + args.path("city").asText()
                  + " (" + Span.current().getSpanContext().getTraceId() + ")");
            }).build())
        .tool(ToolDefinition.builder("fails").description("Always fails")
            .handler((args, ctx) -> CallToolResult.error("no weather today")).build())
        .tool(ToolDefinition.builder("stuck").description("Answers when released")
            .handler((args, ctx) -> {
              release.await(10, java.util.concurrent.TimeUnit.SECONDS);
              return CallToolResult.text("released");
            }).build());
    http = McpHttpServer.builder().port(0).endpoint(McpEndpoint.at("/mcp",
        (telemetry == null ? b : telemetry.instrument(b)).build())).start();
  }

  private McpClient client(McpTelemetry telemetry, String version) throws Exception {
    McpClient.Builder b = McpClient.builder().transport(ClientTransport.streamableHttp(
        http.url().toString()));
    if (version != null) {
      b.protocolVersion(version);
    }
    return (telemetry == null ? b : telemetry.instrument(b)).connect();
  }

  @ParameterizedTest
  @ValueSource(strings = {"2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25", "2026-07-28"})
  void theServerSpanIsAChildOfTheClientSpanOnEveryRevision(String version) throws Exception {
    McpTelemetry telemetry = McpTelemetry.create(otel.sdk);
    serve(telemetry);
    try (McpClient client = client(telemetry, version)) {
      client.callTool("get-weather", Map.of("city", "Paris"));
    }
    SpanData client = otel.span("tools/call get-weather", SpanKind.CLIENT);
    SpanData server = otel.span("tools/call get-weather", SpanKind.SERVER);
    assertThat(server.getTraceId()).isEqualTo(client.getTraceId());
    assertThat(server.getParentSpanId()).isEqualTo(client.getSpanId());
    assertThat(Telemetry.attr(server, stringKey("mcp.protocol.version"))).isEqualTo(version);
    assertThat(Telemetry.attr(client, stringKey("mcp.protocol.version"))).isEqualTo(version);
    if (version.equals("2026-07-28")) {
      assertThat(Telemetry.attr(server, stringKey("mcp.session.id"))).isNull();
    } else {
      String session = Telemetry.attr(server, stringKey("mcp.session.id"));
      assertThat(session).hasSize(32).isEqualTo(Telemetry.attr(client,
          stringKey("mcp.session.id")));
    }
  }

  @Test
  void baggageTravelsWithTheTraceAndTheCallersMetaIsLeftAlone() throws Exception {
    McpTelemetry telemetry = McpTelemetry.create(otel.sdk);
    serve(telemetry);
    ObjectNode params = McpJson.object().put("name", "get-weather");
    params.putObject("arguments").put("city", "Oslo");
    params.putObject("_meta").put("example.com/note", "kept");
    try (McpClient client = client(telemetry, "2025-11-25");
        var ignored = Baggage.builder().put("tenant", "acme").build().makeCurrent()) {
      client.request("tools/call", params);
    }
    assertThat(seenBaggage.get()).isEqualTo("acme");
    assertThat(params.get("_meta").size()).isEqualTo(1); // the interceptor sent a copy
  }

  @ParameterizedTest
  @ValueSource(strings = {"garbage", "00-00000000000000000000000000000000-0000000000000000-01",
      "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01-extra-fields-that-do-not-belong",
      "LONG"})
  void aHostileTraceparentIsIgnoredAndChangesNothingElse(String traceparent) throws Exception {
    serve(McpTelemetry.create(otel.sdk));
    String value = traceparent.equals("LONG") ? "00-" + "a".repeat(100_000) : traceparent;
    ObjectNode params = McpJson.object().put("name", "get-weather");
    params.putObject("arguments").put("city", "Rome");
    try (McpClient plain = client(null, "2025-11-25")) {
      params.putObject("_meta").put("traceparent", value).put("tracestate", "x".repeat(20_000))
          .put("baggage", "tenant=" + "y".repeat(20_000));
      JsonNode hostile = plain.request("tools/call", params);
      assertThat(hostile.path("isError").asBoolean()).isFalse();
      assertThat(hostile.path("content").get(0).path("text").asText()).startsWith("sunny in Rome");
    }
    SpanData server = otel.span("tools/call get-weather", SpanKind.SERVER);
    assertThat(server.getParentSpanContext().isValid()).isFalse(); // a new trace, not the caller's
    assertThat(server.getTraceId()).isNotEqualTo("4bf92f3577b34da6a3ce929d0e0e4736");
    assertThat(server.getStatus().getStatusCode()).isEqualTo(StatusCode.UNSET);
    assertThat(seenBaggage.get()).isNull();
  }

  @Test
  void aValidTraceparentFromAnUninstrumentedClientIsTheServerSpansParentAndNothingMore()
      throws Exception {
    serve(McpTelemetry.create(otel.sdk));
    ObjectNode params = McpJson.object().put("name", "get-weather");
    params.putObject("arguments").put("city", "Lima");
    params.putObject("_meta")
        .put("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
    try (McpClient plain = client(null, "2026-07-28")) {
      JsonNode result = plain.request("tools/call", params);
      assertThat(result.path("content").get(0).path("text").asText())
          .isEqualTo("sunny in Lima (4bf92f3577b34da6a3ce929d0e0e4736)");
    }
    SpanData server = otel.span("tools/call get-weather", SpanKind.SERVER);
    assertThat(server.getParentSpanId()).isEqualTo("00f067aa0ba902b7");
  }

  @Test
  void toolErrorsAndProtocolErrorsGetTheirErrorTypeOnBothSides() throws Exception {
    McpTelemetry telemetry = McpTelemetry.create(otel.sdk);
    serve(telemetry);
    try (McpClient client = client(telemetry, "2025-11-25")) {
      assertThat(client.callTool("fails", Map.of()).isError()).isTrue();
      assertThatThrownBy(() -> client.callTool("no-such-tool", Map.of()))
          .isInstanceOf(McpProtocolException.class);
    }
    for (SpanKind kind : new SpanKind[] {SpanKind.CLIENT, SpanKind.SERVER}) {
      SpanData failed = otel.span("tools/call fails", kind);
      assertThat(Telemetry.attr(failed, stringKey("error.type"))).isEqualTo("tool_error");
      assertThat(failed.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
      SpanData unknown = otel.span("tools/call no-such-tool", kind);
      assertThat(Telemetry.attr(unknown, stringKey("error.type"))).isEqualTo("-32602");
      assertThat(Telemetry.attr(unknown, stringKey("rpc.response.status_code")))
          .isEqualTo("-32602");
    }
    var histogram = otel.metric("mcp.server.operation.duration").orElseThrow();
    assertThat(histogram.getUnit()).isEqualTo("s");
    assertThat(histogram.getHistogramData().getPoints()).anySatisfy(p -> {
      assertThat(p.getAttributes().get(stringKey("error.type"))).isEqualTo("tool_error");
      assertThat(p.getBoundaries()).containsExactly(0.01, 0.02, 0.05, 0.1, 0.2, 0.5, 1.0, 2.0,
          5.0, 10.0, 30.0, 60.0, 120.0, 300.0);
    });
  }

  @Test
  void aTimedOutCallNamesTheTimeoutAsItsErrorTypeOnTheClient() throws Exception {
    McpTelemetry telemetry = McpTelemetry.create(otel.sdk);
    serve(telemetry);
    try (McpClient client = telemetry.instrument(McpClient.builder()
        .transport(ClientTransport.streamableHttp(http.url().toString()))
        .protocolVersion("2025-11-25").requestTimeout(java.time.Duration.ofMillis(300)))
        .connect()) {
      assertThatThrownBy(() -> client.callTool("stuck", Map.of()))
          .isInstanceOf(dev.mcpkit.core.McpTimeoutException.class);
    }
    SpanData span = otel.span("tools/call stuck", SpanKind.CLIENT);
    assertThat(Telemetry.attr(span, stringKey("error.type")))
        .isEqualTo("dev.mcpkit.core.McpTimeoutException");
    assertThat(span.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
  }

  @Test
  void payloadsStayOutOfSpansUnlessOptedInAndAreThenRedacted() throws Exception {
    McpTelemetry telemetry = McpTelemetry.builder(otel.sdk).captureToolPayloads(true).build();
    serve(telemetry);
    try (McpClient client = client(telemetry, "2025-11-25")) {
      client.callTool("get-weather", Map.of("city", "Bern", "api_key", "sk-live-123456789"));
    }
    for (SpanKind kind : new SpanKind[] {SpanKind.CLIENT, SpanKind.SERVER}) {
      SpanData span = otel.span("tools/call get-weather", kind);
      assertThat(Telemetry.attr(span, stringKey("gen_ai.tool.call.arguments")))
          .contains("\"city\":\"Bern\"", "[REDACTED]").doesNotContain("sk-live");
      assertThat(Telemetry.attr(span, stringKey("gen_ai.tool.call.result"))).contains("sunny");
    }
  }

  @Test
  void sessionsAreCountedWhileOpenAndTheirDurationIsRecordedWhenTheyEnd() throws Exception {
    McpTelemetry telemetry = McpTelemetry.create(otel.sdk);
    serve(telemetry);
    McpClient client = client(telemetry, "2025-11-25");
    assertThat(open("mcpkit.client.sessions.open")).isEqualTo(1);
    assertThat(open("mcpkit.server.sessions.open")).isEqualTo(1);
    assertThat(otel.metric("mcpkit.server.streams.open")).isPresent();
    client.close();
    assertThat(open("mcpkit.client.sessions.open")).isZero();
    assertThat(otel.metric("mcp.client.session.duration")).isPresent();
  }

  private long open(String name) {
    return otel.metric(name).map(m -> m.getLongSumData().getPoints().stream()
        .mapToLong(p -> p.getValue()).sum()).orElse(0L);
  }
}
