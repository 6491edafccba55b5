package dev.mcpkit.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Base.CacheScope;
import dev.mcpkit.core.schema.Content.Annotations;
import dev.mcpkit.core.schema.Content.Role;
import dev.mcpkit.core.schema.Icons.Icon;
import dev.mcpkit.core.schema.Lifecycle.ClientCapabilities;
import dev.mcpkit.core.schema.Lifecycle.Implementation;
import dev.mcpkit.core.schema.Lifecycle.ServerCapabilities;
import java.util.List;
import java.util.Map;

/**
 * Realistic instances of the messages the SDK writes, each as rich as the newest schema allows
 * (titles, icons, annotations, {@code _meta}, every content kind), so that adapting them to an
 * older version has something to remove.
 */
final class Samples {
  private Samples() {}

  static ObjectNode json(String text) {
    return (ObjectNode) OfficialExamplesTest.reparse(text);
  }

  static ObjectNode meta() {
    return json("{\"com.example/trace\": \"abc-123\"}");
  }

  static List<Icon> icons() {
    return List.of(new Icon("https://example.com/icon.png", "image/png", List.of("48x48"),
        Icons.Theme.LIGHT, null));
  }

  static Annotations annotations() {
    return new Annotations(List.of(Role.USER, Role.ASSISTANT), 0.7, "2025-05-03T14:30:00Z", null);
  }

  static Implementation implementation(String name) {
    return new Implementation(name, name + " Display", "1.4.2", "An example " + name, icons(),
        "https://example.com/" + name, null);
  }

  static ClientCapabilities clientCapabilities() {
    return new ClientCapabilities(
        new Lifecycle.RootsCapability(true),
        new Lifecycle.SamplingCapability(McpJson.object(), McpJson.object(), null),
        new Lifecycle.ElicitationCapability(McpJson.object(), McpJson.object(), null),
        new Lifecycle.TasksCapability(McpJson.object(), McpJson.object(),
            json("{\"sampling\": {\"createMessage\": {}}, \"elicitation\": {\"create\": {}}}"),
            null),
        Map.of("com.example/beta", McpJson.object()),
        Map.of("io.modelcontextprotocol/ui",
            json("{\"mimeTypes\": [\"text/html;profile=mcp-app\"]}")),
        null);
  }

  static ServerCapabilities serverCapabilities() {
    return new ServerCapabilities(McpJson.object(), McpJson.object(),
        new Lifecycle.PromptsCapability(true), new Lifecycle.ResourcesCapability(true, true),
        new Lifecycle.ToolsCapability(true),
        new Lifecycle.TasksCapability(McpJson.object(), McpJson.object(),
            json("{\"tools\": {\"call\": {}}}"), null),
        Map.of("com.example/beta", McpJson.object()),
        Map.of("io.modelcontextprotocol/tasks", McpJson.object()), null);
  }

  static Tools.Tool tool() {
    return new Tools.Tool("get_weather", "Weather", "Current weather for a city",
        json("{\"type\": \"object\", \"properties\": {\"city\": {\"type\": \"string\"}},"
            + " \"required\": [\"city\"]}"),
        json("{\"type\": \"object\", \"properties\": {\"celsius\": {\"type\": \"number\"}}}"),
        new Tools.ToolAnnotations("Weather", true, false, true, true, null),
        new Tools.ToolExecution(Tools.TaskSupport.OPTIONAL, null), icons(), meta(), null);
  }

  static List<Content.ContentBlock> everyContentKind() {
    return List.of(
        new Content.Text("Sunny, 21°C", annotations(), meta(), null),
        new Content.Image("iVBORw0KGgo=", "image/png", annotations(), meta(), null),
        new Content.Audio("UklGRiQAAABXQVZF", "audio/wav", annotations(), meta(), null),
        new Content.ResourceLink("file:///data/paris.csv", "paris.csv", "Paris data",
            "Hourly readings", "text/csv", 2048L, annotations(), icons(), meta(), null),
        new Content.EmbeddedResource(new Resources.TextResourceContents("file:///notes.md",
            "text/markdown", "# Notes", meta(), null), annotations(), meta(), null),
        new Content.EmbeddedResource(new Resources.BlobResourceContents("file:///logo.png",
            "image/png", "iVBORw0KGgo=", meta(), null), null, null, null));
  }

  static Resources.Resource resource() {
    return new Resources.Resource("file:///project/README.md", "README.md", "Read me",
        "Project documentation", "text/markdown", 1024L, annotations(), icons(), meta(), null);
  }

  static Resources.ResourceTemplate template() {
    return new Resources.ResourceTemplate("file:///{path}", "files", "Project files",
        "Any file in the project", "application/octet-stream", annotations(), icons(), meta(),
        null);
  }

