package dev.mcpkit.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Elicitation;
import dev.mcpkit.core.schema.Elicitation.ElicitResult;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.core.schema.Tools.TaskSupport;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;

/** A server whose tools run as tasks, and the latches its tests steer them with. */
final class TaskToolsForTests {
  /** Released by a test to let {@code gated} finish (one permit per call). */
  final Semaphore gate = new Semaphore(0);
  /** Counted down when {@code gated} starts. */
  final CountDownLatch started = new CountDownLatch(1);
  /** Counted down when {@code gated} sees its interrupt (a cancelled task). */
  final CountDownLatch interrupted = new CountDownLatch(1);

  McpServer.Builder server(TaskOptions options) {
    return McpServer.builder().name("task-server").version("1.0.0").tasks(options)
        .tool(ToolDefinition.builder("gated").description("Finishes when the test releases it")
            .taskSupport(TaskSupport.OPTIONAL)
            .handler((args, ctx) -> {
              started.countDown();
              ctx.progress(1, 2.0, "waiting for the gate");
              try {
                gate.acquire();
              } catch (InterruptedException e) {
                interrupted.countDown();
                throw e;
              }
              return CallToolResult.text("passed " + args.path("label").asText(""));
            }).build())
        .tool(ToolDefinition.builder("must_task").description("Runs only as a task")
            .taskSupport(TaskSupport.REQUIRED)
            .handler((args, ctx) -> CallToolResult.text("tasked")).build())
        .tool(ToolDefinition.builder("quick").description("Done within its grace period")
            .taskSupport(TaskSupport.OPTIONAL).taskAfter(Duration.ofSeconds(10))
            .handler((args, ctx) -> CallToolResult.text("quick answer")).build())
        .tool(ToolDefinition.builder("ask_name").description("Asks a name in a task")
            .taskSupport(TaskSupport.OPTIONAL)
            .handler((args, ctx) -> {
              ElicitResult r = ctx.elicit("name", McpJson.fromTree(McpJson.object()
                  .put("mode", "form").put("message", "Your name?")
                  .set("requestedSchema", RawClient.json("{\"type\":\"object\",\"properties\":"
                      + "{\"name\":{\"type\":\"string\"}}}")), Elicitation.FormParams.class));
              JsonNode name = r.content() == null ? null : r.content().get("name");
              return CallToolResult.text("Hello " + (name == null ? "?" : name.asText()));
            }).build())
        .tool(ToolDefinition.builder("plain").description("Never a task")
            .handler((args, ctx) -> CallToolResult.text("plain")).build());
  }
}
