package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Tasks over the 2026-07-28 protocol (the io.modelcontextprotocol/tasks extension), on loopback. */
@Timeout(30)
class TasksStatelessTest {
  private static final String WITH_TASKS = "{\"io.modelcontextprotocol/protocolVersion\":"
      + "\"2026-07-28\",\"io.modelcontextprotocol/clientCapabilities\":{\"elicitation\":{},"
      + "\"extensions\":{\"io.modelcontextprotocol/tasks\":{}}}}";
  private final TaskToolsForTests tools = new TaskToolsForTests();
  private final SteppingClock clock = new SteppingClock(1_000_000);
  private ServerFixture fixture;
  private RawClient client;

  @BeforeEach
  void start() {
    fixture = new ServerFixture(tools.server(TaskOptions.builder().clock(clock)
        .ttl(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(250)).maxActivePerOwner(2)
        .build()).build());
    client = fixture.client;
    client.protocolVersion = null;
  }

  @AfterEach
  void stop() {
    tools.gate.release(100);
    fixture.close();
  }

  private JsonNode call(String tool, String args, boolean extension) {
    String meta = extension ? ",\"_meta\":" + WITH_TASKS : "";
    return client.stateless("tools/call", "{\"name\":\"" + tool + "\",\"arguments\":" + args
        + meta + "}").message();
  }

  private RawClient.Response task(String method, String taskId, String extra, boolean extension) {
    String meta = extension ? ",\"_meta\":" + WITH_TASKS : "";
    return client.stateless(method, "{\"taskId\":\"" + taskId + "\"" + extra + meta + "}",
        "Mcp-Name", taskId);
  }

  private JsonNode get(String taskId) {
    return task("tasks/get", taskId, "", true).message().path("result");
  }

  private JsonNode awaitStatus(String taskId, String status) throws InterruptedException {
    for (int i = 0; i < 200; i++) {
      JsonNode t = get(taskId);
      if (status.equals(t.path("status").asText())) {
        return t;
      }
      Thread.sleep(25); // polling the real server until the worker thread moves on
    }
    throw new AssertionError("task " + taskId + " never became " + status + ": " + get(taskId));
  }

  @Test
  void aTaskToolAnswersWithAHandleAndTasksGetInlinesTheResultOnceDone() throws Exception {
    JsonNode handle = call("gated", "{\"label\":\"a\"}", true).path("result");

    assertThat(handle.path("resultType").asText()).isEqualTo("task");
    assertThat(handle.path("status").asText()).isEqualTo("working");
    assertThat(handle.path("ttlMs").asLong()).isEqualTo(300_000);
    assertThat(handle.path("pollIntervalMs").asLong()).isEqualTo(250);
    assertThat(handle.has("result")).isFalse();
    String id = handle.path("taskId").asText();
    assertThat(id).hasSize(32);
    assertThat(tools.started.await(5, TimeUnit.SECONDS)).isTrue();
    JsonNode working = awaitStatus(id, "working");
    assertThat(working.path("resultType").asText()).isEqualTo("complete");

    tools.gate.release();
    JsonNode done = awaitStatus(id, "completed");

    assertThat(done.path("result").path("content").get(0).path("text").asText())
        .isEqualTo("passed a");
    assertThat(get(id).path("result")).isEqualTo(done.path("result")); // kept after fetching
  }

  @Test
  void progressOfARunningTaskBecomesItsStatusMessage() throws Exception {
    String id = call("gated", "{}", true).path("result").path("taskId").asText();
    assertThat(tools.started.await(5, TimeUnit.SECONDS)).isTrue();

    JsonNode t = null;
    for (int i = 0; i < 200 && (t == null || !t.has("statusMessage")); i++) {
      t = get(id);
      Thread.sleep(10);
    }

    assertThat(t.path("statusMessage").asText()).isEqualTo("1/2: waiting for the gate");
  }

