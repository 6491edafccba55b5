package dev.mcpkit.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpOptions;
import dev.mcpkit.server.McpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A failure nobody foresaw is logged with the request's path masked, wherever its token sits. */
class UnexpectedFailureLogTest {
  private static final String TOKEN = "TokenAtTheStart0123456789abcdef";

  @Test
  void theLogLineOfAnUnexpectedFailureMasksATokenAtAnyPlaceInThePath() {
    McpServer server = McpServer.builder().name("s").version("1").build();
    McpHttpHandler handler = new McpHttpHandler(McpHttpOptions.defaults(), List.of(
        McpEndpoint.builder(server).capabilityUrl("/{token}/mcp", TOKEN).build()));
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    RecordingCall call;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      call = failingCall("/" + TOKEN + "/mcp");
      handler.handle(call);
    } finally {
      System.setErr(original);
    }

    String logged = err.toString(StandardCharsets.UTF_8);
    assertThat(logged).contains("failed to serve GET /***/mcp")
        .doesNotContain(TOKEN, TOKEN.substring(0, 12));
    assertThat(call.text()).contains("Internal error")
        .doesNotContain(TOKEN);
  }

  /** A GET whose headers cannot be read: the kind of failure the handler's last resort catches. */
  private static RecordingCall failingCall(String path) {
    java.util.concurrent.atomic.AtomicBoolean failed = new java.util.concurrent.atomic.AtomicBoolean();
    return new RecordingCall("GET", path, name -> {
      if (failed.compareAndSet(false, true)) {
        throw new IllegalStateException("the connection broke while reading " + name);
      }
      return null;
    });
  }
}
