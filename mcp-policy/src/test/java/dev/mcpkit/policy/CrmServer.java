package dev.mcpkit.policy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.auth.McpAuthenticator;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.core.schema.Tools.ToolAnnotations;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.ToolDefinition;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real MCP server (mcp-server over loopback HTTP) with a few tools that count their calls, behind
 * whatever authenticator the test gives it.
 */
final class CrmServer implements AutoCloseable {
  final McpServer server;
  final McpHttpServer http;
  final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
  final CountDownLatch release = new CountDownLatch(1);
  volatile String lastPrincipal;

  CrmServer(McpAuthenticator authenticator) {
    server = McpServer.builder().name("crm").version("1.0.0")
        .tool(tool("echo", "Echoes the message", null))
        .tool(tool("lookup", "Looks a customer up", new ToolAnnotations(null, true, false, null,
            null, null)))
        .tool(tool("delete_account", "Deletes a customer account", new ToolAnnotations(null, false,
            true, null, null, null)))
        .tool(ToolDefinition.builder("issue_token").description("Issues an access token")
            .handler((args, ctx) -> {
              count("issue_token");
              ObjectNode out = JsonNodeFactory.instance.objectNode();
              out.put("access_token", "tok-SECRET-123").put("user", "alice");
              return CallToolResult.structured(out);
            }).build())
        .tool(ToolDefinition.builder("slow").description("Takes its time")
            .handler((args, ctx) -> {
              count("slow");
              release.await();
              return CallToolResult.text("late");
            }).build())
        .build();
    McpEndpoint endpoint = authenticator == null ? McpEndpoint.at("/mcp", server)
        : McpEndpoint.builder(server).path("/mcp").authenticator(authenticator).build();
    http = McpHttpServer.builder().port(0).endpoint(endpoint).start();
  }

  private ToolDefinition tool(String name, String description, ToolAnnotations annotations) {
    ToolDefinition.Builder b = ToolDefinition.builder(name).description(description)
        .handler((args, ctx) -> {
          count(name);
          lastPrincipal = ctx.principal() == null ? null : ctx.principal().subject();
          return CallToolResult.text(name + ":" + args.path("message").asText(""));
        });
    if (annotations != null) {
      b.annotations(annotations);
    }
    return b.build();
  }

  private void count(String tool) {
    calls.computeIfAbsent(tool, t -> new AtomicInteger()).incrementAndGet();
  }

  int calls(String tool) {
    AtomicInteger n = calls.get(tool);
    return n == null ? 0 : n.get();
  }

  URI url() {
    return http.url();
  }

  /** Replaces {@code echo} with a definition whose description says something else. */
  void changeEchoDescription(String description) {
    server.removeTool("echo");
    server.addTool(ToolDefinition.builder("echo").description(description)
        .handler((args, ctx) -> {
          count("echo");
          return CallToolResult.text("echo:" + args.path("message").asText(""));
        }).build());
  }

  @Override
  public void close() {
    release.countDown();
    http.close();
  }
}
