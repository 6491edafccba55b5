package dev.mcpkit.examples.conformance;

import static dev.mcpkit.examples.conformance.ConformanceServerTools.elicitRequest;
import static dev.mcpkit.examples.conformance.ConformanceServerTools.form;
import static dev.mcpkit.examples.conformance.ConformanceServerTools.inputs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.jsonrpc.ErrorCodes;
import dev.mcpkit.core.schema.Elicitation.ElicitResult;
import dev.mcpkit.core.schema.Inputs.InputResponse;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.core.schema.Tools.TaskSupport;
import dev.mcpkit.server.ToolDefinition;
import dev.mcpkit.server.ToolException;
import dev.mcpkit.server.ToolHandler;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The tools the suites' {@code tasks-*} scenarios call (io.modelcontextprotocol/tasks). */
final class ConformanceServerTaskTools {
  private static final String CONFIRM_SCHEMA = "{\"type\":\"object\",\"properties\":{\"confirm\":"
      + "{\"type\":\"boolean\"}},\"required\":[\"confirm\"]}";
  private static final String NAME_SCHEMA = "{\"type\":\"object\",\"properties\":{\"name\":{"
      + "\"type\":\"string\"}},\"required\":[\"name\"]}";

  private ConformanceServerTaskTools() {}

  static List<ToolDefinition> all() {
    return List.of(
        ToolDefinition.builder("greet").description("Greets someone; never a task")
            .inputSchema(ConformanceServerTools.schema("{\"type\":\"object\",\"properties\":"
                + "{\"name\":{\"type\":\"string\"}}}"))
            .handler((args, ctx) -> CallToolResult.text("Hello, "
                + args.path("name").asText("World") + "!"))
            .build(),
        task("slow_compute", "Works for `seconds` seconds, then reports `label`",
            TaskSupport.OPTIONAL, (args, ctx) -> {
              long seconds = args.path("seconds").asLong(0);
              for (long i = 0; i < seconds; i++) {
                ctx.progress(i, (double) seconds, "computing " + args.path("label").asText(""));
                Thread.sleep(1_000); // interrupted when the task is cancelled
              }
              return CallToolResult.text("Computed " + args.path("label").asText("") + " in "
                  + seconds + " s");
            }),
        task("failing_job", "Fails after about a second (a tool error)", TaskSupport.REQUIRED,
            (args, ctx) -> {
              Thread.sleep(1_000);
              throw new ToolException("The job failed: the input data set is empty");
            }),
        task("protocol_error_job", "Fails with a JSON-RPC error", TaskSupport.OPTIONAL,
            (args, ctx) -> {
              throw new McpProtocolException(ErrorCodes.INTERNAL_ERROR,
                  "Internal error: the job's worker crashed");
            }),
        task("confirm_delete", "Asks before deleting `filename`", TaskSupport.OPTIONAL,
            (args, ctx) -> {
              ElicitResult r = ctx.elicit("confirm_delete", form("Delete "
                  + args.path("filename").asText("the file") + "?", CONFIRM_SCHEMA));
              JsonNode confirm = r.content() == null ? null : r.content().get("confirm");
              boolean yes = confirm != null && confirm.asBoolean(false);
              return CallToolResult.text(yes ? "Deleted " + args.path("filename").asText("")
                  : "Kept " + args.path("filename").asText(""));
            }),
        task("multi_input", "Asks two questions at once", TaskSupport.OPTIONAL,
            (args, ctx) -> {
              Map<String, InputResponse> in = ctx.inputResponses();
              if (!in.containsKey("first") || !in.containsKey("second")) {
                throw ctx.inputRequired(inputs(
                    "first", elicitRequest("First answer?", NAME_SCHEMA),
                    "second", elicitRequest("Second answer?", NAME_SCHEMA)), null);
              }
              return CallToolResult.text("Got " + name(in.get("first")) + " and "
                  + name(in.get("second")));
            }),
        ToolDefinition.builder("test_tool_with_task")
            .description("Asks the user's name, then works on as a task")
            .taskSupport(TaskSupport.REQUIRED)
            .taskAfter(Duration.ofMillis(300))
            .handler((args, ctx) -> {
              ElicitResult r = ctx.elicit("user_name", form("What is your name?", NAME_SCHEMA));
              Thread.sleep(1_000);
              return CallToolResult.text("Hello, " + name(r) + ", your task is done");
            })
            .build());
  }

  private static String name(InputResponse r) {
    JsonNode name = r instanceof ElicitResult e && e.content() != null
        ? e.content().get("name") : null;
    return name == null ? "someone" : name.asText("someone");
  }

  private static ToolDefinition task(String name, String description, TaskSupport support,
      ToolHandler handler) {
    return ToolDefinition.builder(name).description(description).taskSupport(support)
        .handler(handler).build();
  }
}
