package dev.mcpkit.examples.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Elicitation;
import dev.mcpkit.core.schema.Elicitation.ElicitResult;
import dev.mcpkit.core.schema.Inputs.CreateMessageRequest;
import dev.mcpkit.core.schema.Inputs.ElicitRequest;
import dev.mcpkit.core.schema.Inputs.InputRequest;
import dev.mcpkit.core.schema.Inputs.InputResponse;
import dev.mcpkit.core.schema.Inputs.ListRootsRequest;
import dev.mcpkit.core.schema.Logging.LoggingLevel;
import dev.mcpkit.core.schema.Resources.TextResourceContents;
import dev.mcpkit.core.schema.Roots.ListRootsResult;
import dev.mcpkit.core.schema.Sampling;
import dev.mcpkit.core.schema.Sampling.CreateMessageResult;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.PromptDefinition;
import dev.mcpkit.server.ToolDefinition;
import dev.mcpkit.server.ToolHandler;
import dev.mcpkit.server.ToolException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/** The tools the conformance scenarios call. */
final class ConformanceServerTools {
  private static final AtomicInteger CHANGES = new AtomicInteger();

  private ConformanceServerTools() {}

  static List<ToolDefinition> all(Supplier<McpServer> server) {
    List<ToolDefinition> tools = new ArrayList<>();
    tools.add(tool("test_simple_text", "Returns simple text",
        (args, ctx) -> CallToolResult.text("This is a simple text response for testing.")));
    tools.add(tool("test_image_content", "Returns an image",
        (args, ctx) -> CallToolResult.of(new Content.Image(ConformanceServerFixtures.PNG,
            "image/png"))));
    tools.add(tool("test_audio_content", "Returns audio",
        (args, ctx) -> CallToolResult.of(new Content.Audio(ConformanceServerFixtures.WAV,
            "audio/wav"))));
    tools.add(tool("test_embedded_resource", "Returns an embedded resource",
        (args, ctx) -> CallToolResult.of(new Content.EmbeddedResource(new TextResourceContents(
            "test://embedded-resource", "text/plain", "This is an embedded resource content.")))));
    tools.add(tool("test_multiple_content_types", "Returns text, an image and a resource",
        (args, ctx) -> CallToolResult.of(new Content.Text("Multiple content types test:"),
            new Content.Image(ConformanceServerFixtures.PNG, "image/png"),
            new Content.EmbeddedResource(new TextResourceContents("test://mixed-content-resource",
                "application/json", "{\"test\":\"data\",\"value\":123}")))));
    tools.add(tool("test_tool_with_logging", "Logs three messages while it runs", (args, ctx) -> {
      ctx.log(LoggingLevel.INFO, "Tool execution started");
      Thread.sleep(50);
      ctx.log(LoggingLevel.INFO, "Tool processing data");
      Thread.sleep(50);
      ctx.log(LoggingLevel.INFO, "Tool execution completed");
      return CallToolResult.text("Tool with logging executed successfully");
    }));
    tools.add(tool("test_logging_tool", "Logs a message (only when the request asks for logs)",
        (args, ctx) -> {
          ctx.log(LoggingLevel.INFO, "test_logging_tool ran");
          return CallToolResult.text("Logging tool executed");
        }));
    tools.add(tool("test_error_handling", "Always fails", (args, ctx) -> {
      throw new ToolException("This tool intentionally returns an error for testing");
    }));
    tools.add(tool("test_tool_with_progress", "Reports progress 0, 50, 100", (args, ctx) -> {
      ctx.progress(0, 100.0, null);
      Thread.sleep(50);
      ctx.progress(50, 100.0, null);
      Thread.sleep(50);
      ctx.progress(100, 100.0, null);
      return CallToolResult.text("Tool with progress executed successfully");
    }));
    tools.add(ToolDefinition.builder("test_sampling").description("Asks the client's model")
        .inputSchema(schema("{\"type\":\"object\",\"properties\":{\"prompt\":{\"type\":\"string\","
            + "\"description\":\"The prompt to send to the LLM\"}},\"required\":[\"prompt\"]}"))
        .handler((args, ctx) -> {
          CreateMessageResult r = ctx.createMessage("sampling", sampling(
              args.get("prompt").asText(), 100));
          return CallToolResult.text("LLM response: " + text(r));
        }).build());
    tools.add(ToolDefinition.builder("test_elicitation").description("Asks the user")
        .inputSchema(schema("{\"type\":\"object\",\"properties\":{\"message\":{\"type\":\"string\","
            + "\"description\":\"The message to show the user\"}},\"required\":[\"message\"]}"))
        .handler((args, ctx) -> {
          ElicitResult r = ctx.elicit("elicitation", form(args.get("message").asText(),
              "{\"type\":\"object\",\"properties\":{\"username\":{\"type\":\"string\","
                  + "\"description\":\"User's response\"},\"email\":{\"type\":\"string\","
                  + "\"description\":\"User's email address\"}},\"required\":[\"username\","
                  + "\"email\"]}"));
          return CallToolResult.text("User response: action=" + r.action().wire() + ", content="
              + McpJson.write(r.content()));
        }).build());
    tools.add(tool("test_elicitation_sep1034_defaults", "Elicitation with default values",
        (args, ctx) -> elicited(ctx.elicit("defaults", form("Please review and update the form"
            + " fields with defaults", "{\"type\":\"object\",\"properties\":{"
            + "\"name\":{\"type\":\"string\",\"description\":\"User name\",\"default\":\"John Doe\"},"
            + "\"age\":{\"type\":\"integer\",\"description\":\"User age\",\"default\":30},"
            + "\"score\":{\"type\":\"number\",\"description\":\"User score\",\"default\":95.5},"
            + "\"status\":{\"type\":\"string\",\"description\":\"User status\",\"enum\":[\"active\","
            + "\"inactive\",\"pending\"],\"default\":\"active\"},"
            + "\"verified\":{\"type\":\"boolean\",\"description\":\"Verification status\","
            + "\"default\":true}}}")))));
    tools.add(tool("test_elicitation_sep1330_enums", "Elicitation with every enum form",
        (args, ctx) -> elicited(ctx.elicit("enums", form("Please select options",
            "{\"type\":\"object\",\"properties\":{"
            + "\"untitledSingle\":{\"type\":\"string\",\"enum\":[\"option1\",\"option2\",\"option3\"]},"
            + "\"titledSingle\":{\"type\":\"string\",\"oneOf\":[{\"const\":\"value1\",\"title\":"
            + "\"First Option\"},{\"const\":\"value2\",\"title\":\"Second Option\"},{\"const\":"
            + "\"value3\",\"title\":\"Third Option\"}]},"
            + "\"legacyEnum\":{\"type\":\"string\",\"enum\":[\"opt1\",\"opt2\",\"opt3\"],"
            + "\"enumNames\":[\"Option One\",\"Option Two\",\"Option Three\"]},"
            + "\"untitledMulti\":{\"type\":\"array\",\"items\":{\"type\":\"string\",\"enum\":"
            + "[\"option1\",\"option2\",\"option3\"]}},"
            + "\"titledMulti\":{\"type\":\"array\",\"items\":{\"anyOf\":[{\"const\":\"value1\","
            + "\"title\":\"First Choice\"},{\"const\":\"value2\",\"title\":\"Second Choice\"},"
            + "{\"const\":\"value3\",\"title\":\"Third Choice\"}]}}}}")))));
    tools.add(ToolDefinition.builder("json_schema_2020_12_tool")
        .description("Tool with JSON Schema 2020-12 features")
        .inputSchema(schema("{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\","
            + "\"type\":\"object\",\"$defs\":{\"address\":{\"$anchor\":\"addressDef\","
            + "\"type\":\"object\",\"properties\":{\"street\":{\"type\":\"string\"},\"city\":{"
            + "\"type\":\"string\"}}}},\"properties\":{\"name\":{\"type\":\"string\"},\"address\":{"
            + "\"$ref\":\"#/$defs/address\"},\"contactMethod\":{\"type\":\"string\",\"enum\":["
            + "\"phone\",\"email\"]},\"phone\":{\"type\":\"string\"},\"email\":{\"type\":\"string\"}},"
            + "\"allOf\":[{\"anyOf\":[{\"required\":[\"phone\"]},{\"required\":[\"email\"]}]}],"
            + "\"if\":{\"properties\":{\"contactMethod\":{\"const\":\"phone\"}},\"required\":["
            + "\"contactMethod\"]},\"then\":{\"required\":[\"phone\"]},\"else\":{\"required\":["
            + "\"email\"]},\"additionalProperties\":false}"))
        .handler((args, ctx) -> CallToolResult.text("Received: " + args)).build());
    tools.add(tool("test_reconnection", "Closes its SSE stream before answering, so the client"
        + " reconnects", (args, ctx) -> {
          ctx.closeResponseStream();
          Thread.sleep(300);
          return CallToolResult.text("Reconnection test completed");
        }));
    tools.add(ToolDefinition.builder("test_custom_headers")
        .description("Mirrors its region argument into the Mcp-Param-Region header")
        .inputSchema(schema("{\"type\":\"object\",\"properties\":{\"region\":{\"type\":"
            + "\"string\",\"x-mcp-header\":\"Region\"},\"query\":{\"type\":\"string\"}},"
            + "\"required\":[\"region\"]}"))
        .handler((args, ctx) -> CallToolResult.text("region=" + args.path("region").asText()))
        .build());
    tools.addAll(ConformanceServerInputTools.all());
    tools.add(tool("test_trigger_tool_change", "Adds and removes a tool (list_changed)",
        (args, ctx) -> {
          String name = "dynamic_tool_" + CHANGES.incrementAndGet();
          server.get().addTool(tool(name, "A tool added at run time",
              (a, c) -> CallToolResult.text("dynamic")));
          server.get().removeTool(name);
          return CallToolResult.text("Tool list changed");
        }));
    tools.add(tool("test_trigger_prompt_change", "Adds and removes a prompt (list_changed)",
        (args, ctx) -> {
          String name = "dynamic_prompt_" + CHANGES.incrementAndGet();
          server.get().addPrompt(PromptDefinition.builder(name).description("Added at run time")
              .handler((a, c) -> ConformanceServerFixtures.result(
                  ConformanceServerFixtures.userText("dynamic"))).build());
          server.get().removePrompt(name);
          return CallToolResult.text("Prompt list changed");
        }));
    return tools;
  }

