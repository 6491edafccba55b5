package dev.mcpkit.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Completions.Completion;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Content.Role;
import dev.mcpkit.core.schema.Icons.Icon;
import dev.mcpkit.core.schema.Logging.LoggingLevel;
import dev.mcpkit.core.schema.Prompts.GetPromptResult;
import dev.mcpkit.core.schema.Prompts.PromptMessage;
import dev.mcpkit.core.schema.Resources.TextResourceContents;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.core.schema.Tools.ToolAnnotations;
import java.util.List;

/**
 * A server that offers everything with every optional field filled in (titles, icons,
 * annotations, output schemas, structured content, resource links), so that whatever a revision
 * does not define would show in its answers.
 */
final class RevisionFixture {
  static final Icon ICON = new Icon("https://example.com/icon.png", "image/png");

  private RevisionFixture() {}

  static McpServer server() {
    return McpServer.builder().name("revisions").version("1.0").title("Every Field Server")
        .instructions("Use the weather tool.").logging()
        .completions((params, ctx) -> new Completion(List.of("Paris", "Parma"), 2, false, null))
        .tool(ToolDefinition.builder("weather").title("Weather").description("Forecast")
            .icons(ICON)
            .annotations(new ToolAnnotations("Weather", true, false, true, true, null))
            .inputSchema(TestTools.schema("{\"type\":\"object\",\"properties\":{\"city\":"
                + "{\"type\":\"string\"}},\"required\":[\"city\"]}"))
            .outputSchema(TestTools.schema("{\"type\":\"object\",\"properties\":{\"celsius\":"
                + "{\"type\":\"number\"}},\"required\":[\"celsius\"]}"))
            .handler((args, ctx) -> CallToolResult.structured(
                McpJson.object().put("celsius", 21.5))).build())
        .tool(ToolDefinition.builder("links").description("Answers with a resource link")
            .handler((args, ctx) -> CallToolResult.of(new Content.Text("see"),
                McpJson.fromTree(McpJson.object().put("type", "resource_link")
                    .put("uri", "file:///readme.md").put("name", "readme").put("title", "Readme"),
                    Content.ResourceLink.class))).build())
        .tool(ToolDefinition.builder("refuse").description("Fails for the model")
            .handler((args, ctx) -> {
              throw new ToolException("no city named 'Pariss'");
            }).build())
        .tool(ToolDefinition.builder("progress").description("Reports progress and logs")
            .handler((args, ctx) -> {
              ctx.progress(1, 2.0, "half");
              ctx.log(LoggingLevel.INFO, "working");
              return CallToolResult.text("finished");
            }).build())
        .resource(ResourceDefinition.builder("file:///readme.md").name("readme").title("Readme")
            .description("The readme").mimeType("text/markdown").icons(ICON).text("# Hi").build())
        .resource(ResourceDefinition.template("file:///notes/{name}").name("note").title("Note")
            .icons(ICON).reader((uri, variables, ctx) -> List.of(new TextResourceContents(uri,
                "text/plain", "note " + variables.get("name")))).build())
        .prompt(PromptDefinition.builder("greet").title("Greeting").description("Greets")
            .icons(ICON).argument("name", "Who", true)
            .handler((arguments, ctx) -> new GetPromptResult("A greeting", List.of(
                new PromptMessage(Role.USER, new Content.Text("Hello " + arguments.get("name"))))))
            .build())
        .build();
  }

  static ObjectNode params(String json) {
    return (ObjectNode) RawClient.json(json);
  }
}
