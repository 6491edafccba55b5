package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpkit.client.ClientTransport;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.client.TaskSnapshot;
import dev.mcpkit.core.McpTimeoutException;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Elicitation.ElicitResult;
import dev.mcpkit.core.schema.Tasks.TaskStatus;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** mcp-client driving mcp-server's tasks over loopback, in both protocol eras. */
@Timeout(30)
class ClientTasksTest {
  private final TaskToolsForTests tools = new TaskToolsForTests();
  private final AtomicInteger elicitations = new AtomicInteger();
  private ServerFixture fixture;

  @BeforeEach
  void start() {
    fixture = new ServerFixture(tools.server(TaskOptions.builder()
        .pollInterval(Duration.ofMillis(50)).build()).build());
  }

  @AfterEach
  void stop() {
    tools.gate.release(100);
    fixture.close();
  }

  private McpClient connect(String version) throws Exception {
    McpClient.Builder b = McpClient.builder()
        .transport(ClientTransport.http(fixture.http.url().toString()))
        .tasks()
        .elicitation(params -> {
          elicitations.incrementAndGet();
          return ElicitResult.accept(Map.of("name", McpJson.toTree("Grace")));
        });
    if (version != null) {
      b.protocolVersion(version);
    }
    return b.connect();
  }

  private static String text(CallToolResult r) {
    return ((Content.Text) r.content().get(0)).text();
  }

  private void releaseWhenStarted() {
    Thread t = new Thread(() -> {
      try {
        if (tools.started.await(10, TimeUnit.SECONDS)) {
          tools.gate.release();
        }
      } catch (InterruptedException ignored) {
        Thread.currentThread().interrupt();
      }
    });
    t.setDaemon(true);
    t.start();
  }

  @Test
  void callToolWaitsTransparentlyWhenA2026ServerAnswersWithATask() throws Exception {
    try (McpClient client = connect(null)) {
      assertThat(client.protocolVersion().id()).isEqualTo("2026-07-28");
      releaseWhenStarted();

      CallToolResult r = client.callTool("gated", Map.of("label", "x"));

      assertThat(text(r)).isEqualTo("passed x");
    }
  }

  @Test
  void awaitingATaskReportsProgressAndAnswersItsInputOnce() throws Exception {
    try (McpClient client = connect(null)) {
      TaskSnapshot started = client.callToolAsTask("ask_name", Map.of());
      List<TaskSnapshot> seen = new CopyOnWriteArrayList<>();

      CallToolResult r = client.awaitTask(started.taskId(), Duration.ofSeconds(10), seen::add);

      assertThat(text(r)).isEqualTo("Hello Grace");
      assertThat(elicitations.get()).isEqualTo(1);
      assertThat(seen).extracting(TaskSnapshot::status).contains(TaskStatus.INPUT_REQUIRED);
    }
  }

  @Test
  void aWaitThatTimesOutCancelsTheTaskAtTheServer() throws Exception {
    try (McpClient client = connect(null)) {
      TaskSnapshot started = client.callToolAsTask("gated", Map.of());
      assertThat(tools.started.await(5, TimeUnit.SECONDS)).isTrue();

      assertThatThrownBy(() -> client.awaitTask(started.taskId(), Duration.ofMillis(200), null))
          .isInstanceOf(McpTimeoutException.class)
          .hasMessageContaining("was cancelled")
          .hasMessageNotContaining(started.taskId()); // a task id is a handle: kept out of messages

      assertThat(tools.interrupted.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(client.getTask(started.taskId()).status()).isEqualTo(TaskStatus.CANCELLED);
    }
  }

  @Test
  void aFastToolAnswersATaskCallDirectly() throws Exception {
    try (McpClient client = connect(null)) {
      TaskSnapshot r = client.callToolAsTask("quick", Map.of());

      assertThat(r.taskId()).isNull();
      assertThat(r.status()).isEqualTo(TaskStatus.COMPLETED);
      assertThat(text(r.result())).isEqualTo("quick answer");
    }
  }

  @Test
  void aSessionClientRunsListsAndFetchesATask() throws Exception {
    try (McpClient client = connect("2025-11-25")) {
      TaskSnapshot started = client.callToolAsTask("gated", Map.of("label", "s"));
      assertThat(started.status()).isEqualTo(TaskStatus.WORKING);
      assertThat(client.listTasks()).extracting(TaskSnapshot::taskId)
          .containsExactly(started.taskId());
      releaseWhenStarted();

      CallToolResult r = client.awaitTask(started.taskId(), Duration.ofSeconds(10), null);

      assertThat(text(r)).isEqualTo("passed s");
    }
  }

  @Test
  void aSessionTaskAsksItsInputOverTasksResult() throws Exception {
    try (McpClient client = connect("2025-11-25")) {
      TaskSnapshot started = client.callToolAsTask("ask_name", Map.of());

      CallToolResult r = client.awaitTask(started.taskId(), Duration.ofSeconds(10), null);

      assertThat(text(r)).isEqualTo("Hello Grace");
      assertThat(elicitations.get()).isEqualTo(1);
    }
  }

  @Test
  void cancelTaskStopsARunningTask() throws Exception {
    try (McpClient client = connect("2025-11-25")) {
      TaskSnapshot started = client.callToolAsTask("gated", Map.of());
      assertThat(tools.started.await(5, TimeUnit.SECONDS)).isTrue();

      client.cancelTask(started.taskId());

      assertThat(tools.interrupted.await(5, TimeUnit.SECONDS)).isTrue();
      assertThat(client.getTask(started.taskId()).status()).isEqualTo(TaskStatus.CANCELLED);
    }
  }

  @Test
  void aSessionClientCallsARequiredTaskToolAsATaskOnceItListedTheTools() throws Exception {
    try (McpClient client = connect("2025-11-25")) {
      client.listTools();

      CallToolResult r = client.callTool("must_task", Map.of());

      assertThat(text(r)).isEqualTo("tasked");
    }
  }
}
