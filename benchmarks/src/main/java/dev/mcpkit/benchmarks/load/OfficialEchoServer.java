package dev.mcpkit.benchmarks.load;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;

/**
 * The echo tool on the official Java SDK: its Streamable HTTP servlet transport in a container.
 *
 * <p>As the official SDK is set up by default, its synchronous server hands every tool call to
 * Reactor's bounded-elastic pool and blocks the container's thread until it is done; {@code
 * -Dload.officialImmediateExecution=true} (in {@code -Dload.jvmArgs} for the load harness) runs
 * tool handlers on the container's thread instead, as ours do on Java 17.
 */
final class OfficialEchoServer {
  private OfficialEchoServer() {}

  /** Whether tool handlers run on the serving thread, or (the SDK's default) on Reactor's pool. */
  static final boolean IMMEDIATE = Boolean.getBoolean("load.officialImmediateExecution");

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
        .immediateExecution(IMMEDIATE)
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
