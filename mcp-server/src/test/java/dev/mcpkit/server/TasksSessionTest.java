package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Tasks as 2025-11-25 sessions have them: task-augmented calls, tasks/result, tasks/list. */
@Timeout(30)
class TasksSessionTest {
  private final TaskToolsForTests tools = new TaskToolsForTests();
  private ServerFixture fixture;
  private RawClient client;

  @BeforeEach
  void start() {
    fixture = new ServerFixture(tools.server(TaskOptions.builder()
        .ttl(Duration.ofMinutes(5)).maxTtl(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(100)).build()).build());
    client = fixture.client;
  }

  @AfterEach
  void stop() {
    tools.gate.release(100);
    fixture.close();
  }

  private JsonNode request(String method, String params) {
    return client.post(client.request(method, params)).message();
  }

  private String startTask(String tool, String ttl) {
    JsonNode r = request("tools/call", "{\"name\":\"" + tool + "\",\"arguments\":{},\"task\":{"
        + (ttl == null ? "" : "\"ttl\":" + ttl) + "}}").path("result");
    assertThat(r.path("task").path("status").asText()).isEqualTo("working");
    return r.path("task").path("taskId").asText();
  }

  @Test
  void theTasksCapabilityIsDeclaredTo20251125SessionsOnly() {
    JsonNode caps = client.initialize().path("capabilities");
    RawClient older = new RawClient(client.url);
    older.protocolVersion = "2025-06-18";

    assertThat(caps.path("tasks").path("requests").path("tools").has("call")).isTrue();
    assertThat(caps.path("tasks").has("list")).isTrue();
    assertThat(caps.path("tasks").has("cancel")).isTrue();
    assertThat(older.initialize().path("capabilities").has("tasks")).isFalse();
  }

  @Test
  void toolsListShowsEachToolsTaskSupport() {
    client.initialize();
    JsonNode tools = request("tools/list", "{}").path("result").path("tools");

    for (JsonNode t : tools) {
      String support = t.path("execution").path("taskSupport").asText("forbidden");
      switch (t.path("name").asText()) {
        case "must_task" -> assertThat(support).isEqualTo("required");
        case "gated" -> assertThat(support).isEqualTo("optional");
        case "plain" -> assertThat(t.has("execution")).isFalse();
        default -> { }
      }
    }
  }

  @Test
  void aTaskAugmentedCallIsFetchedWithTasksResultWhichWaitsForTheEnd() throws Exception {
    client.initialize();
    String id = startTask("gated", "60000");
    JsonNode task = request("tasks/get", "{\"taskId\":\"" + id + "\"}").path("result");
    assertThat(task.path("ttl").asLong()).isEqualTo(60_000);
    assertThat(task.path("pollInterval").asLong()).isEqualTo(100);
    assertThat(tools.started.await(5, TimeUnit.SECONDS)).isTrue();

    Thread releaser = new Thread(() -> tools.gate.release());
    releaser.start(); // tasks/result must wait for it
    JsonNode result = request("tasks/result", "{\"taskId\":\"" + id + "\"}").path("result");

    assertThat(result.path("content").get(0).path("text").asText()).isEqualTo("passed ");
    assertThat(result.path("_meta").path("io.modelcontextprotocol/related-task")
        .path("taskId").asText()).isEqualTo(id);
  }

  @Test
  void aClientAskingForTooLongARetentionGetsTheServersLongest() {
    client.initialize();
    tools.gate.release();
    String id = startTask("gated", "999999999");

    assertThat(request("tasks/get", "{\"taskId\":\"" + id + "\"}").path("result").path("ttl")
        .asLong()).isEqualTo(600_000);
  }

  @Test
  void aRequiredTaskToolCalledWithoutTaskIsRefused() {
    client.initialize();
    JsonNode error = request("tools/call", "{\"name\":\"must_task\",\"arguments\":{}}")
        .path("error");

    assertThat(error.path("code").asInt()).isEqualTo(-32601);
    assertThat(error.path("message").asText()).contains("params.task");
  }

  @Test
  void tasksListShowsOnlyTheSessionsOwnTasks() {
    client.initialize();
    tools.gate.release(2);
    String mine = startTask("gated", null);
    RawClient other = new RawClient(client.url);
    other.initialize();
    JsonNode otherStart = other.post(other.request("tools/call", "{\"name\":\"gated\","
        + "\"arguments\":{},\"task\":{}}")).message();
    String theirs = otherStart.path("result").path("task").path("taskId").asText();

    JsonNode list = request("tasks/list", "{}").path("result").path("tasks");

    assertThat(list).hasSize(1);
    assertThat(list.get(0).path("taskId").asText()).isEqualTo(mine);
    assertThat(request("tasks/get", "{\"taskId\":\"" + theirs + "\"}").path("error")
        .path("code").asInt()).isEqualTo(-32602);
  }

  @Test
  void cancelReturnsTheCancelledTaskAndAFinishedTaskCannotBeCancelled() throws Exception {
    client.initialize();
    String id = startTask("gated", null);
    assertThat(tools.started.await(5, TimeUnit.SECONDS)).isTrue();

    JsonNode cancelled = request("tasks/cancel", "{\"taskId\":\"" + id + "\"}").path("result");
    JsonNode again = request("tasks/cancel", "{\"taskId\":\"" + id + "\"}").path("error");

    assertThat(cancelled.path("status").asText()).isEqualTo("cancelled");
    assertThat(tools.interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(again.path("code").asInt()).isEqualTo(-32602);
    assertThat(again.path("message").asText()).contains("already cancelled");
  }

  @Test
  void statusChangesReachTheSessionsStream() {
    client.initialize();
    try (Stream<String> lines = client.openStream()) {
      Iterator<String> it = lines.iterator();
      tools.gate.release();
      String id = startTask("gated", null);
      JsonNode status = null;
      while (status == null || !"completed".equals(status.path("params").path("status")
          .asText())) {
        status = RawClient.nextEvent(it, "notifications/tasks/status");
      }
      assertThat(status.path("params").path("taskId").asText()).isEqualTo(id);
    }
  }

  @Test
  void sessionsOfOlderVersionsSeeNoExecutionField() {
    client.protocolVersion = "2025-06-18";
    client.initialize();

    JsonNode tools = request("tools/list", "{}").path("result").path("tools");

    assertThat(tools).isNotEmpty();
    tools.forEach(t -> assertThat(t.has("execution")).as(t.path("name").asText()).isFalse());
  }

  @Test
  void aTaskTtlThatIsNotAPositiveIntegerIsRefusedAndNoTaskStarts() {
    client.initialize();

    for (String ttl : new String[] {"0", "-5", "\"soon\"", "1.5"}) {
      JsonNode error = request("tools/call", "{\"name\":\"gated\",\"arguments\":{},"
          + "\"task\":{\"ttl\":" + ttl + "}}").path("error");
      assertThat(error.path("code").asInt()).as(ttl).isEqualTo(-32602);
      assertThat(error.path("message").asText()).contains("task.ttl");
    }
    assertThat(request("tasks/list", "{}").path("result").path("tasks")).isEmpty();
    assertThat(tools.started.getCount()).isEqualTo(1);
  }
}