  static Prompts.Prompt prompt() {
    return new Prompts.Prompt("code_review", "Code review", "Reviews code",
        List.of(new Prompts.PromptArgument("code", "Code", "The code to review", true, null)),
        icons(), meta(), null);
  }

  static Sampling.CreateMessageParams samplingParams(boolean withTools) {
    return new Sampling.CreateMessageParams(
        List.of(Sampling.SamplingMessage.user("What is the weather in Paris?")),
        new Sampling.ModelPreferences(List.of(new Sampling.ModelHint("claude-3-sonnet")), 0.3, 0.8,
            0.5, null),
        "You are a helpful assistant.", Sampling.IncludeContext.NONE, 0.7, 200,
        List.of("\n\nHuman:"), json("{\"provider\": \"any\"}"),
        withTools ? List.of(tool()) : null,
        withTools ? new Sampling.ToolChoice(Sampling.ToolChoice.Mode.AUTO) : null,
        new Tasks.TaskMetadata(60_000L), meta(), null);
  }

  static Sampling.CreateMessageResult samplingToolUse() {
    return new Sampling.CreateMessageResult(Role.ASSISTANT, List.of(
        new Content.ToolUse("call_1", "get_weather", json("{\"city\": \"Paris\"}"), null, null),
        new Content.ToolUse("call_2", "get_weather", json("{\"city\": \"London\"}"), null, null)),
        "claude-3-sonnet", Sampling.StopReason.TOOL_USE, meta(), null);
  }

  static ElicitationSchema.RequestedSchema basicForm() {
    Map<String, ElicitationSchema.PrimitiveSchema> properties = new java.util.LinkedHashMap<>();
    properties.put("name", new ElicitationSchema.StringSchema("Name", "Your name", 1, 80, null,
        "Ada", null));
    properties.put("email", new ElicitationSchema.StringSchema("Email", null, null, null, "email",
        null, null));
    properties.put("age", new ElicitationSchema.NumberSchema("integer", "Age", null, 18, 130, 30,
        null));
    properties.put("subscribe", new ElicitationSchema.BooleanSchema("Subscribe", null, false,
        null));
    properties.put("colour", new ElicitationSchema.LegacyTitledEnumSchema("Colour", null,
        List.of("r", "g"), List.of("Red", "Green"), null, null));
    return new ElicitationSchema.RequestedSchema("https://json-schema.org/draft/2020-12/schema",
        properties, List.of("name", "email"), null);
  }

  static ElicitationSchema.RequestedSchema enumForm() {
    List<ElicitationSchema.Option> options = List.of(new ElicitationSchema.Option("#f00", "Red"),
        new ElicitationSchema.Option("#0f0", "Green"));
    Map<String, ElicitationSchema.PrimitiveSchema> properties = new java.util.LinkedHashMap<>();
    properties.put("size", new ElicitationSchema.UntitledSingleSelectEnumSchema("Size", null,
        List.of("S", "M", "L"), "M", null));
    properties.put("colour", new ElicitationSchema.TitledSingleSelectEnumSchema("Colour", null,
        options, "#f00", null));
    properties.put("toppings", new ElicitationSchema.UntitledMultiSelectEnumSchema("Toppings",
        null, 1, 2, new ElicitationSchema.UntitledItems(List.of("ham", "cheese")),
        List.of("ham"), null));
    properties.put("labels", new ElicitationSchema.TitledMultiSelectEnumSchema("Labels", null,
        null, null, new ElicitationSchema.TitledItems(options), null, null));
    return new ElicitationSchema.RequestedSchema(properties, List.of("size"));
  }

  static Tasks.Task task(Tasks.TaskStatus status) {
    return new Tasks.Task("task-42", status, "Crunching", "2025-11-25T10:00:00Z",
        "2025-11-25T10:00:05Z", null, 5_000L, null, null);
  }

  static Map<String, Inputs.InputResponse> inputResponses() {
    return Map.of(
        "login", Elicitation.ElicitResult.accept(Map.of("name", TextNode.valueOf("octocat"))),
        "capital", new Sampling.CreateMessageResult(Role.ASSISTANT,
            new Content.Text("Paris"), "claude-3-sonnet", Sampling.StopReason.END_TURN),
        "roots", new Roots.ListRootsResult(List.of(new Roots.Root("file:///repo", "Repo"))));
  }

  static ObjectNode requestMeta() {
    return new Meta.Request(ProtocolVersion.latest().id(), clientCapabilities(),
        implementation("client"), Logging.LoggingLevel.INFO, TextNode.valueOf("tok-1"))
        .writeTo(meta());
  }

  static JsonNode id(long value) {
    return McpJson.mapper().getNodeFactory().numberNode(value);
  }

  static CacheScope scope() {
    return CacheScope.PUBLIC;
  }
}
