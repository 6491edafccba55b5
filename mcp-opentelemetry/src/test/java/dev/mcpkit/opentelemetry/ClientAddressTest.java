package dev.mcpkit.opentelemetry;

import static io.opentelemetry.api.common.AttributeKey.longKey;
import static io.opentelemetry.api.common.AttributeKey.stringKey;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.client.ClientTransport;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.ToolDefinition;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code client.address} and {@code client.port} on server spans, from the socket. */
class ClientAddressTest {
  final Telemetry otel = new Telemetry();
  final McpTelemetry telemetry = McpTelemetry.create(otel.sdk);
  McpHttpServer http;

  @BeforeEach
  void serve() {
    McpServer server = telemetry.instrument(McpServer.builder().name("s").version("1"))
        .tool(ToolDefinition.builder("echo").description("Echoes")
            .handler((args, ctx) -> CallToolResult.text("ok")).build())
        .build();
    http = McpHttpServer.builder().port(0).endpoint(McpEndpoint.at("/mcp", server)).start();
  }

  @AfterEach
  void stop() {
    http.close();
    otel.close();
  }

  @Test
  void theServerSpanNamesTheAddressAndPortTheRequestCameFrom() throws Exception {
    int localPort;
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), http.url().getPort())) {
      localPort = socket.getLocalPort();
      String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
          + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
          + "\"clientInfo\":{\"name\":\"raw\",\"version\":\"1\"}}}";
      byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
      OutputStream out = socket.getOutputStream();
      out.write(("POST " + http.url().getPath() + " HTTP/1.1\r\nHost: localhost\r\n"
          + "Content-Type: application/json\r\nAccept: application/json, text/event-stream\r\n"
          + "Connection: close\r\nContent-Length: " + bytes.length + "\r\n\r\n")
          .getBytes(StandardCharsets.US_ASCII));
      out.write(bytes);
      out.flush();
      socket.setSoTimeout(10_000);
      InputStream in = socket.getInputStream();
      StringBuilder answer = new StringBuilder();
      byte[] buffer = new byte[4096];
      int n;
      while (!answer.toString().contains("\"protocolVersion\"") && (n = in.read(buffer)) > 0) {
        answer.append(new String(buffer, 0, n, StandardCharsets.ISO_8859_1));
      }
      assertThat(answer.toString()).startsWith("HTTP/1.1 200");
    }

    SpanData span = otel.span("initialize", SpanKind.SERVER);
    assertThat(Telemetry.attr(span, stringKey("client.address")))
        .isEqualTo(InetAddress.getLoopbackAddress().getHostAddress());
    assertThat(span.getAttributes().get(longKey("client.port"))).isEqualTo((long) localPort);
  }

  @Test
  void sessionAndStatelessRequestsBothCarryTheClientsAddressAndOnlyOnTheServerSide()
      throws Exception {
    for (String version : new String[] {"2025-11-25", "2026-07-28"}) {
      try (McpClient client = telemetry.instrument(McpClient.builder()
          .transport(ClientTransport.streamableHttp(http.url().toString()))
          .protocolVersion(version)).connect()) {
        client.callTool("echo", Map.of());
      }
      SpanData server = otel.span("tools/call echo", SpanKind.SERVER);
      SpanData client = otel.span("tools/call echo", SpanKind.CLIENT);
      assertThat(Telemetry.attr(server, stringKey("mcp.protocol.version"))).isEqualTo(version);
      assertThat(Telemetry.attr(server, stringKey("client.address")))
          .isEqualTo(InetAddress.getLoopbackAddress().getHostAddress());
      assertThat(server.getAttributes().get(longKey("client.port")))
          .isPositive().isNotEqualTo((long) http.url().getPort());
      assertThat(Telemetry.attr(client, stringKey("client.address"))).isNull();
      otel.spans.reset();
    }
    var histogram = otel.metric("mcp.server.operation.duration").orElseThrow();
    assertThat(histogram.getHistogramData().getPoints()).allSatisfy(p ->
        assertThat(p.getAttributes().get(stringKey("client.address"))).isNull());
  }
}
