package dev.mcpkit.opentelemetry;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.client.ClientListener;
import dev.mcpkit.client.ClientTransport;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.engine.RequestOptions;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Logging.LoggingLevel;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.ToolDefinition;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Notifications get spans of their own, both ways, named by the method and without request id. */
class NotificationSpansTest {
  final Telemetry otel = new Telemetry();
  final CountDownLatch started = new CountDownLatch(1);
  final CountDownLatch cancelled = new CountDownLatch(1);
  McpHttpServer http;

  @AfterEach
  void stop() {
    if (http != null) {
      http.close();
    }
    otel.close();
  }

  private void serve(McpTelemetry telemetry) {
    McpServer server = telemetry.instrument(McpServer.builder().name("s").version("1").logging())
        .tool(ToolDefinition.builder("work").description("Reports progress and logs")
            .handler((args, ctx) -> {
              ctx.progress(1, 2.0, "half");
              ctx.log(LoggingLevel.INFO, "working");
              return CallToolResult.text("done");
            }).build())
        .tool(ToolDefinition.builder("wait").description("Waits until cancelled")
            .handler((args, ctx) -> {
              started.countDown();
              try {
                new CountDownLatch(1).await(10, TimeUnit.SECONDS); // until the cancellation
              } catch (InterruptedException e) {
                cancelled.countDown();
                Thread.currentThread().interrupt();
              }
              return CallToolResult.text("late");
            }).build())
        .build();
    http = McpHttpServer.builder().port(0).endpoint(McpEndpoint.at("/mcp", server)).start();
  }

  private McpClient client(McpTelemetry telemetry, ClientListener listener) throws Exception {
    return telemetry.instrument(McpClient.builder()
        .transport(ClientTransport.streamableHttp(http.url().toString()))
        .protocolVersion("2025-11-25").listener(listener)).connect();
  }

  private List<SpanData> notifications(SpanKind kind, String method) {
    return otel.spans().stream().filter(s -> s.getKind() == kind && s.getName().equals(method))
        .toList();
  }

  @Test
  void progressAndLogMessagesAreChildrenOfTheToolCallOnTheServerAndSpansOnTheClient()
      throws Exception {
    McpTelemetry telemetry = McpTelemetry.create(otel.sdk);
    serve(telemetry);
    CountDownLatch heard = new CountDownLatch(2);
    try (McpClient client = client(telemetry, new ClientListener() {
      @Override
      public void onLogMessage(dev.mcpkit.core.schema.Logging.LoggingMessageParams message) {
        heard.countDown();
      }
    })) {
      client.setLoggingLevel(LoggingLevel.INFO);
      client.request("tools/call", McpJson.object().put("name", "work"),
          RequestOptions.DEFAULT.withProgress((p, t, m) -> heard.countDown(), false));
      assertThat(heard.await(10, TimeUnit.SECONDS)).isTrue();
    }

    SpanData call = otel.span("tools/call work", SpanKind.SERVER);
    for (String method : new String[] {"notifications/progress", "notifications/message"}) {
      SpanData sent = otel.span(method, SpanKind.CLIENT);
      assertThat(sent.getParentSpanId()).isEqualTo(call.getSpanId());
      assertThat(sent.getTraceId()).isEqualTo(call.getTraceId());
      assertThat(Telemetry.attr(sent, stringKey("mcp.method.name"))).isEqualTo(method);
      assertThat(Telemetry.attr(sent, stringKey("jsonrpc.request.id"))).isNull();
      assertThat(Telemetry.attr(sent, stringKey("mcp.protocol.version"))).isEqualTo("2025-11-25");
      assertThat(Telemetry.attr(sent, stringKey("mcp.session.id"))).hasSize(32);
      SpanData received = otel.span(method, SpanKind.SERVER);
      assertThat(Telemetry.attr(received, stringKey("mcp.session.id")))
          .isEqualTo(Telemetry.attr(sent, stringKey("mcp.session.id")));
      assertThat(Telemetry.attr(received, stringKey("network.transport"))).isEqualTo("tcp");
      assertThat(Telemetry.attr(received, stringKey("jsonrpc.request.id"))).isNull();
    }
    // the client's own notification after initialize, seen by both sides
    assertThat(notifications(SpanKind.CLIENT, "notifications/initialized")).hasSize(1);
    assertThat(notifications(SpanKind.SERVER, "notifications/initialized")).hasSize(1);
  }

  @Test
  void aCancellationIsASpanOnTheSideThatSentItAndOnTheSideThatReceivedIt() throws Exception {
    McpTelemetry telemetry = McpTelemetry.create(otel.sdk);
    serve(telemetry);
    try (McpClient client = client(telemetry, ClientListener.NONE)) {
      CompletableFuture<?> call = client.requestAsync("tools/call",
          McpJson.object().put("name", "wait"), null);
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      call.cancel(true);
      assertThat(cancelled.await(10, TimeUnit.SECONDS)).isTrue();
    }

    SpanData sent = otel.span("notifications/cancelled", SpanKind.CLIENT);
    SpanData received = otel.span("notifications/cancelled", SpanKind.SERVER);
    assertThat(Telemetry.attr(sent, stringKey("mcp.method.name")))
        .isEqualTo("notifications/cancelled");
    assertThat(Telemetry.attr(received, stringKey("mcp.session.id")))
        .isEqualTo(Telemetry.attr(sent, stringKey("mcp.session.id")));
  }

  @Test
  void aHostThatTurnsNotificationSpansOffKeepsItsRequestSpansAndGetsNoOthers() throws Exception {
    McpTelemetry telemetry = McpTelemetry.builder(otel.sdk).notificationSpans(false).build();
    serve(telemetry);
    CountDownLatch heard = new CountDownLatch(1);
    try (McpClient client = client(telemetry, ClientListener.NONE)) {
      client.request("tools/call", McpJson.object().put("name", "work"),
          RequestOptions.DEFAULT.withProgress((p, t, m) -> heard.countDown(), false));
      assertThat(heard.await(10, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(otel.span("tools/call work", SpanKind.SERVER)).isNotNull();
    assertThat(otel.spans()).noneMatch(s -> s.getName().startsWith("notifications/"));
  }
}
