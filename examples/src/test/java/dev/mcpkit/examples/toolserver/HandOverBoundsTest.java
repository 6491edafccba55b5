package dev.mcpkit.examples.toolserver;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.client.ClientTransport;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.server.McpHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code hand_over} keeps bounded state and never prints a caller's text raw, over loopback. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class HandOverBoundsTest {
  private final ByteArrayOutputStream console = new ByteArrayOutputStream();
  @TempDir
  Path outbox;
  private ToolServerExample example;
  private McpHttpServer http;
  private McpClient client;

  @BeforeEach
  void start() throws Exception {
    example = new ToolServerExample(outbox, Duration.ofMillis(10),
        new PrintStream(console, true, StandardCharsets.UTF_8));
    http = example.serve(ToolServerOptions.parse(new String[] {"--port", "0"}, Map.of()));
    client = McpClient.builder().transport(ClientTransport.http(http.url().toString())).connect();
  }

  @AfterEach
  void stop() throws Exception {
    client.close();
    http.close();
  }

  private CallToolResult handOver(String reason, String summary) throws Exception {
    return client.callTool("hand_over", Map.of("reason", reason, "summary", summary));
  }

  private static String text(CallToolResult result) {
    return ((Content.Text) result.content().get(0)).text();
  }

  @Test
  void fiftyCallsWithATwoMebibyteSummaryAreToolErrorsAndKeepNothing() throws Exception {
    String huge = "s".repeat(2 * 1024 * 1024);
    for (int i = 0; i < 50; i++) {
      CallToolResult result = handOver("call " + i, huge);

      assertThat(result.failed()).isTrue();
      assertThat(text(result)).contains("'summary' has 2097152 characters; at most 8192");
    }
    assertThat(example.handOver().queue()).isEmpty();
  }

  @Test
  void theQueueKeepsTheNewestTicketsAndDropsTheOldest() throws Exception {
    int calls = HandOverTool.MAX_TICKETS + 25;
    for (int i = 0; i < calls; i++) {
      assertThat(handOver("reason " + i, "summary " + i).failed()).isFalse();
    }

    assertThat(example.handOver().queue()).hasSize(HandOverTool.MAX_TICKETS);
    assertThat(example.handOver().queue().get(0).reason()).isEqualTo("reason 25");
    assertThat(example.handOver().queue().get(HandOverTool.MAX_TICKETS - 1).reason())
        .isEqualTo("reason " + (calls - 1));
  }

  @Test
  void aReasonWithEscapeSequencesAndFakeLogLinesIsPrintedEscapedOnOneLine() throws Exception {
    String hostile = "\u001b[2J\u001b[31mcleared\rINFO admin logged in\n2026-01-01 WARN fake"
        + "\u202e\u0007" + "x".repeat(400);

    CallToolResult result = handOver(hostile, "a summary");

    assertThat(result.failed()).isFalse();
    String printed = console.toString(StandardCharsets.UTF_8);
    assertThat(printed).doesNotContain("\u001b", "\r", "\u202e", "\u0007")
        .contains("\\u001B[2J", "\\u000DINFO admin logged in\\u000A2026-01-01 WARN fake")
        .contains("characters)");
    assertThat(printed.lines()).hasSize(1);
    assertThat(printed.length()).isLessThan(400);
  }
}
