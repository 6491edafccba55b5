package dev.mcpkit.server.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ToolCallTimeoutTest {
  private static final String ENV = "MCP_SERVER_TOOL_CALL_TIMEOUT";

  @Test
  void theEnvironmentVariableIsReadAsMilliseconds() {
    assertThat(ServerConfig.timeoutFromEnvironment(ENV, Map.of(ENV, "1500")::get))
        .isEqualTo(Duration.ofMillis(1500));
    assertThat(ServerConfig.timeoutFromEnvironment(ENV, Map.<String, String>of()::get)).isNull();
  }

  @Test
  void aBadValueIsRejectedNamingTheVariable() {
    assertThatThrownBy(() -> ServerConfig.timeoutFromEnvironment(ENV, Map.of(ENV, "30s")::get))
        .hasMessageContaining(ENV).hasMessageContaining("'30s'");
    assertThatThrownBy(() -> ServerConfig.timeoutFromEnvironment(ENV, Map.of(ENV, "0")::get))
        .hasMessageContaining("positive");
  }

  @Test
  void theEnvironmentWinsOverTheToolWhichWinsOverTheServer() {
    dev.mcpkit.server.ToolDefinition own = dev.mcpkit.server.ToolDefinition.builder("t")
        .description("d").timeout(Duration.ofSeconds(5))
        .handler((a, c) -> dev.mcpkit.core.schema.Tools.CallToolResult.text("x")).build();
    dev.mcpkit.server.ToolDefinition plain = dev.mcpkit.server.ToolDefinition.builder("p")
        .description("d").handler((a, c) -> dev.mcpkit.core.schema.Tools.CallToolResult.text("x"))
        .build();
    ServerConfig server = config(null);
    ServerConfig overridden = config(Duration.ofMillis(250));

    assertThat(server.timeoutOf(own)).isEqualTo(Duration.ofSeconds(5));
    assertThat(server.timeoutOf(plain)).isEqualTo(Duration.ofSeconds(30));
    assertThat(overridden.timeoutOf(own)).isEqualTo(Duration.ofMillis(250));
  }

  private static ServerConfig config(Duration override) {
    return new ServerConfig(new dev.mcpkit.core.schema.Lifecycle.Implementation("s", "1"), null,
        null, false, true, false, false, Duration.ofSeconds(30), override, 100,
        java.util.List.of(), dev.mcpkit.core.engine.McpEventListener.NONE, null,
        Duration.ofMinutes(1), 0, dev.mcpkit.core.schema.Base.CacheScope.PRIVATE,
        java.time.Clock.systemUTC());
  }
}
