package dev.mcpkit.postgres.governance;

import dev.mcpkit.core.auth.McpAuthenticator;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.ToolDefinition;
import java.net.URI;
import java.util.concurrent.atomic.AtomicInteger;

/** A real MCP server on loopback HTTP with one tool, {@code echo}, that counts its calls. */
final class ToolServer implements AutoCloseable {
  final McpServer server;
  final McpHttpServer http;
  final AtomicInteger echoes = new AtomicInteger();

  ToolServer(McpAuthenticator authenticator) {
    server = McpServer.builder().name("crm").version("1.0.0").tool(echo("Echoes the message"))
        .build();
    http = McpHttpServer.builder().port(0)
        .endpoint(McpEndpoint.builder(server).path("/mcp").authenticator(authenticator).build())
        .start();
  }

  private ToolDefinition echo(String description) {
    return ToolDefinition.builder("echo").description(description).handler((args, ctx) -> {
      echoes.incrementAndGet();
      return CallToolResult.text("echo:" + args.path("message").asText(""));
    }).build();
  }

  /** Gives {@code echo} a different description: its definition drifts. */
  void changeEchoDescription(String description) {
    server.removeTool("echo");
    server.addTool(echo(description));
  }

  URI url() {
    return http.url();
  }

  @Override
  public void close() {
    http.close();
  }
}
