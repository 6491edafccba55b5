package dev.mcpkit.opentelemetry;

import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.client.ClientTransport;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.ToolDefinition;
import dev.mcpkit.server.stdio.StdioServer;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.Pipe;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Sessions and transports as telemetry sees them on the legacy SSE transport and on stdio. */
class SessionTransportsTest {
  final Telemetry otel = new Telemetry();
  final McpTelemetry telemetry = McpTelemetry.create(otel.sdk);

  @AfterEach
  void stop() {
    otel.close();
  }

  private McpServer server() {
    return telemetry.instrument(McpServer.builder().name("s").version("1"))
        .tool(ToolDefinition.builder("echo").description("Echoes")
            .handler((args, ctx) -> CallToolResult.text(args.path("message").asText())).build())
        .build();
  }

  @Test
  void aLegacySseSessionIsCountedAndItsSpansNameTheNegotiatedVersion() throws Exception {
    String version;
    try (McpHttpServer http = McpHttpServer.builder().port(0)
        .endpoint(McpEndpoint.at("/mcp", server())).start();
        McpClient client = telemetry.instrument(McpClient.builder().transport(
            ClientTransport.sse(http.baseUri().resolve("/sse").toString()))).connect()) {
      client.callTool("echo", Map.of("message", "old"));
      assertThat(client.description()).startsWith("sse ");
      version = client.protocolVersion().id();
      assertThat(open("mcpkit.server.sessions.open")).isEqualTo(1);
      assertThat(open("mcpkit.client.sessions.open")).isEqualTo(1);
    }
    for (SpanKind kind : new SpanKind[] {SpanKind.CLIENT, SpanKind.SERVER}) {
      SpanData span = otel.span("tools/call echo", kind);
      assertThat(Telemetry.attr(span, stringKey("mcp.protocol.version"))).isEqualTo(version);
      assertThat(Telemetry.attr(span, stringKey("network.protocol.name"))).isEqualTo("http");
      assertThat(Telemetry.attr(span, stringKey("network.transport"))).isEqualTo("tcp");
    }
    // the server names the session; the legacy transport's message URL is opaque to the client
    assertThat(Telemetry.attr(otel.span("tools/call echo", SpanKind.SERVER),
        stringKey("mcp.session.id"))).hasSize(32);
    assertThat(Telemetry.attr(otel.span("tools/call echo", SpanKind.CLIENT),
        stringKey("mcp.session.id"))).isNull();
  }

  @Test
  void aStdioSessionLastsFromStartToCloseAndItsSpansSayPipe() throws Exception {
    // NIO pipes: unlike piped streams they do not fail when the thread that last wrote has ended
    // (the server writes from short-lived, on Java 21+ virtual, threads)
    Pipe in = Pipe.open();
    Pipe out = Pipe.open();
    OutputStream toServer = Channels.newOutputStream(in.sink());
    StdioServer stdio = StdioServer.start(server(), Channels.newInputStream(in.source()),
        Channels.newOutputStream(out.sink()));
    BufferedReader answers = new BufferedReader(new InputStreamReader(
        Channels.newInputStream(out.source()), StandardCharsets.UTF_8));
    send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
        + "\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
        + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}");
    assertThat(answers.readLine()).contains("\"id\":1");
    send(toServer, "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{"
        + "\"name\":\"echo\",\"arguments\":{\"message\":\"piped\"},"
        + "\"_meta\":{\"traceparent\":\"00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\"}}}");
    assertThat(answers.readLine()).contains("piped");
    assertThat(open("mcpkit.server.sessions.open")).isEqualTo(1);
    stdio.close();
    assertThat(open("mcpkit.server.sessions.open")).isZero();
    assertThat(otel.metric("mcp.server.session.duration")).isPresent();

    SpanData span = otel.span("tools/call echo", SpanKind.SERVER);
    assertThat(Telemetry.attr(span, stringKey("network.transport"))).isEqualTo("pipe");
    assertThat(Telemetry.attr(span, stringKey("network.protocol.name"))).isNull();
    assertThat(Telemetry.attr(span, stringKey("mcp.protocol.version"))).isEqualTo("2025-06-18");
    assertThat(Telemetry.attr(span, stringKey("jsonrpc.request.id"))).isEqualTo("2");
    assertThat(span.getParentSpanId()).isEqualTo("b7ad6b7169203331");
  }

  private static void send(OutputStream out, String line) throws Exception {
    out.write((line + "\n").getBytes(StandardCharsets.UTF_8));
    out.flush();
  }

  private long open(String name) {
    return otel.metric(name).map(m -> m.getLongSumData().getPoints().stream()
        .mapToLong(LongPointData::getValue).sum()).orElse(0L);
  }
}
