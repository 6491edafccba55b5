package dev.mcpkit.examples.conformance;

import static dev.mcpkit.examples.conformance.ConformanceServerTools.describe;
import static dev.mcpkit.examples.conformance.ConformanceServerTools.elicitRequest;
import static dev.mcpkit.examples.conformance.ConformanceServerTools.inputs;
import static dev.mcpkit.examples.conformance.ConformanceServerTools.json;
import static dev.mcpkit.examples.conformance.ConformanceServerTools.rootsRequest;
import static dev.mcpkit.examples.conformance.ConformanceServerTools.samplingRequest;
import static dev.mcpkit.examples.conformance.ConformanceServerTools.tool;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Elicitation.ElicitResult;
import dev.mcpkit.core.schema.Inputs.InputResponse;
import dev.mcpkit.core.schema.Lifecycle.ClientCapabilities;
import dev.mcpkit.core.schema.Roots.ListRootsResult;
import dev.mcpkit.core.schema.Sampling.CreateMessageResult;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.server.ToolDefinition;
import java.util.List;
import java.util.Map;

/**
 * Tools that ask the client for input: as {@code input_required} results for 2026-07-28 clients,
 * over the session for the others (the same code serves both).
 */
final class ConformanceServerInputTools {
  private static final String NAME_SCHEMA = "{\"type\":\"object\",\"properties\":{\"name\":{"
      + "\"type\":\"string\"}},\"required\":[\"name\"]}";
  private static final String OK_SCHEMA = "{\"type\":\"object\",\"properties\":{\"ok\":{"
      + "\"type\":\"boolean\"}},\"required\":[\"ok\"]}";

  private ConformanceServerInputTools() {}

  static List<ToolDefinition> all() {
    return List.of(
        tool("test_input_required_result_elicitation", "Asks the user's name", (args, ctx) -> {
          ElicitResult r = ctx.elicit("user_name",
              ConformanceServerTools.form("What is your name?", NAME_SCHEMA));
          JsonNode name = r.content() == null ? null : r.content().get("name");
          return CallToolResult.text("Hello, " + (name == null ? "stranger" : name.asText()) + "!");
        }),
        tool("test_input_required_result_sampling", "Asks the client's model a question",
            (args, ctx) -> {
              CreateMessageResult r = ctx.createMessage("capital_question",
                  ConformanceServerTools.sampling("What is the capital of France?", 100));
              return CallToolResult.text("Sampling answer: " + ConformanceServerTools.text(r));
            }),
        tool("test_input_required_result_list_roots", "Asks the client for its roots",
            (args, ctx) -> {
              ListRootsResult r = ctx.listRoots("client_roots");
              return CallToolResult.text("Client roots: " + describe(r));
            }),
        tool("test_input_required_result_request_state", "Asks for confirmation, keeping state",
            (args, ctx) -> {
              JsonNode state = ctx.requestState();
              InputResponse confirm = ctx.inputResponses().get("confirm");
              if (state == null || confirm == null) {
                throw ctx.inputRequired(inputs("confirm", elicitRequest("Please confirm",
                    OK_SCHEMA)), json("{\"step\":\"confirm\"}"));
              }
              return CallToolResult.text("state-ok: " + state.path("step").asText() + ", "
                  + describe(confirm));
            }),
        tool("test_input_required_result_multiple_inputs", "Asks three things at once",
            (args, ctx) -> {
              Map<String, InputResponse> in = ctx.inputResponses();
              if (!in.containsKey("user_name") || !in.containsKey("greeting")
                  || !in.containsKey("client_roots")) {
                throw ctx.inputRequired(inputs(
                    "user_name", elicitRequest("What is your name?", NAME_SCHEMA),
                    "greeting", samplingRequest("Generate a greeting", 50),
                    "client_roots", rootsRequest()), json("{\"round\":1}"));
              }
              return CallToolResult.text("All inputs received: " + describe(in.get("user_name"))
                  + ", " + describe(in.get("greeting")) + ", " + describe(in.get("client_roots")));
            }),
        tool("test_input_required_result_multi_round", "Asks two questions, one after the other",
            (args, ctx) -> {
              JsonNode state = ctx.requestState();
              int step = state == null ? 0 : state.path("step").asInt();
              Map<String, InputResponse> in = ctx.inputResponses();
              if (step < 1 || !in.containsKey("step1")) {
                throw ctx.inputRequired(inputs("step1", elicitRequest(
                    "Step 1: What is your name?", NAME_SCHEMA)), json("{\"step\":1}"));
              }
              if (step < 2 || !in.containsKey("step2")) {
                throw ctx.inputRequired(inputs("step2", elicitRequest(
                    "Step 2: What is your favorite color?", "{\"type\":\"object\",\"properties\":"
                        + "{\"color\":{\"type\":\"string\"}},\"required\":[\"color\"]}")),
                    json("{\"step\":2}"));
              }
              return CallToolResult.text("Done: " + describe(in.get("step1")) + ", "
                  + describe(in.get("step2")));
            }),
        tool("test_input_required_result_tampered_state", "Keeps integrity-protected state",
            (args, ctx) -> {
              if (ctx.requestState() == null) {
                throw ctx.inputRequired(inputs("confirm", elicitRequest("Please confirm",
                    OK_SCHEMA)), json("{\"protected\":true}"));
              }
              return CallToolResult.text("state verified");
            }),
        tool("test_input_required_result_capabilities", "Asks only what the client supports",
            (args, ctx) -> {
              ClientCapabilities caps = ctx.clientCapabilities();
              String answer;
              if (caps.elicitation() != null) {
                answer = describe(ctx.elicit("user_name",
                    ConformanceServerTools.form("What is your name?", NAME_SCHEMA)));
              } else if (caps.sampling() != null) {
                answer = describe(ctx.createMessage("question",
                    ConformanceServerTools.sampling("Say hello", 50)));
              } else if (caps.roots() != null) {
                answer = describe(ctx.listRoots("client_roots"));
              } else {
                answer = "the client supports no input";
              }
              return CallToolResult.text("Answer: " + answer);
            }),
        tool("test_streaming_elicitation", "Reports progress, then asks the user",
            (args, ctx) -> {
              ctx.progress(0, 1.0, "starting");
              ElicitResult r = ctx.elicit("user_name",
                  ConformanceServerTools.form("What is your name?", NAME_SCHEMA));
              return CallToolResult.text("Got " + McpJson.write(r.content()));
            }),
        tool("test_missing_capability", "Needs the client's sampling capability",
            (args, ctx) -> {
              CreateMessageResult r = ctx.createMessage("question",
                  ConformanceServerTools.sampling("Say hello", 20));
              return CallToolResult.text(ConformanceServerTools.text(r));
            }));
  }
}
