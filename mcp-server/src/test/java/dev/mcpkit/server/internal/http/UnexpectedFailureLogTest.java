package dev.mcpkit.server.internal.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpOptions;
import dev.mcpkit.server.McpServer;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.URI;
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
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      handler.handle(failingCall("/" + TOKEN + "/mcp", answer));
    } finally {
      System.setErr(original);
    }

    String logged = err.toString(StandardCharsets.UTF_8);
    assertThat(logged).contains("failed to serve GET /***/mcp")
        .doesNotContain(TOKEN, TOKEN.substring(0, 12));
    assertThat(answer.toString(StandardCharsets.UTF_8)).contains("Internal error")
        .doesNotContain(TOKEN);
  }

  /** A GET whose headers cannot be read: the kind of failure the handler's last resort catches. */
  private static HttpCall failingCall(String path, OutputStream answer) {
    return new HttpCall() {
      private boolean failed;

      @Override
      public String method() {
        return "GET";
      }

      @Override
      public URI uri() {
        return URI.create("http://localhost" + path);
      }

      @Override
      public String header(String name) {
        if (!failed) {
          failed = true;
          throw new IllegalStateException("the connection broke while reading " + name);
        }
        return null;
      }

      @Override
      public String path() {
        return path;
      }

      @Override
      public String query() {
        return null;
      }

      @Override
      public boolean arrivedOnLoopback() {
        return true;
      }

      @Override
      public InputStream body() {
        return InputStream.nullInputStream();
      }

      @Override
      public long contentLength() {
        return 0;
      }

      @Override
      public void setHeader(String name, String value) {}

      @Override
      public OutputStream start(int status, long length) {
        return answer;
      }

      @Override
      public void flush() {}

      @Override
      public void close() {}
    };
  }
}
