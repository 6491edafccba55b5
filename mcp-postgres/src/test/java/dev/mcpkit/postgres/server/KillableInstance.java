package dev.mcpkit.postgres.server;

import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.postgres.McpPostgres;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpOptions;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.ToolDefinition;

/**
 * A server instance in a process of its own, to be killed: {@code main(jdbcUrl, schema)} serves
 * tool {@code count} (40 progress messages, 50 ms apart) on stores in that schema and prints {@code
 * PORT <n>} once it listens.
 */
public final class KillableInstance {
  private KillableInstance() {}

  @SuppressWarnings("deprecation")
  public static void main(String[] args) throws Exception {
    org.postgresql.ds.PGPoolingDataSource ds = new org.postgresql.ds.PGPoolingDataSource();
    ds.setURL(args[0]);
    ds.setMaxConnections(4);
    McpPostgres pg = McpPostgres.builder().dataSource(ds).schema(args[1]).build();
    McpHttpServer http = McpHttpServer.builder().port(0)
        .options(McpHttpOptions.builder().sessionStore(pg.sessionStore())
            .eventStore(pg.eventStore()).messageRelay(pg.messageRelay()).build())
        .endpoint(McpEndpoint.at("/mcp", server())).start();
    System.out.println("PORT " + http.url().getPort());
    System.out.flush();
    Thread.currentThread().join();
  }

  static McpServer server() {
    return McpServer.builder().name("killable").version("1.0.0")
        .tool(ToolDefinition.builder("count").description("Counts to 40, slowly")
            .handler((args, ctx) -> {
              for (int i = 1; i <= 40; i++) {
                ctx.progress(i, 40.0, null);
                Thread.sleep(50);
              }
              return CallToolResult.text("counted");
            }).build())
        .build();
  }
}
