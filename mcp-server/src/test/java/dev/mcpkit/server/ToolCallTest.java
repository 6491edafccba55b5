package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ToolCallTest {
  private ServerFixture fixture;
  private RawClient client;

  @BeforeEach
  void start() {
    TestTools.resetLatches();
    fixture = new ServerFixture(TestTools.server().pageSize(3).build());
    client = fixture.client;
    client.initialize();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private static String text(JsonNode result) {
    return result.path("content").get(0).path("text").asText();
  }

  @Test
  void argumentsAreValidatedBeforeTheHandlerRunsAndTheErrorNamesTheField() {
    JsonNode result = client.call("echo", "{\"text\":7}");

    assertThat(result.path("isError").asBoolean()).isTrue();
    assertThat(text(result)).contains("echo").contains("$.text").contains("$.times");
  }

  @Test
  void argumentsThatAreNotAnObjectAreAToolError() {
    JsonNode result = client.call("echo", "[1,2]");

    assertThat(result.path("isError").asBoolean()).isTrue();
    assertThat(text(result)).contains("must be a JSON object");
  }

  @Test
  void handlerExceptionBecomesAnIsErrorResultWithoutInternals() {
    JsonNode result = client.call("boom", "{}");

    assertThat(result.path("isError").asBoolean()).isTrue();
    assertThat(text(result)).contains("internal error").contains("incident")
        .doesNotContain("db.example").doesNotContain("IllegalStateException")
        .doesNotContain("at dev.");
  }

  @Test
  void toolExceptionMessageReachesTheModel() {
    JsonNode result = client.call("refuse", "{}");

    assertThat(result.path("isError").asBoolean()).isTrue();
    assertThat(text(result)).isEqualTo("no city named 'Pariss'; check the spelling");
  }

  @Test
  void timedOutCallIsInterruptedAndAnsweredWithAClearError() {
    long start = System.nanoTime();
    JsonNode result = client.call("slow", "{}");

    assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
    assertThat(result.path("isError").asBoolean()).isTrue();
    assertThat(text(result)).contains("'slow' timed out after 300 ms");
  }

  @Test
  void theServersTimeoutInterruptsAToolWithoutItsOwnAndTheTimeoutIsLogged() throws Exception {
    java.util.concurrent.CountDownLatch interrupted = new java.util.concurrent.CountDownLatch(1);
    fixture.close();
    fixture = new ServerFixture(McpServer.builder().name("t")
        .toolCallTimeout(Duration.ofMillis(200))
        .tool(ToolDefinition.builder("sleepy").description("Sleeps a minute")
            .handler((args, ctx) -> {
              try {
                Thread.sleep(60_000);
              } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
              }
              return CallToolResult.text("woke up");
            }).build())
        .build());
    client = fixture.client;
    client.initialize();

    String[] log = new String[1];
    JsonNode result = capturingLog(log, () -> client.call("sleepy", "{}"));

    assertThat(interrupted.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    assertThat(result.path("isError").asBoolean()).isTrue();
    assertThat(text(result)).contains("'sleepy' timed out after 200 ms");
    assertThat(log[0].split("tool 'sleepy' timed out after 200 ms and was interrupted", -1))
        .as("logged once").hasSize(2);
  }

  @Test
  void aHandlerExceptionIsLoggedWithTheIncidentIdTheClientSees() {
    String[] log = new String[1];
    JsonNode result = capturingLog(log, () -> client.call("boom", "{}"));

    String incident = text(result).replaceAll(".*incident ([0-9a-f]{8}).*", "$1");
    assertThat(incident).hasSize(8);
    assertThat(log[0]).contains("tool 'boom' failed (incident " + incident + ")")
        .contains("secret internal detail at db.example:5432");
  }

  /** Runs {@code call} with System.err (where the test logger writes) captured into out[0]. */
  private static <T> T capturingLog(String[] out, java.util.function.Supplier<T> call) {
    java.io.PrintStream original = System.err;
    java.io.ByteArrayOutputStream captured = new java.io.ByteArrayOutputStream();
    System.setErr(new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8));
    try {
      return call.get();
    } finally {
      System.setErr(original);
      out[0] = captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
  }

  @Test
  void structuredOutputIsValidatedAndAlsoReturnedAsText() {
    JsonNode result = client.call("add", "{\"a\":2,\"b\":3}");

    assertThat(result.path("structuredContent").path("total").asInt()).isEqualTo(5);
    assertThat(text(result)).isEqualTo("{\"total\":5}");
  }

  @Test
  void structuredOutputThatBreaksTheSchemaIsAnError() {
    fixture.server.addTool(ToolDefinition.builder("liar").description("Wrong output")
        .outputSchema(TestTools.schema("{\"type\":\"object\",\"properties\":{\"n\":{\"type\":"
            + "\"integer\"}},\"required\":[\"n\"]}"))
        .handler((a, c) -> CallToolResult.structured(TestTools.schema("{\"n\":\"x\"}"))).build());

    JsonNode result = client.call("liar", "{}");

    assertThat(result.path("isError").asBoolean()).isTrue();
    assertThat(text(result)).contains("does not match its output schema");
  }

  @Test
  void unknownToolIsAnInvalidParamsError() {
    JsonNode message = client.post(client.request("tools/call",
        "{\"name\":\"nope\",\"arguments\":{}}")).message();

    assertThat(message.path("error").path("code").asInt()).isEqualTo(-32602);
    assertThat(message.path("error").path("message").asText()).contains("'nope'");
  }

  @Test
  void messagesOfTheWrongShapeAreInvalidRequests() {
    RawClient.Response objectId = client.post("{\"jsonrpc\":\"2.0\",\"id\":{},\"method\":"
        + "\"tools/list\"}");
    RawClient.Response wrongVersion = client.post("{\"jsonrpc\":\"1.0\",\"id\":1,\"method\":"
        + "\"tools/list\"}");
    RawClient.Response arrayParams = client.post("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":"
        + "\"tools/list\",\"params\":[1]}");
    RawClient.Response batch = client.post("[{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":"
        + "\"ping\"}]");

    for (RawClient.Response r : java.util.List.of(objectId, wrongVersion, arrayParams)) {
      assertThat(r.status()).isEqualTo(400);
      assertThat(r.message().path("error").path("code").asInt()).isEqualTo(-32600);
    }
    assertThat(arrayParams.message().path("id").asInt()).isEqualTo(2);
    assertThat(batch.status()).isEqualTo(400);
    assertThat(batch.message().path("error").path("message").asText()).contains("2025-03-26");
  }

  @Test
  void aToolNameOfTheWrongTypeIsAnInvalidParamsError() {
    JsonNode message = client.post(client.request("tools/call", "{\"name\":5}")).message();

    assertThat(message.path("error").path("code").asInt()).isEqualTo(-32602);
    assertThat(message.path("error").path("message").asText()).contains("params.name");
  }

  @Test
  void toolsListIsPaginatedPastThePageSize() {
    List<String> names = new ArrayList<>();
    String cursor = null;
    int pages = 0;
    do {
      JsonNode result = client.post(client.request("tools/list",
          cursor == null ? "{}" : "{\"cursor\":\"" + cursor + "\"}")).message().get("result");
      result.path("tools").forEach(t -> names.add(t.path("name").asText()));
      cursor = result.has("nextCursor") ? result.get("nextCursor").asText() : null;
      pages++;
    } while (cursor != null);

    assertThat(pages).isEqualTo(3);
    assertThat(names).containsExactly("add", "ask", "block", "boom", "echo", "poll", "progress",
        "refuse", "slow");
  }

  @Test
  void aForgedCursorIsAnInvalidParamsError() {
    JsonNode message = client.post(client.request("tools/list", "{\"cursor\":\"%%%\"}")).message();

    assertThat(message.path("error").path("code").asInt()).isEqualTo(-32602);
  }

  @Test
  void toolsCanBeAddedAndRemovedWhileRunning() {
    fixture.server.addTool(ToolDefinition.builder("hello").description("Greets")
        .handler((a, c) -> CallToolResult.text("hello")).build());
    assertThat(text(client.call("hello", "{}"))).isEqualTo("hello");

    assertThat(fixture.server.removeTool("hello")).isTrue();
    assertThat(fixture.server.removeTool("hello")).isFalse();
    JsonNode message = client.post(client.request("tools/call",
        "{\"name\":\"hello\",\"arguments\":{}}")).message();
    assertThat(message.path("error").path("code").asInt()).isEqualTo(-32602);
  }

  @Test
  void cancelledCallIsNotAnswered() throws Exception {
    var call = java.util.concurrent.CompletableFuture.supplyAsync(() -> client.post(
        "{\"jsonrpc\":\"2.0\",\"id\":\"c1\",\"method\":\"tools/call\",\"params\":{\"name\":"
            + "\"block\",\"arguments\":{}}}"));
    TestTools.blockingStarted.await();

    client.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/cancelled\",\"params\":{"
        + "\"requestId\":\"c1\",\"reason\":\"user gave up\"}}");

    RawClient.Response r = call.get();
    assertThat(r.status()).isEqualTo(202);
    assertThat(r.body()).isEmpty();
  }
}
