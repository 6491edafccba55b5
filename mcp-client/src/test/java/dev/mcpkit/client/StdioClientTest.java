package dev.mcpkit.client;

import static dev.mcpkit.client.ResultText.text;
import static dev.mcpkit.client.ResultText.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpkit.client.transport.StdioTransport;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StdioClientTest {
  private static List<String> server(String... args) {
    Path java = Path.of(System.getProperty("java.home"), "bin", "java");
    List<String> cmd = new java.util.ArrayList<>(List.of(java.toString(), "-cp",
        System.getProperty("java.class.path"), StdioTestServer.class.getName()));
    cmd.addAll(List.of(args));
    return cmd;
  }

  @Test
  void launchesTheServerListsAndCallsToolsAndEndsTheProcessOnClose() throws IOException {
    StdioTransport.Builder stdio = StdioTransport.builder(server());
    McpClient client = McpClient.builder().transport(ClientTransport.stdio(stdio)).connect();
    try {
      assertThat(client.protocolVersion().id()).isEqualTo("2025-11-25");
      assertThat(names(client.listTools())).containsExactly("echo");
      assertThat(text(client.callTool("echo", Map.of("a", 1)))).isEqualTo("echo {\"a\":1}");
    } finally {
      client.close();
    }
    assertThatThrownBy(client::ping).isInstanceOf(IOException.class).hasMessageContaining("closed");
  }

  @Test
  void aServerThatIgnoresStdinClosingAndTerminationIsKilled() throws Exception {
    StdioTransport transport = StdioTransport.builder(server("stubborn"))
        .shutdownTimeout(Duration.ofMillis(300)).build();
    McpClient client = McpClient.builder().transport(ClientTransport.custom(() -> transport))
        .connect();
    client.listTools();
    Process process = transport.process();
    long start = System.nanoTime();
    client.close();
    assertThat(process.isAlive()).isFalse();
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
  }

  @Test
  void linesThatAreNotJsonAreSkippedAndTheConversationGoesOn() throws IOException {
    try (McpClient client = McpClient.builder()
        .transport(ClientTransport.stdio(server("garbage"))).connect()) {
      assertThat(client.listTools().tools()).hasSize(1);
    }
  }

  @Test
  void aCommandThatCannotStartIsAnIoExceptionNamingIt() {
    assertThatThrownBy(() -> McpClient.builder()
        .transport(ClientTransport.stdio("/nonexistent/mcp-server", "--flag")).connect())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("cannot start '/nonexistent/mcp-server --flag'");
  }
}
