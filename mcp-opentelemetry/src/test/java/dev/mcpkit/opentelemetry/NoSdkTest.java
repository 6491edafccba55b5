package dev.mcpkit.opentelemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.client.ClientTransport;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.ToolDefinition;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** On the OpenTelemetry API alone nothing is installed, and everything works as without it. */
class NoSdkTest {
  @AfterEach
  void resetGlobal() {
    GlobalOpenTelemetry.resetForTest();
  }

  @Test
  void theApiAloneInstallsNothingAndCallsWorkAsBefore() throws Exception {
    McpTelemetry telemetry = McpTelemetry.create(OpenTelemetry.noop());
    assertThat(telemetry.isEnabled()).isFalse();
    McpServer.Builder builder = McpServer.builder().name("plain").version("1")
        .tool(ToolDefinition.builder("echo").description("Echoes")
            .handler((args, ctx) -> CallToolResult.text(args.path("message").asText())).build());
    assertThat(telemetry.instrument(builder)).isSameAs(builder);
    try (McpHttpServer http = McpHttpServer.builder().port(0)
        .endpoint(McpEndpoint.at("/mcp", builder.build())).start();
        McpClient client = telemetry.instrument(McpClient.builder()
            .transport(ClientTransport.streamableHttp(http.url().toString()))).connect()) {
      CallToolResult result = client.callTool("echo", Map.of("message", "still here"));
      assertThat(((Content.Text) result.content().get(0)).text()).isEqualTo("still here");
    }
  }

  @Test
  void anUnsetGlobalOpenTelemetryCountsAsTheApiAlone() {
    assertThat(McpTelemetry.create(GlobalOpenTelemetry.get()).isEnabled()).isFalse();
  }

  @Test
  void anSdkEnablesIt() {
    try (Telemetry otel = new Telemetry()) {
      assertThat(McpTelemetry.create(otel.sdk).isEnabled()).isTrue();
    }
  }
}
