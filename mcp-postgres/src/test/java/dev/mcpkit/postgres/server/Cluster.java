package dev.mcpkit.postgres.server;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Elicitation;
import dev.mcpkit.core.schema.Logging.LoggingLevel;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.postgres.McpPostgres;
import dev.mcpkit.postgres.TestDatabase;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpOptions;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.ResourceDefinition;
import dev.mcpkit.server.ToolDefinition;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Server instances on one PostgreSQL schema, each with pools, stores and relay of its own as
 * separate hosts would have: tools {@code ask} (elicits a name), {@code block} (runs until
 * cancelled, counting starts and interruptions in the shared latches) and {@code say} (logs "info
 * note" at info and "error note" at error, then answers "said"), {@code askLater} (answers at once,
 * then, once {@link #askNow} is released, asks for a name from another thread, when its call has
 * no stream any more, putting the outcome in {@link #laterAnswers}), and resource {@link #DOC}.
 */
final class Cluster implements AutoCloseable {
  static final String DOC = "file:///shared/doc.txt";
  final List<McpServer> servers = new ArrayList<>();
  final List<McpHttpServer> instances = new ArrayList<>();
  final CountDownLatch blockStarted = new CountDownLatch(1);
  final CountDownLatch blockInterrupted = new CountDownLatch(1);
  /** Released by the test once {@code askLater}'s call was answered: then it asks. */
  final CountDownLatch askNow = new CountDownLatch(1);
  /** What {@code askLater}'s question got: the name, or the error's message. */
  final BlockingQueue<String> laterAnswers = new LinkedBlockingQueue<>();

  Cluster(String prefix, int size) {
    String schema = TestDatabase.freshStores(prefix).schema();
    for (int i = 0; i < size; i++) {
      McpPostgres pg = TestDatabase.storesOn(schema);
      McpServer server = server();
      servers.add(server);
      instances.add(McpHttpServer.builder().port(0)
          .options(McpHttpOptions.builder().sessionStore(pg.sessionStore())
              .eventStore(pg.eventStore()).messageRelay(pg.messageRelay()).build())
          .endpoint(McpEndpoint.at("/mcp", server)).start());
    }
  }

  McpServer server() {
    return McpServer.builder().name("cluster").version("1.0.0").logging()
        .resource(ResourceDefinition.builder(DOC).name("doc").text("a shared document").build())
        .tool(ToolDefinition.builder("say").description("Logs a note at info and at error")
            .handler((args, ctx) -> {
              ctx.log(LoggingLevel.INFO, "info note");
              ctx.log(LoggingLevel.ERROR, "error note");
              return CallToolResult.text("said");
            }).build())
        .tool(ToolDefinition.builder("ask").description("Asks the user for a name")
            .handler((args, ctx) -> CallToolResult.text("hello "
                + ctx.elicit("name", form()).content().get("name").asText())).build())
        .tool(ToolDefinition.builder("askLater").description("Asks for a name after answering")
            .handler((args, ctx) -> {
              Thread asker = new Thread(() -> {
                try {
                  if (!askNow.await(15, TimeUnit.SECONDS)) {
                    laterAnswers.add("failed: never told to ask");
                    return;
                  }
                  laterAnswers.add(ctx.elicit("name", form()).content().get("name").asText());
                } catch (Exception e) {
                  laterAnswers.add("failed: " + e.getMessage());
                }
              }, "ask-later");
              asker.setDaemon(true);
              asker.start();
              return CallToolResult.text("asking");
            }).build())
        .tool(ToolDefinition.builder("block").description("Runs until cancelled")
            .handler((args, ctx) -> {
              blockStarted.countDown();
              try {
                Thread.sleep(60_000);
              } catch (InterruptedException e) {
                blockInterrupted.countDown();
                throw e;
              }
              return CallToolResult.text("not cancelled");
            }).build())
        .build();
  }

  static Elicitation.FormParams form() {
    return McpJson.fromTree(McpJson.object().put("mode", "form").put("message", "Your name?")
        .set("requestedSchema", json(
            "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}")),
        Elicitation.FormParams.class);
  }

  static JsonNode json(String text) {
    try {
      return McpJson.mapper().readTree(text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    instances.forEach(McpHttpServer::close);
  }
}
