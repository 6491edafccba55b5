package dev.mcpkit.client;

import static dev.mcpkit.client.ResultText.text;
import static dev.mcpkit.client.ResultText.names;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpkit.client.transport.StdioTransport;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
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
  void theServersStderrGoesToTheLogger() throws Exception {
    // slf4j-simple (the test binding) writes to whatever System.err is when it logs
    PrintStream original = System.err;
    StringBuffer captured = new StringBuffer();
    CountDownLatch logged = new CountDownLatch(1);
    OutputStream sink = new OutputStream() {
      private final ByteArrayOutputStream line = new ByteArrayOutputStream();

      @Override
      public synchronized void write(int b) {
        if (b != '\n') {
          line.write(b);
          return;
        }
        String text = line.toString(StandardCharsets.UTF_8);
        line.reset();
        captured.append(text).append('\n');
        if (text.contains("stdio test server ready")) {
          logged.countDown();
        }
      }
    };
    try {
      System.setErr(new PrintStream(sink, true, StandardCharsets.UTF_8));
      try (McpClient client = McpClient.builder()
          .transport(ClientTransport.stdio(server())).connect()) {
        client.listTools();
        assertThat(logged.await(5, TimeUnit.SECONDS)).isTrue();
      }
    } finally {
      System.setErr(original);
    }
    assertThat(captured.toString()).containsPattern(
        "INFO dev\\.mcpkit\\.client\\.transport\\.StdioTransport - \\[.*java\\] stdio test server ready");
  }

  @Test
  void linesThatAreNotJsonAreSkippedAndTheConversationGoesOn() throws IOException {
    try (McpClient client = McpClient.builder()
        .transport(ClientTransport.stdio(server("garbage"))).connect()) {
      assertThat(client.listTools().tools()).hasSize(1);
    }
  }

  @Test
  void aServerThatDiesDuringACallFailsItAtOnceNamingTheCommandAndExitCode() throws IOException {
    try (McpClient client = McpClient.builder().transport(ClientTransport.stdio(server("crash")))
        .requestTimeout(Duration.ofSeconds(20)).connect()) {
      long start = System.nanoTime();
      assertThatThrownBy(() -> client.callTool("echo", Map.of()))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("server process '" + server().get(0) + " -cp ") // long: shortened
          .hasMessageContaining("exit code 3");
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
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
