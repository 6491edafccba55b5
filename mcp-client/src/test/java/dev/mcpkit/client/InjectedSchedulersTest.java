package dev.mcpkit.client;

import static dev.mcpkit.client.ScriptedServer.data;
import static dev.mcpkit.client.ScriptedServer.json;
import static dev.mcpkit.client.ScriptedServer.sse;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.client.transport.HttpOptions;
import dev.mcpkit.core.json.McpJson;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The client's timeout timer and its transports' reconnect scheduler come from the host when it
 * gives them, and are then used and left running; what a transport makes for itself it shuts down.
 */
class InjectedSchedulersTest {
  private ScriptedServer server;
  private final ScheduledThreadPoolExecutor hostPool = new ScheduledThreadPoolExecutor(1);

  @BeforeEach
  void start() throws IOException {
    server = new ScriptedServer();
  }

  @AfterEach
  void stop() {
    server.close();
    hostPool.shutdownNow();
  }

  /** A GET stream that sends one event and ends, asking to be reopened after 20 ms, once. */
  private CountDownLatch droppingGetStream() {
    CountDownLatch reopened = new CountDownLatch(1);
    server.onGet = e -> {
      if (e.header("Last-Event-ID") == null) {
        ObjectNode log = McpJson.object();
        log.put("jsonrpc", "2.0").put("method", "notifications/message");
        log.putObject("params").put("level", "info").put("data", "hello");
        return sse("id: g-1\nretry: 20\n" + data(log));
      }
      reopened.countDown();
      return new MockResponse.Builder().code(405).build();
    };
    return reopened;
  }

  @Test
  void requestTimeoutsRunOnTheHostsTimerWhichClosingTheClientLeavesRunning() throws Exception {
    server.on("ping", e -> json(e, McpJson.object()));
    McpClient client = McpClient.builder().transport(ClientTransport.streamableHttp(server.url()))
        .requestTimeout(Duration.ofSeconds(5)).timer(hostPool).connect();
    long scheduled = hostPool.getTaskCount();
    client.ping();
    client.close();

    assertThat(scheduled).as("initialize's timeout").isPositive();
    assertThat(hostPool.getTaskCount()).as("ping's timeout too").isGreaterThan(scheduled);
    assertThat(hostPool.isShutdown()).isFalse();
  }

  @Test
  void aDroppedStreamIsReopenedThroughTheHostsSchedulerWhichClosingLeavesRunning()
      throws Exception {
    CountDownLatch reopened = droppingGetStream();
    HttpOptions options = HttpOptions.builder().scheduler(hostPool).build();
    List<Thread> before = reconnectThreads();
    try (McpClient client = McpClient.builder().httpOptions(options)
        .transport(ClientTransport.streamableHttp(server.url()))
        .requestTimeout(Duration.ofSeconds(5)).connect()) {
      assertThat(reopened.await(5, TimeUnit.SECONDS)).isTrue();
    }

    assertThat(hostPool.getTaskCount()).as("the one reopening").isEqualTo(1);
    assertThat(hostPool.isShutdown()).isFalse();
    assertThat(reconnectThreads()).as("no scheduler of the transport's own").isEqualTo(before);
  }

  @Test
  void aTransportsOwnReconnectThreadEndsWhenTheClientCloses() throws Exception {
    CountDownLatch reopened = droppingGetStream();
    List<Thread> before = reconnectThreads();
    List<Thread> made;
    try (McpClient client = McpClient.builder()
        .transport(ClientTransport.streamableHttp(server.url()))
        .requestTimeout(Duration.ofSeconds(5)).connect()) {
      assertThat(reopened.await(5, TimeUnit.SECONDS)).isTrue();
      made = reconnectThreads();
      made.removeAll(before);
      assertThat(made).hasSize(1);
    }
    made.get(0).join(5_000);

    assertThat(made.get(0).isAlive()).isFalse();
  }

  private static List<Thread> reconnectThreads() {
    return new java.util.ArrayList<>(Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("mcp-http-reconnect-") && t.isAlive()).toList());
  }
}
