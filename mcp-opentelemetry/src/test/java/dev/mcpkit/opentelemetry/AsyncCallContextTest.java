package dev.mcpkit.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.client.ClientTransport;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.ToolDefinition;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The {@code ...Async} calls of a client trace as children of their caller, wherever they run. */
class AsyncCallContextTest {
  final Telemetry otel = new Telemetry();
  final Tracer tracer = otel.sdk.getTracer("test");
  final ExecutorService pool = Executors.newSingleThreadExecutor();
  McpHttpServer http;

  @AfterEach
  void stop() {
    pool.shutdownNow();
    if (http != null) {
      http.close();
    }
    otel.close();
  }

  @Test
  void anAsyncCallIsAChildOfTheSpanCurrentWhenItWasMadeNotOfTheWorkersSpan() throws Exception {
    McpTelemetry telemetry = McpTelemetry.create(otel.sdk);
    McpServer server = telemetry.instrument(McpServer.builder().name("echo").version("1.0.0")
        .tool(ToolDefinition.builder("echo").description("Echoes")
            .handler((args, ctx) -> CallToolResult.text(args.path("text").asText())).build()))
        .build();
    http = McpHttpServer.builder().port(0).endpoint(McpEndpoint.at("/mcp", server)).start();
    // the worker thread has a span of its own current whenever it runs a task
    Span worker = tracer.spanBuilder("worker").startSpan();
    McpClient.Builder builder = McpClient.builder()
        .transport(ClientTransport.streamableHttp(http.url().toString()))
        .executor(task -> pool.execute(() -> {
          try (Scope ignored = worker.makeCurrent()) {
            task.run();
          }
        }));

    try (McpClient client = telemetry.instrument(builder).connect()) {
      Span first = tracer.spanBuilder("first caller").startSpan();
      Span second = tracer.spanBuilder("second caller").startSpan();
      CompletableFuture<JsonNode> one;
      CompletableFuture<JsonNode> two;
      try (Scope ignored = first.makeCurrent()) {
        one = client.requestAsync("tools/call", McpJson.object().put("name", "echo"), null);
      }
      try (Scope ignored = second.makeCurrent()) {
        two = client.requestAsync("tools/call", McpJson.object().put("name", "echo"), null);
      }
      one.get(10, TimeUnit.SECONDS);
      two.get(10, TimeUnit.SECONDS);
      first.end();
      second.end();
    } finally {
      worker.end();
    }

    var calls = otel.spans().stream().filter(s -> s.getKind() == SpanKind.CLIENT
        && s.getName().equals("tools/call echo")).toList();
    assertThat(calls).hasSize(2);
    assertThat(calls).extracting(SpanData::getParentSpanId).containsExactlyInAnyOrder(
        otel.span("first caller", SpanKind.INTERNAL).getSpanId(),
        otel.span("second caller", SpanKind.INTERNAL).getSpanId());
    for (SpanData call : calls) {
      SpanData answered = otel.spans().stream().filter(s -> s.getKind() == SpanKind.SERVER
          && s.getParentSpanId().equals(call.getSpanId())).findFirst().orElseThrow();
      assertThat(answered.getTraceId()).isEqualTo(call.getTraceId());
    }
  }

  @Test
  void anAsyncCallWithNothingCurrentStartsATraceOfItsOwnAndTheWorkersSpanStaysOutOfIt()
      throws Exception {
    McpTelemetry telemetry = McpTelemetry.create(otel.sdk);
    McpServer server = telemetry.instrument(McpServer.builder().name("echo").version("1.0.0")
        .tool(ToolDefinition.builder("echo").description("Echoes")
            .handler((args, ctx) -> CallToolResult.text("ok")).build())).build();
    http = McpHttpServer.builder().port(0).endpoint(McpEndpoint.at("/mcp", server)).start();
    Span worker = tracer.spanBuilder("worker").startSpan();
    McpClient.Builder builder = McpClient.builder()
        .transport(ClientTransport.streamableHttp(http.url().toString()))
        .executor(task -> pool.execute(() -> {
          try (Scope ignored = worker.makeCurrent()) {
            task.run();
          }
        }));

    try (McpClient client = telemetry.instrument(builder).connect()) {
      client.requestAsync("tools/call", McpJson.object().put("name", "echo"), null)
          .get(10, TimeUnit.SECONDS);
    } finally {
      worker.end();
    }

    SpanData call = otel.span("tools/call echo", SpanKind.CLIENT);
    assertThat(call.getTraceId()).isNotEqualTo(worker.getSpanContext().getTraceId());
    assertThat(call.getParentSpanContext().isValid()).isFalse();
  }
}