  @Test
  void withoutTheExtensionAnOptionalToolRunsDirectlyAndARequiredOneIsRefused() {
    tools.gate.release();
    JsonNode direct = call("gated", "{\"label\":\"d\"}", false).path("result");
    JsonNode refused = call("must_task", "{}", false).path("error");

    assertThat(direct.path("resultType").asText()).isEqualTo("complete");
    assertThat(direct.path("content").get(0).path("text").asText()).isEqualTo("passed d");
    assertThat(refused.path("code").asInt()).isEqualTo(-32021);
    assertThat(refused.path("data").path("requiredCapabilities").path("extensions")
        .has("io.modelcontextprotocol/tasks")).isTrue();
    assertThat(refused.path("message").asText()).contains("must_task");
  }

  @Test
  void theTaskMethodsNeedTheExtensionAndTheRemovedOnesDoNotExist() {
    RawClient.Response get = task("tasks/get", "x", "", false);
    RawClient.Response result = task("tasks/result", "x", "", true);

    assertThat(get.status()).isEqualTo(400);
    assertThat(get.message().path("error").path("code").asInt()).isEqualTo(-32021);
    assertThat(result.message().path("error").path("code").asInt()).isEqualTo(-32601);
  }

  @Test
  void theExtensionIsAdvertisedInDiscover() {
    JsonNode caps = client.stateless("server/discover", null).message().path("result")
        .path("capabilities");

    assertThat(caps.path("extensions").has("io.modelcontextprotocol/tasks")).isTrue();
    assertThat(caps.has("tasks")).isFalse();
  }

  @Test
  void cancellingARunningTaskInterruptsItsHandlerAndSettlesAsCancelled() throws Exception {
    String id = call("gated", "{}", true).path("result").path("taskId").asText();
    assertThat(tools.started.await(5, TimeUnit.SECONDS)).isTrue();

    JsonNode ack = task("tasks/cancel", id, "", true).message().path("result");

    assertThat(ack.path("resultType").asText()).isEqualTo("complete");
    assertThat(ack.has("taskId")).isFalse();
    assertThat(tools.interrupted.await(5, TimeUnit.SECONDS)).isTrue();
    assertThat(get(id).path("status").asText()).isEqualTo("cancelled");
    assertThat(task("tasks/cancel", id, "", true).message().path("result").path("resultType")
        .asText()).isEqualTo("complete"); // idempotent on a finished task
  }

  @Test
  void aTaskWaitingForInputTakesItsAnswerThroughTasksUpdate() throws Exception {
    String id = call("ask_name", "{}", true).path("result").path("taskId").asText();
    JsonNode asking = awaitStatus(id, "input_required");
    assertThat(asking.path("inputRequests").path("name").path("method").asText())
        .isEqualTo("elicitation/create");

    JsonNode ack = task("tasks/update", id, ",\"inputResponses\":{\"other\":{\"action\":"
        + "\"accept\"},\"name\":{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}}}", true)
        .message().path("result");

    assertThat(ack.path("resultType").asText()).isEqualTo("complete");
    assertThat(awaitStatus(id, "completed").path("result").path("content").get(0).path("text")
        .asText()).isEqualTo("Hello Ada");
  }

  @Test
  void anUnknownTaskIsInvalidParams() {
    JsonNode error = task("tasks/get", "0123456789abcdef0123456789abcdef", "", true).message()
        .path("error");

    assertThat(error.path("code").asInt()).isEqualTo(-32602);
    assertThat(error.path("message").asText()).contains("unknown taskId");
  }

  @Test
  void aTaskIsForgottenOnceItsRetentionEnds() throws Exception {
    tools.gate.release();
    String id = call("gated", "{}", true).path("result").path("taskId").asText();
    awaitStatus(id, "completed");

    clock.advance(Duration.ofMinutes(5).minusMillis(1));
    assertThat(get(id).path("status").asText()).isEqualTo("completed");
    clock.advance(Duration.ofSeconds(2));

    assertThat(task("tasks/get", id, "", true).message().path("error").path("code").asInt())
        .isEqualTo(-32602);
  }

