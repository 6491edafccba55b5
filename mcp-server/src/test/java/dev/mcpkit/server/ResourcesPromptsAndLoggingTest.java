package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.schema.Completions.Completion;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Content.Role;
import dev.mcpkit.core.schema.Logging.LoggingLevel;
import dev.mcpkit.core.schema.Prompts.GetPromptResult;
import dev.mcpkit.core.schema.Prompts.PromptMessage;
import dev.mcpkit.core.schema.Resources.TextResourceContents;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Resources (fixed and templates, subscriptions), prompts, completion and logging/setLevel. */
class ResourcesPromptsAndLoggingTest {
  private ServerFixture fixture;
  private RawClient client;

  @BeforeEach
  void start() {
    McpServer server = McpServer.builder().name("library").logging()
        .resource(ResourceDefinition.builder("file:///notes/readme.txt").name("readme")
            .mimeType("text/plain").text("Read me first").build())
        .resource(ResourceDefinition.template("books://{shelf}/{title}").name("book")
            .reader((uri, vars, ctx) -> List.of(new TextResourceContents(uri, "text/plain",
                vars.get("title") + " on shelf " + vars.get("shelf"))))
            .build())
        .prompt(PromptDefinition.builder("summarize").description("Summarizes a book")
            .argument("title", "The book", true)
            .handler((args, ctx) -> new GetPromptResult("Summary", List.of(new PromptMessage(
                Role.USER, new Content.Text("Summarize " + args.get("title"))))))
            .build())
        .completions((params, ctx) -> new Completion(List.of("Dune", "Dubliners").stream()
            .filter(v -> v.startsWith(params.argument().value())).toList()))
        .tool(ToolDefinition.builder("chatter").description("Logs at debug and at warning")
            .handler((args, ctx) -> {
              ctx.log(LoggingLevel.DEBUG, "detail");
              ctx.log(LoggingLevel.WARNING, "careful");
              return CallToolResult.text("done");
            }).build())
        .build();
    fixture = new ServerFixture(server);
    client = fixture.client;
    client.initialize();
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private JsonNode result(String method, String params) {
    JsonNode message = client.post(client.request(method, params)).message();
    assertThat(message.has("error")).as("%s answered %s", method, message).isFalse();
    return message.get("result");
  }

  @Test
  void fixedResourcesAndTemplatesAreListedAndRead() {
    JsonNode resources = result("resources/list", null).path("resources");
    JsonNode templates = result("resources/templates/list", null).path("resourceTemplates");
    JsonNode readme = result("resources/read", "{\"uri\":\"file:///notes/readme.txt\"}");
    JsonNode book = result("resources/read", "{\"uri\":\"books://3/Dune\"}");

    assertThat(resources).hasSize(1);
    assertThat(resources.get(0).path("uri").asText()).isEqualTo("file:///notes/readme.txt");
    assertThat(templates.get(0).path("uriTemplate").asText()).isEqualTo("books://{shelf}/{title}");
    assertThat(readme.path("contents").get(0).path("text").asText()).isEqualTo("Read me first");
    assertThat(book.path("contents").get(0).path("text").asText()).isEqualTo("Dune on shelf 3");
  }

  @Test
  void anUnknownResourceIsResourceNotFoundNamingTheUri() {
    JsonNode error = client.post(client.request("resources/read",
        "{\"uri\":\"file:///missing\"}")).message().path("error");

    assertThat(error.path("code").asInt()).isEqualTo(-32002);
    assertThat(error.path("message").asText()).contains("file:///missing");
  }

  @Test
  void anUnknownResourceIsInvalidParamsIn20260728WhichHasNoResourceNotFoundCode() {
    JsonNode error = client.stateless("resources/read", "{\"uri\":\"file:///missing\"}",
        "Mcp-Name", "file:///missing").message().path("error");

    assertThat(error.path("code").asInt()).isEqualTo(-32602);
    assertThat(error.path("message").asText()).contains("file:///missing");
    assertThat(error.path("data").path("uri").asText()).isEqualTo("file:///missing");
  }

  @Test
  @Timeout(10)
  void subscribersAreToldOfUpdatesUntilTheyUnsubscribe() {
    result("resources/subscribe", "{\"uri\":\"file:///notes/readme.txt\"}");
    Iterator<String> lines = client.openStream().iterator();
    while (lines.hasNext() && !lines.next().startsWith("id: ")) {
      // the priming event says the stream is attached
    }

    fixture.server.notifyResourceUpdated("file:///notes/readme.txt");
    JsonNode updated = RawClient.nextEvent(lines, "notifications/resources/updated");
    result("resources/unsubscribe", "{\"uri\":\"file:///notes/readme.txt\"}");
    fixture.server.notifyResourceUpdated("file:///notes/readme.txt");
    fixture.server.addTool(ToolDefinition.builder("marker").description("Marks the stream")
        .handler((a, c) -> CallToolResult.text("x")).build());
    JsonNode next = RawClient.nextEvent(lines, null);

    assertThat(updated.path("params").path("uri").asText()).isEqualTo("file:///notes/readme.txt");
    assertThat(next.path("method").asText()).as("no update after unsubscribing")
        .isEqualTo("notifications/tools/list_changed");
  }

  @Test
  void promptsAreListedAndRenderedAndAMissingRequiredArgumentIsInvalidParams() {
    JsonNode prompts = result("prompts/list", null).path("prompts");
    JsonNode rendered = result("prompts/get",
        "{\"name\":\"summarize\",\"arguments\":{\"title\":\"Dune\"}}");
    JsonNode missing = client.post(client.request("prompts/get",
        "{\"name\":\"summarize\",\"arguments\":{}}")).message().path("error");

    assertThat(prompts.get(0).path("name").asText()).isEqualTo("summarize");
    assertThat(prompts.get(0).path("arguments").get(0).path("required").asBoolean()).isTrue();
    assertThat(rendered.path("messages").get(0).path("content").path("text").asText())
        .isEqualTo("Summarize Dune");
    assertThat(missing.path("code").asInt()).isEqualTo(-32602);
    assertThat(missing.path("message").asText()).contains("title");
  }

  @Test
  void completionSuggestsValuesForAPromptArgument() {
    JsonNode completion = result("completion/complete", "{\"ref\":{\"type\":\"ref/prompt\","
        + "\"name\":\"summarize\"},\"argument\":{\"name\":\"title\",\"value\":\"Du\"}}")
        .path("completion");

    assertThat(completion.path("values").toString()).isEqualTo("[\"Dune\",\"Dubliners\"]");
  }

  @Test
  void setLevelDecidesWhichLogMessagesReachTheClient() {
    result("logging/setLevel", "{\"level\":\"warning\"}");
    RawClient.Response r = client.post(client.request("tools/call",
        "{\"name\":\"chatter\",\"arguments\":{}}"));

    assertThat(r.events()).filteredOn(e -> "notifications/message".equals(e.path("method")
        .asText())).extracting(e -> e.path("params").path("data").asText())
        .containsExactly("careful");
    assertThat(r.message().path("result").path("content").get(0).path("text").asText())
        .isEqualTo("done");
  }
}
