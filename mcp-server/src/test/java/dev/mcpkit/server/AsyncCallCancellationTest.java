package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.client.ClientTransport;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.engine.Direction;
import dev.mcpkit.core.engine.McpEventListener;
import dev.mcpkit.core.jsonrpc.RequestId;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Tools.CallToolParams;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import java.util.ArrayList;
import java.util.List;
import dev.mcpkit.core.json.McpJson;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Cancelling one of several concurrent asynchronous calls cancels that request and no other. */
@Timeout(30)
class AsyncCallCancellationTest {
  private static final int CALLS = 3;
  private final CountDownLatch allStarted = new CountDownLatch(CALLS);
  private final CountDownLatch release = new CountDownLatch(1);
  private final CountDownLatch cancelSeen = new CountDownLatch(1);
  private final Map<Integer, RequestId> idOfCall = new ConcurrentHashMap<>();
  private final List<RequestId> cancelledAtServer = new CopyOnWriteArrayList<>();
  private ServerFixture fixture;

  private McpServer server() {
    McpEventListener seen = new McpEventListener() {
      @Override
      public void requestStarted(RequestInfo request) {
        if (request.direction() == Direction.INBOUND && "tools/call".equals(request.method())) {
          idOfCall.put(request.params().path("arguments").path("n").asInt(), request.id());
        }
      }

      @Override
      public void requestCancelled(RequestInfo request, String reason) {
        if (request.direction() == Direction.INBOUND) {
          cancelledAtServer.add(request.id());
          cancelSeen.countDown();
        }
      }
    };
    return McpServer.builder().name("holding").version("1")
        .listener(seen)
        .tool(ToolDefinition.builder("hold").description("Waits until the test lets it go")
            .handler((args, ctx) -> {
              allStarted.countDown();
              release.await(20, TimeUnit.SECONDS);
              return CallToolResult.text("done " + args.path("n").asInt());
            }).build())
        .build();
  }

  @AfterEach
  void stop() {
    release.countDown();
    if (fixture != null) {
      fixture.close();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"2025-11-25", "2025-06-18", "2025-03-26"})
  void cancellingOneOfThreeConcurrentAsyncCallsCancelsExactlyThatRequestAtTheServer(
      String version) throws Exception {
    fixture = new ServerFixture(server());
    try (McpClient client = McpClient.builder()
        .transport(ClientTransport.http(fixture.http.url().toString()))
        .protocolVersion(version).connect()) {
      List<CompletableFuture<CallToolResult>> calls = new ArrayList<>();
      for (int n = 0; n < CALLS; n++) {
        calls.add(client.callToolAsync(new CallToolParams("hold", McpJson.object().put("n", n)), null));
      }
      assertThat(allStarted.await(10, TimeUnit.SECONDS)).isTrue();

      assertThat(calls.get(1).cancel(true)).isTrue();

      assertThat(cancelSeen.await(10, TimeUnit.SECONDS)).isTrue();
      release.countDown();
      assertThat(text(calls.get(0).get(10, TimeUnit.SECONDS))).isEqualTo("done 0");
      assertThat(text(calls.get(2).get(10, TimeUnit.SECONDS))).isEqualTo("done 2");
      assertThat(cancelledAtServer).containsExactly(idOfCall.get(1));
    }
  }

  private static String text(CallToolResult r) {
    return ((Content.Text) r.content().get(0)).text();
  }
}
