package dev.mcpkit.benchmarks.load;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/** The echo tool on the official Java SDK: its Streamable HTTP servlet transport in a container. */
final class OfficialEchoServer {
  private OfficialEchoServer() {}

  static AutoCloseable start(String host, int port) throws Exception {
    HttpServletStreamableServerTransportProvider transport =
        HttpServletStreamableServerTransportProvider.builder().mcpEndpoint("/mcp").build();
    McpSchema.Tool tool = McpSchema.Tool.builder()
        .name("echo")
        .description("Returns its message argument as text")
        .inputSchema(Map.of("type", "object",
            "properties", Map.of("message", Map.of("type", "string")),
            "required", List.of("message")))
        .build();
    McpSyncServer server = McpServer.sync(transport)
        .serverInfo("echo", "1.0.0")
        .capabilities(McpSchema.ServerCapabilities.builder().tools(false).build())
        .tools(SyncToolSpecification.builder()
            .tool(tool)
            .callHandler((exchange, request) -> McpSchema.CallToolResult.builder()
                .addTextContent(String.valueOf(request.arguments().get("message")))
                .build())
            .build())
        .build();
    AutoCloseable container = Containers.start(host, port, transport);
    return () -> {
      server.close();
      container.close();
    };
  }
}
