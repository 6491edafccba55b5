package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.server.internal.ServerAccess;
import dev.mcpkit.server.spi.EventStore;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The embedded JDK server's threads and socket options, and the documented defaults. */
class EmbeddedServerTest {
  private ServerFixture fixture;

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  @Test
  void handlersRunOnTheServersOwnThreadsVirtualOnes21AndLater() throws Exception {
    AtomicReference<Thread> ranOn = new AtomicReference<>();
    fixture = new ServerFixture(McpServer.builder().name("t")
        .tool(ToolDefinition.builder("where").description("Says where it runs")
            .handler((a, c) -> {
              ranOn.set(Thread.currentThread());
              return CallToolResult.text("here");
            }).build())
        .build());
    fixture.client.initialize();

    fixture.client.call("where", "{}");

    boolean virtual = Runtime.version().feature() >= 21
        && (Boolean) Thread.class.getMethod("isVirtual").invoke(ranOn.get());
    assertThat(ranOn.get().getName()).startsWith("mcp-http-");
    assertThat(virtual).isEqualTo(Runtime.version().feature() >= 21);
    assertThat(ranOn.get().isDaemon()).isTrue();
  }

  @Test
  void startingAServerChangesNoJvmWideProperty() {
    java.util.Properties before = (java.util.Properties) System.getProperties().clone();

    fixture = new ServerFixture(TestTools.server().build());

    assertThat(System.getProperties()).isEqualTo(before);
  }

  @Test
  void aForeignHostHeaderGets403OnTheWire() throws IOException {
    fixture = new ServerFixture(TestTools.server().build());
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}";

    String answer = rawPost("evil.example.com:" + fixture.http.port(), body);
    String local = rawPost("localhost:" + fixture.http.port(), body);

    assertThat(answer).startsWith("HTTP/1.1 403").contains("evil.example.com");
    assertThat(local).doesNotStartWith("HTTP/1.1 403");
  }

  private String rawPost(String host, String body) throws IOException {
    try (Socket socket = new Socket("127.0.0.1", fixture.http.port())) {
      socket.setSoTimeout(5000);
      OutputStream out = socket.getOutputStream();
      out.write(("POST /mcp HTTP/1.1\r\nHost: " + host + "\r\nAccept: application/json, "
          + "text/event-stream\r\nContent-Type: application/json\r\nContent-Length: "
          + body.length() + "\r\nConnection: close\r\n\r\n" + body)
          .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theDefaultsAreTheDocumentedOnes() {
    McpHttpOptions options = McpHttpOptions.defaults();
    EventStore events = options.eventStore();
    for (int i = 0; i < 1001; i++) {
      events.append("s", "p", new byte[] {1});
    }
    McpServer server = McpServer.builder().name("t").build();

    assertThat(options.sessionIdleTimeout()).isEqualTo(Duration.ofMinutes(30));
    assertThat(options.maxSessions()).isEqualTo(10_000);
    assertThat(options.maxBodyBytes()).isEqualTo(4L * 1024 * 1024);
    assertThat(options.maxRequestsInFlightPerSession()).isEqualTo(64);
    assertThat(options.checkHost()).isTrue();
    assertThat(events.replayAfter("s", "p_0").events()).as("the default event store keeps"
        + " the newest 1000 events of a session").hasSize(1000);
    assertThat(ServerAccess.core(server).config().toolCallTimeout())
        .isEqualTo(Duration.ofSeconds(30));
    assertThat(ServerAccess.core(server).config().pageSize()).isEqualTo(100);
    events.dropSession("s");
  }
}