  static ToolDefinition tool(String name, String description, ToolHandler handler) {
    return ToolDefinition.builder(name).description(description).handler(handler).build();
  }

  static ObjectNode schema(String json) {
    try {
      return (ObjectNode) McpJson.mapper().readTree(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Elicitation.FormParams form(String message, String requestedSchema) {
    ObjectNode params = McpJson.object().put("mode", "form").put("message", message);
    params.set("requestedSchema", schema(requestedSchema));
    return McpJson.fromTree(params, Elicitation.FormParams.class);
  }

  static Sampling.CreateMessageParams sampling(String prompt, int maxTokens) {
    return new Sampling.CreateMessageParams(List.of(Sampling.SamplingMessage.user(prompt)), null,
        maxTokens);
  }

  static String text(CreateMessageResult r) {
    for (Content.ContentBlock c : r.content()) {
      if (c instanceof Content.Text t) {
        return t.text();
      }
    }
    return "";
  }

  static CallToolResult elicited(ElicitResult r) {
    return CallToolResult.text("Elicitation completed: action=" + r.action().wire() + ", content="
        + McpJson.write(r.content() == null ? Map.of() : r.content()));
  }

  static Map<String, InputRequest> inputs(Object... keysAndRequests) {
    Map<String, InputRequest> map = new LinkedHashMap<>();
    for (int i = 0; i < keysAndRequests.length; i += 2) {
      map.put((String) keysAndRequests[i], (InputRequest) keysAndRequests[i + 1]);
    }
    return map;
  }

  static ElicitRequest elicitRequest(String message, String schema) {
    return new ElicitRequest(form(message, schema));
  }

  static CreateMessageRequest samplingRequest(String prompt, int maxTokens) {
    return new CreateMessageRequest(sampling(prompt, maxTokens));
  }

  static ListRootsRequest rootsRequest() {
    return new ListRootsRequest();
  }

  static String describe(InputResponse r) {
    if (r instanceof ElicitResult e) {
      return McpJson.write(e.content() == null ? Map.of() : e.content());
    }
    if (r instanceof CreateMessageResult m) {
      return text(m);
    }
    if (r instanceof ListRootsResult roots) {
      return roots.roots().toString();
    }
    return String.valueOf(r);
  }

  static JsonNode json(String text) {
    return schema(text);
  }
}
