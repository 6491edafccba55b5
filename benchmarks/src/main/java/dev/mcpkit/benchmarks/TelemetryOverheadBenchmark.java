package dev.mcpkit.benchmarks;

import dev.mcpkit.benchmarks.load.EchoServer;
import dev.mcpkit.opentelemetry.McpTelemetry;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpOptions;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.internal.http.McpHttpHandler;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.common.CompletableResultCode;
import io.opentelemetry.sdk.metrics.InstrumentType;
import io.opentelemetry.sdk.metrics.SdkMeterProvider;
import io.opentelemetry.sdk.metrics.data.AggregationTemporality;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.metrics.export.MetricExporter;
import io.opentelemetry.sdk.metrics.export.PeriodicMetricReader;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.BatchSpanProcessor;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What mcp-opentelemetry costs a server's {@code tools/call} (the whole server path on an in-memory
 * HTTP exchange, as in {@link EngineDispatchBenchmark}): {@code none} has no telemetry;
 * {@code api} installs it on the API alone ({@link OpenTelemetry#noop()}, what a host without an SDK
 * runs); {@code sdk} installs it on the SDK with every span sampled and batched to an exporter, and
 * metrics aggregated for a periodic reader. Exporters discard what they get, so the figure is the
 * instrumentation's and the SDK's own cost, not a backend's.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(value = 2, jvmArgsAppend = {"-Xms256m", "-Xmx256m"})
@State(Scope.Benchmark)
public class TelemetryOverheadBenchmark {
  @Param({"none", "api", "sdk"})
  public String telemetry;

  private OpenTelemetrySdk sdk;
  private McpHttpHandler http;
  private Map<String, String> sessionHeaders;
  private Map<String, String> statelessHeaders;
  private final byte[] sessionBody = bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
      + "\"params\":{\"name\":\"echo\",\"arguments\":{\"message\":\"hello, world\"}}}");
  private final byte[] statelessBody = bytes("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
      + "\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":{\"message\":\"hello, world\"},"
      + "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
      + "\"io.modelcontextprotocol/clientCapabilities\":{},"
      + "\"traceparent\":\"00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01\"}}}");

  @Setup(Level.Trial)
  public void setUp() {
    McpServer server = switch (telemetry) {
      case "none" -> EchoServer.echoServer();
      case "api" -> EchoServer.echoServer(McpTelemetry.create(OpenTelemetry.noop())::instrument);
      case "sdk" -> {
        sdk = discardingSdk();
        yield EchoServer.echoServer(McpTelemetry.create(sdk)::instrument);
      }
      case "traces", "metrics" -> { // the SDK for one signal, the API's no-op for the other
        sdk = discardingSdk();
        OpenTelemetry half = new OpenTelemetry() {
          @Override
          public io.opentelemetry.api.trace.TracerProvider getTracerProvider() {
            return telemetry.equals("traces") ? sdk.getTracerProvider()
                : io.opentelemetry.api.trace.TracerProvider.noop();
          }

          @Override
          public io.opentelemetry.api.metrics.MeterProvider getMeterProvider() {
            return telemetry.equals("metrics") ? sdk.getMeterProvider()
                : io.opentelemetry.api.metrics.MeterProvider.noop();
          }

          @Override
          public io.opentelemetry.context.propagation.ContextPropagators getPropagators() {
            return sdk.getPropagators();
          }
        };
        yield EchoServer.echoServer(McpTelemetry.create(half)::instrument);
      }
      default -> throw new IllegalArgumentException(
          "telemetry must be none, api, sdk, traces or metrics");
    };
    http = new McpHttpHandler(McpHttpOptions.defaults(), List.of(McpEndpoint.at("/mcp", server)));
    FakeHttpCall init = new FakeHttpCall(Map.of("Content-Type", "application/json",
        "Accept", "application/json, text/event-stream"), bytes("{\"jsonrpc\":\"2.0\",\"id\":0,"
        + "\"method\":\"initialize\",\"params\":{\"protocolVersion\":\"2025-11-25\","
        + "\"capabilities\":{},\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}"));
    http.handle(init);
    sessionHeaders = Map.of("Content-Type", "application/json",
        "Accept", "application/json, text/event-stream",
        "Mcp-Session-Id", init.responseHeaders.get("Mcp-Session-Id"),
        "MCP-Protocol-Version", "2025-11-25");
    http.handle(new FakeHttpCall(sessionHeaders,
        bytes("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")));
    statelessHeaders = Map.of("Content-Type", "application/json",
        "Accept", "application/json, text/event-stream", "MCP-Protocol-Version", "2026-07-28",
        "Mcp-Method", "tools/call", "Mcp-Name", "echo");
    check(sessionToolsCall());
    check(statelessToolsCall());
  }

  /**
   * The SDK as a host would install it (as its autoconfiguration does: a batch span processor, a
   * periodic metric reader), with every span sampled; its exporters discard what they get.
   */
  static OpenTelemetrySdk discardingSdk() {
    return OpenTelemetrySdk.builder()
        .setTracerProvider(SdkTracerProvider.builder().setSampler(Sampler.alwaysOn())
            .addSpanProcessor(BatchSpanProcessor.builder(new DiscardingSpans())
                // sized so that no span is dropped at these rates, even on a loaded machine:
                // a dropped span would cost less than an exported one
                .setMaxQueueSize(1 << 20).setMaxExportBatchSize(4_096)
                .setScheduleDelay(Duration.ofMillis(200)).build()).build())
        .setMeterProvider(SdkMeterProvider.builder().registerMetricReader(
            PeriodicMetricReader.builder(new DiscardingMetrics())
                .setInterval(Duration.ofSeconds(10)).build()).build())
        .build();
  }

  @TearDown(Level.Trial)
  public void tearDown() {
    http.shutdown(Duration.ZERO);
    if (sdk != null) {
      sdk.close();
    }
  }

  @Benchmark
  public FakeHttpCall sessionToolsCall() {
    FakeHttpCall call = new FakeHttpCall(sessionHeaders, sessionBody);
    http.handle(call);
    return call;
  }

  @Benchmark
  public FakeHttpCall statelessToolsCall() {
    FakeHttpCall call = new FakeHttpCall(statelessHeaders, statelessBody);
    http.handle(call);
    return call;
  }

  private static void check(FakeHttpCall call) {
    String body = call.response.toString(StandardCharsets.UTF_8);
    if (call.status != 200 || !body.contains("hello, world")) {
      throw new IllegalStateException("tools/call failed: " + call.status + " " + body);
    }
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Takes every span and keeps none. */
  private static final class DiscardingSpans implements SpanExporter {
    @Override
    public CompletableResultCode export(Collection<SpanData> spans) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }

  /** Takes every metric and keeps none. */
  private static final class DiscardingMetrics implements MetricExporter {
    @Override
    public AggregationTemporality getAggregationTemporality(InstrumentType type) {
      return AggregationTemporality.CUMULATIVE;
    }

    @Override
    public CompletableResultCode export(Collection<MetricData> metrics) {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode flush() {
      return CompletableResultCode.ofSuccess();
    }

    @Override
    public CompletableResultCode shutdown() {
      return CompletableResultCode.ofSuccess();
    }
  }
}
