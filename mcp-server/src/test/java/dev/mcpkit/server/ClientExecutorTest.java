package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.client.ClientTransport;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.engine.internal.Threads;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Elicitation.ElicitResult;
import dev.mcpkit.core.schema.Tools.CallToolParams;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A client given an executor runs its asynchronous calls and the server's requests on it. */
@Timeout(30)
class ClientExecutorTest {
  private final AtomicInteger ran = new AtomicInteger();
  private final ExecutorService pool = Executors.newFixedThreadPool(4,
      Threads.daemonFactory("host-pool"));
  private final List<String> elicitedOn = new CopyOnWriteArrayList<>();
  private ServerFixture fixture;

  @BeforeEach
  void start() {
    fixture = new ServerFixture(TestTools.server().build());
  }

  @AfterEach
  void stop() {
    fixture.close();
    pool.shutdownNow();
  }

  @Test
  void asyncCallsAndTheServersRequestsRunOnTheExecutorGivenToTheBuilder() throws Exception {
    try (McpClient client = McpClient.builder()
        .transport(ClientTransport.http(fixture.http.url().toString()))
        .protocolVersion("2025-11-25")
        .executor(task -> {
          ran.incrementAndGet();
          pool.execute(task);
        })
        .elicitation(params -> {
          elicitedOn.add(Thread.currentThread().getName());
          return ElicitResult.accept(Map.of("name", McpJson.toTree("Grace")));
        })
        .connect()) {
      int before = ran.get();
      CallToolResult r = client.callToolAsync(new CallToolParams("ask", McpJson.object()), null)
          .get(10, TimeUnit.SECONDS);

      assertThat(((Content.Text) r.content().get(0)).text()).isEqualTo("hello Grace");
      assertThat(ran.get() - before).isGreaterThanOrEqualTo(2); // the call and the elicitation
      assertThat(elicitedOn).singleElement().asString().startsWith("host-pool-");
    }
  }
}
