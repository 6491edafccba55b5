package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.schema.OfficialSchema;
import dev.mcpkit.core.schema.ProtocolVersion;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * For each protocol revision, every method the server offers is called over a real loopback
 * {@link McpHttpServer} on a session (or request) of that revision, and every answer and
 * notification is checked against that revision's official schema with properties the schema
 * does not define refused. The server is given every optional field (titles, icons, annotations,
 * output schemas, structured content, resource links), so a field leaking into an older revision
 * shows.
 */
class EveryRevisionAnswersInItsOwnShapeTest {
  private static ServerFixture fixture;

  @BeforeAll
  static void start() {
    fixture = new ServerFixture(RevisionFixture.server());
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(value = ProtocolVersion.class, names = "V2026_07_28", mode = EnumSource.Mode.EXCLUDE)
  void everyAnswerOfASessionCarriesOnlyWhatItsRevisionDefines(ProtocolVersion version) {
    RawClient client = new RawClient(fixture.http.url());
    client.protocolVersion = version.id();
    List<JsonNode> checked = new ArrayList<>();
    JsonNode init = client.initialize();
    assertThat(init.path("protocolVersion").asText()).isEqualTo(version.id());
    check(version, "InitializeResult", init, checked);

    check(version, "EmptyResult", result(client, "ping", null), checked);
    check(version, "ListToolsResult", result(client, "tools/list", "{}"), checked);
    JsonNode structured = result(client, "tools/call",
        "{\"name\":\"weather\",\"arguments\":{\"city\":\"Paris\"}}");
    check(version, "CallToolResult", structured, checked);
    assertThat(structured.has("structuredContent")).isEqualTo(version.hasStructuredContent());
    check(version, "CallToolResult", result(client, "tools/call",
        "{\"name\":\"links\",\"arguments\":{}}"), checked);
    JsonNode refused = result(client, "tools/call", "{\"name\":\"refuse\",\"arguments\":{}}");
    assertThat(refused.path("isError").asBoolean()).isTrue();
    check(version, "CallToolResult", refused, checked);
    check(version, "ListResourcesResult", result(client, "resources/list", "{}"), checked);
    check(version, "ListResourceTemplatesResult",
        result(client, "resources/templates/list", "{}"), checked);
    check(version, "ReadResourceResult",
        result(client, "resources/read", "{\"uri\":\"file:///readme.md\"}"), checked);
    check(version, "ReadResourceResult",
        result(client, "resources/read", "{\"uri\":\"file:///notes/a\"}"), checked);
    check(version, "EmptyResult",
        result(client, "resources/subscribe", "{\"uri\":\"file:///readme.md\"}"), checked);
    check(version, "ListPromptsResult", result(client, "prompts/list", "{}"), checked);
    check(version, "GetPromptResult",
        result(client, "prompts/get", "{\"name\":\"greet\",\"arguments\":{\"name\":\"Ada\"}}"),
        checked);
    check(version, "CompleteResult", result(client, "completion/complete",
        "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"greet\"},\"argument\":{\"name\":\"name\","
            + "\"value\":\"Pa\"}}"), checked);
    check(version, "EmptyResult",
        result(client, "logging/setLevel", "{\"level\":\"debug\"}"), checked);

    RawClient.Response progress = client.post(client.request("tools/call",
        "{\"name\":\"progress\",\"arguments\":{},\"_meta\":{\"progressToken\":\"p1\"}}"));
    List<JsonNode> notifications = notificationsOf(progress);
    assertThat(notifications).extracting(n -> n.path("method").asText())
        .contains("notifications/progress", "notifications/message");
    notifications.forEach(n -> checkMessage(version, n, checked));
    check(version, "CallToolResult", progress.message().get("result"), checked);

    AtomicInteger extra = new AtomicInteger();
    checkMessage(version, awaitOnStream(client, version, "notifications/resources/updated",
        () -> fixture.server.notifyResourceUpdated("file:///readme.md")), checked);
    checkMessage(version, awaitOnStream(client, version, "notifications/prompts/list_changed",
        () -> fixture.server.addPrompt(PromptDefinition.builder("extra" + version.ordinal() + "-"
            + extra.incrementAndGet()).description("Extra").title("Extra")
            .handler((a, c) -> null).build())), checked);
    assertThat(checked).hasSizeGreaterThanOrEqualTo(20);
  }

  @Test
  void everyAnswerOfAStatelessRequestCarriesOnlyWhat20260728Defines() {
    ProtocolVersion version = ProtocolVersion.V2026_07_28;
    RawClient client = new RawClient(fixture.http.url());
    client.protocolVersion = version.id();
    List<JsonNode> checked = new ArrayList<>();
    check(version, "DiscoverResult", stateless(client, "server/discover", "{}"), checked);
    check(version, "ListToolsResult", stateless(client, "tools/list", "{}"), checked);
    check(version, "CallToolResult", stateless(client, "tools/call",
        "{\"name\":\"weather\",\"arguments\":{\"city\":\"Paris\"}}"), checked);
    check(version, "CallToolResult", stateless(client, "tools/call",
        "{\"name\":\"links\",\"arguments\":{}}"), checked);
    check(version, "CallToolResult", stateless(client, "tools/call",
        "{\"name\":\"refuse\",\"arguments\":{}}"), checked);
    check(version, "ListResourcesResult", stateless(client, "resources/list", "{}"), checked);
    check(version, "ListResourceTemplatesResult",
        stateless(client, "resources/templates/list", "{}"), checked);
    check(version, "ReadResourceResult",
        stateless(client, "resources/read", "{\"uri\":\"file:///readme.md\"}"), checked);
    check(version, "ListPromptsResult", stateless(client, "prompts/list", "{}"), checked);
    check(version, "GetPromptResult", stateless(client, "prompts/get",
        "{\"name\":\"greet\",\"arguments\":{\"name\":\"Ada\"}}"), checked);
    check(version, "CompleteResult", stateless(client, "completion/complete",
        "{\"ref\":{\"type\":\"ref/prompt\",\"name\":\"greet\"},\"argument\":{\"name\":\"name\","
            + "\"value\":\"Pa\"}}"), checked);
    RawClient.Response progress = client.stateless("tools/call", "{\"name\":\"progress\","
        + "\"arguments\":{},\"_meta\":{\"progressToken\":\"p1\","
        + "\"io.modelcontextprotocol/logLevel\":\"debug\"}}");
    List<JsonNode> notifications = notificationsOf(progress);
    assertThat(notifications).extracting(n -> n.path("method").asText())
        .contains("notifications/progress", "notifications/message");
    notifications.forEach(n -> checkMessage(version, n, checked));
    check(version, "CallToolResult", progress.message().get("result"), checked);
    assertThat(checked).hasSizeGreaterThanOrEqualTo(13);
  }

  @Test
  void theStrictCheckWouldSeeAFieldTheRevisionDoesNotDefine() {
    JsonNode leaked = RawClient.json("{\"tools\":[{\"name\":\"t\",\"title\":\"T\","
        + "\"inputSchema\":{\"type\":\"object\"}}]}");
    assertThat(OfficialSchema.problemsInResult(ProtocolVersion.V2024_11_05, "ListToolsResult",
        leaked)).anyMatch(p -> p.contains("title"));
    assertThat(OfficialSchema.problemsInResult(ProtocolVersion.V2025_06_18, "ListToolsResult",
        leaked)).isEmpty();
  }

  /**
   * The first notification of {@code method} on the session's GET stream, while {@code trigger}
   * runs every 50 ms (a stream's headers may only come with its first event, and the server may end
   * a stream so that the client resumes it: the stream is opened again when it ends). At most 10 s.
   */
  static JsonNode awaitOnStream(RawClient client, ProtocolVersion version, String method,
      Runnable trigger) {
    return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      Thread triggering = new Thread(() -> {
        while (!Thread.currentThread().isInterrupted()) {
          trigger.run();
          try {
            Thread.sleep(50);
          } catch (InterruptedException e) {
            return;
          }
        }
      });
      triggering.start();
      try {
        while (true) {
          try (Stream<String> stream = client.openStream("MCP-Protocol-Version", version.id())) {
            return RawClient.nextEvent(stream.iterator(), method);
          } catch (IllegalStateException | java.io.UncheckedIOException ended) {
            // the stream ended before the notification: open it again
          }
        }
      } finally {
        triggering.interrupt();
        triggering.join();
      }
    });
  }

  static JsonNode result(RawClient client, String method, String params) {
    JsonNode message = client.post(client.request(method, params)).message();
    assertThat(message.has("result")).as("%s answered %s", method, message).isTrue();
    return message.get("result");
  }

  static JsonNode stateless(RawClient client, String method, String params) {
    JsonNode message = client.stateless(method, params).message();
    assertThat(message.has("result")).as("%s answered %s", method, message).isTrue();
    return message.get("result");
  }

  static List<JsonNode> notificationsOf(RawClient.Response response) {
    assertThat(response.isSse()).as("an SSE answer: %s", response.body()).isTrue();
    List<JsonNode> notifications = new ArrayList<>();
    for (JsonNode event : response.events()) {
      if (event.has("method") && !event.has("id")) {
        notifications.add(event);
      }
    }
    return notifications;
  }

  static void check(ProtocolVersion version, String definition, JsonNode result,
      List<JsonNode> checked) {
    assertThat(OfficialSchema.problemsInResult(version, definition, result))
        .as("%s %s:%n%s", version, definition, result).isEmpty();
    checked.add(result);
  }

  static void checkMessage(ProtocolVersion version, JsonNode message, List<JsonNode> checked) {
    assertThat(OfficialSchema.problemsInMessage(version, message))
        .as("%s %s", version, message).isEmpty();
    checked.add(message);
  }
}
