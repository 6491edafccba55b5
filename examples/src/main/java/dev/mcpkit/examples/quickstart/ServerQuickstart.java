package dev.mcpkit.examples.quickstart;

import dev.mcpkit.core.jsonschema.Description;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.ToolDefinition;

/**
 * The server side in a few lines: one typed tool served at a capability URL with the explorer
 * page. The README's server quickstart is the tagged region below, checked by a test.
 */
public final class ServerQuickstart {
  private ServerQuickstart() {}

  /** Starts the quickstart server on {@code port} (0 picks a free one); close it to stop. */
  public static McpHttpServer start(int port) {
    // tag::server[]
    record Greeting(@Description("Who to greet") String name) {}

    McpServer server = McpServer.builder()
        .name("hello").version("1.0.0")
        .tool(ToolDefinition.builder("greet")
            .description("Greets someone by name")
            .handler(Greeting.class, (args, ctx) -> CallToolResult.text("Hello, " + args.name() + "!"))
            .build())
        .build();

    McpEndpoint endpoint = McpEndpoint.builder(server)
        .capabilityUrl()                      // /mcp/v1/{192 random bits}/mcp; other paths get 404
        .explorerPage()                       // a browser's GET shows the tools and a Run test form
        .build();
    McpHttpServer http = McpHttpServer.builder().port(port).endpoint(endpoint).start();
    System.out.println("MCP endpoint: " + http.url(endpoint));
    // end::server[]
    return http;
  }

  /** {@code java -cp mcp-examples.jar dev.mcpkit.examples.quickstart.ServerQuickstart [port]}. */
  public static void main(String[] args) {
    start(args.length > 0 ? Integer.parseInt(args[0]) : 0);
  }
}
