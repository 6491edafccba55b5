package dev.mcpkit.examples.quickstart;

import dev.mcpkit.client.ClientTransport;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.core.schema.Tools.Tool;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/**
 * The client side in a few lines: connect to any MCP server by URL, list its tools and call one.
 * The README's client quickstart is the tagged region below, checked by a test.
 */
public final class ClientQuickstart {
  private ClientQuickstart() {}

  /** Lists the tools at {@code url} and calls {@code greet}. */
  public static CallToolResult greet(String url) throws IOException {
    // tag::client[]
    try (McpClient client = McpClient.builder()
        .transport(ClientTransport.http(url))   // negotiates 2026-07-28, else initialize, else SSE
        .clientInfo("my-host", "1.0.0")
        .requestTimeout(Duration.ofSeconds(30))
        .connect()) {
      for (Tool tool : client.listTools().tools()) {
        System.out.println(tool.name() + ": " + tool.description());
      }
      CallToolResult result = client.callTool("greet", Map.of("name", "Ada"));
      if (Boolean.TRUE.equals(result.isError())) {
        // a failed tool is a result the model can read, not an exception
      }
      return result;
    }
    // end::client[]
  }

  /** {@code java -cp mcp-examples.jar dev.mcpkit.examples.quickstart.ClientQuickstart URL}. */
  public static void main(String[] args) throws IOException {
    System.out.println(greet(args[0]).content());
  }
}
