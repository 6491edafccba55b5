package dev.mcpkit.core.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.engine.internal.Threads;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.transport.InMemoryTransport;
import dev.mcpkit.core.transport.McpTransports;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A full handler pool refuses a request with an error naming the limit instead of running it on the
 * thread that reads the peer's messages, where a handler waiting for the peer would deadlock the
 * connection. Built with the same factory as the shared pool, so on Java 17 it is the platform pool.
 */
@Timeout(20)
class FullHandlerPoolTest {
  private final ExecutorService pool = Threads.newRefusingExecutor("full-pool-test", 1);
  private final CountDownLatch holding = new CountDownLatch(1);
  private final CountDownLatch release = new CountDownLatch(1);
  private ProtocolEngine client;
  private ProtocolEngine server;

  @AfterEach
  void close() {
    release.countDown();
    if (client != null) {
      client.close();
      server.close();
    }
    pool.shutdownNow();
  }

  private void connect() throws Exception {
    InMemoryTransport[] pair = InMemoryTransport.pair();
    client = McpTransports.connect(pair[0], ProtocolEngine.builder().name("client")
        .handlers(MethodHandlers.builder()
            .onRequest("whoami", (ctx, params) -> McpJson.object().put("name", "client"))
            .build()));
    server = McpTransports.connect(pair[1], ProtocolEngine.builder().name("server")
        .executor(pool)
        .handlers(MethodHandlers.builder()
            .onRequest("hold", (ctx, params) -> {
              holding.countDown();
              release.await(15, TimeUnit.SECONDS);
              return McpJson.object();
            })
            .onRequest("askPeer", (ctx, params) ->
                ctx.sendRequest("whoami", null, Duration.ofSeconds(10)))
            .build()));
  }

  @Test
  void aRequestArrivingAtAFullPoolIsRefusedNamingTheLimitAndTheConnectionKeepsReading()
      throws Exception {
    org.junit.jupiter.api.Assumptions.assumeFalse(Threads.hasVirtualThreads(),
        "virtual threads have no pool to fill");
    connect();
    CompletableFuture<?> held = client.sendRequestAsync("hold", null, RequestOptions.DEFAULT);
    assertThat(holding.await(10, TimeUnit.SECONDS)).isTrue();

    assertThatThrownBy(() -> client.sendRequest("askPeer", null,
        RequestOptions.timeout(Duration.ofSeconds(10))))
        .isInstanceOf(McpProtocolException.class)
        .hasMessageContaining("Server busy")
        .hasMessageContaining("askPeer");

    release.countDown();
    held.get(10, TimeUnit.SECONDS);
    assertThat(askPeerOnceTheThreadIsBack()).isEqualTo("client");
  }

  /** The held handler's thread returns to the pool just after its answer: a few tries at most. */
  private String askPeerOnceTheThreadIsBack() throws Exception {
    for (int attempt = 0; ; attempt++) {
      try {
        return client.sendRequest("askPeer", null, RequestOptions.timeout(Duration.ofSeconds(10)))
            .path("name").asText();
      } catch (McpProtocolException busy) {
        if (attempt >= 100 || !busy.getMessage().contains("Server busy")) {
          throw busy;
        }
        Thread.onSpinWait();
      }
    }
  }
}
