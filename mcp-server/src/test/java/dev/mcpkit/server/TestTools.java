package dev.mcpkit.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonschema.Description;
import dev.mcpkit.core.schema.Elicitation;
import dev.mcpkit.core.schema.Elicitation.ElicitResult;
import dev.mcpkit.core.schema.Logging.LoggingLevel;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/** Tools the server tests share. */
final class TestTools {
  /** Counted down when the blocking tool starts; tests await it instead of sleeping. */
  static volatile CountDownLatch blockingStarted = new CountDownLatch(1);
  static volatile CountDownLatch release = new CountDownLatch(1);

  record EchoArgs(@Description("Text to echo") String text, int times) {}

  record Sum(int total) {}

  private TestTools() {}

  static McpServer.Builder server() {
    return McpServer.builder().name("test-server").version("1.2.3").logging()
        .tool(ToolDefinition.builder("echo").description("Echoes text")
            .handler(EchoArgs.class, (args, ctx) -> CallToolResult.text(args.text().repeat(
                Math.max(1, args.times())))).build())
        .tool(ToolDefinition.builder("add").description("Adds two integers")
            .inputSchema(schema("{\"type\":\"object\",\"properties\":{\"a\":{\"type\":\"integer\"},"
                + "\"b\":{\"type\":\"integer\"}},\"required\":[\"a\",\"b\"]}"))
            .outputSchema(schema("{\"type\":\"object\",\"properties\":{\"total\":{\"type\":"
                + "\"integer\"}},\"required\":[\"total\"]}"))
            .handler((args, ctx) -> CallToolResult.structured(McpJson.object().put("total",
                args.get("a").asInt() + args.get("b").asInt()))).build())
        .tool(ToolDefinition.builder("progress").description("Reports progress and logs")
            .handler((args, ctx) -> {
              ctx.progress(1, 2.0, "half");
              ctx.log(LoggingLevel.INFO, "working");
              ctx.progress(2, 2.0, "done");
              return CallToolResult.text("finished");
            }).build())
        .tool(ToolDefinition.builder("boom").description("Fails with an internal error")
            .handler((args, ctx) -> {
              throw new IllegalStateException("secret internal detail at db.example:5432");
            }).build())
        .tool(ToolDefinition.builder("refuse").description("Fails with a message for the model")
            .handler((args, ctx) -> {
              throw new ToolException("no city named 'Pariss'; check the spelling");
            }).build())
        .tool(ToolDefinition.builder("slow").description("Sleeps until interrupted")
            .timeout(Duration.ofMillis(300))
            .handler((args, ctx) -> {
              Thread.sleep(60_000);
              return CallToolResult.text("woke up");
            }).build())
        .tool(ToolDefinition.builder("block").description("Blocks until the test releases it")
            .handler((args, ctx) -> {
              blockingStarted.countDown();
              release.await();
              return CallToolResult.text("released");
            }).build())
        .tool(ToolDefinition.builder("ask").description("Asks the user for a name")
            .handler((args, ctx) -> {
              ElicitResult r = ctx.elicit("name", form());
              return CallToolResult.text("hello " + r.content().get("name").asText());
            }).build())
        .tool(ToolDefinition.builder("poll").description("Closes its stream, then answers")
            .handler((args, ctx) -> {
              ctx.closeResponseStream();
              Thread.sleep(100);
              return CallToolResult.text("after reconnect");
            }).build());
  }

  static Elicitation.FormParams form() {
    ObjectNode params = McpJson.object().put("mode", "form").put("message", "Your name?");
    params.set("requestedSchema", schema("{\"type\":\"object\",\"properties\":{\"name\":{"
        + "\"type\":\"string\"}},\"required\":[\"name\"]}"));
    return McpJson.fromTree(params, Elicitation.FormParams.class);
  }

  static ObjectNode schema(String json) {
    return (ObjectNode) RawClient.json(json);
  }

  static void resetLatches() {
    blockingStarted = new CountDownLatch(1);
    release = new CountDownLatch(1);
  }
}