  @Test
  void anOwnerWithTooManyUnfinishedTasksIsRefusedAndLosesNothing() throws Exception {
    String first = call("gated", "{\"label\":\"1\"}", true).path("result").path("taskId").asText();
    String second = call("gated", "{\"label\":\"2\"}", true).path("result").path("taskId")
        .asText();

    JsonNode refused = call("gated", "{\"label\":\"3\"}", true).path("error");

    assertThat(refused.path("code").asInt()).isEqualTo(-32600);
    assertThat(refused.path("message").asText()).contains("Too many tasks").contains("limit 2");
    tools.gate.release(2);
    assertThat(awaitStatus(first, "completed").path("result").toString()).contains("passed");
    assertThat(awaitStatus(second, "completed").path("result").toString()).contains("passed");
  }

  @Test
  void aCallThatEndsWithinItsGracePeriodIsAnsweredDirectly() {
    JsonNode result = call("quick", "{}", true).path("result");

    assertThat(result.path("resultType").asText()).isEqualTo("complete");
    assertThat(result.has("taskId")).isFalse();
    assertThat(result.path("content").get(0).path("text").asText()).isEqualTo("quick answer");
  }

  @Test
  void aToolThatIsNeverATaskIgnoresTheLegacyTaskParam() {
    JsonNode result = client.stateless("tools/call", "{\"name\":\"plain\",\"arguments\":{},"
        + "\"task\":{\"ttl\":1000},\"_meta\":" + WITH_TASKS + "}").message().path("result");

    assertThat(result.path("resultType").asText()).isEqualTo("complete");
    assertThat(result.path("content").get(0).path("text").asText()).isEqualTo("plain");
  }

  @Test
  void malformedTaskRequestsAreRefusedWithTheFieldNamed() {
    String id = call("gated", "{}", true).path("result").path("taskId").asText();

    JsonNode noId = client.stateless("tasks/get", "{\"_meta\":" + WITH_TASKS + "}").message()
        .path("error");
    JsonNode badAnswers = task("tasks/update", id, ",\"inputResponses\":[1,2]", true).message()
        .path("error");

    assertThat(noId.path("code").asInt()).isEqualTo(-32602);
    assertThat(noId.path("message").asText()).contains("params.taskId");
    assertThat(badAnswers.path("code").asInt()).isEqualTo(-32602);
    assertThat(badAnswers.path("message").asText()).contains("inputResponses");
    assertThat(get(id).path("status").asText()).isEqualTo("working"); // the task lost nothing
  }

  @Test
  void aServerWithoutTaskOptionsAdvertisesNoTasksAndRunsEveryToolDirectly() {
    try (ServerFixture plain = new ServerFixture(McpServer.builder().name("plain").version("1")
        .tool(ToolDefinition.builder("maybe").description("Could be a task")
            .taskSupport(dev.mcpkit.core.schema.Tools.TaskSupport.REQUIRED)
            .handler((args, ctx) -> dev.mcpkit.core.schema.Tools.CallToolResult.text("direct"))
            .build())
        .build())) {
      RawClient c = plain.client;
      c.protocolVersion = null;
      JsonNode caps = c.stateless("server/discover", null).message().path("result")
          .path("capabilities");
      JsonNode result = c.stateless("tools/call", "{\"name\":\"maybe\",\"arguments\":{},"
          + "\"_meta\":" + WITH_TASKS + "}").message().path("result");
      JsonNode get = c.stateless("tasks/get", "{\"taskId\":\"x\",\"_meta\":" + WITH_TASKS
          + "}", "Mcp-Name", "x").message().path("error");

      assertThat(caps.has("extensions")).isFalse();
      assertThat(result.path("content").get(0).path("text").asText()).isEqualTo("direct");
      assertThat(get.path("code").asInt()).isEqualTo(-32601);
    }
  }
}
