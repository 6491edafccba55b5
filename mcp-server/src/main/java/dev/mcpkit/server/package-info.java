/**
 * MCP servers: {@link dev.mcpkit.server.McpServer} with its tools ({@link
 * dev.mcpkit.server.ToolDefinition}), resources and prompts; {@link dev.mcpkit.server.McpEndpoint}
 * to expose them at a path or a capability URL; {@link dev.mcpkit.server.McpHttpServer} to serve
 * them over HTTP on the JDK's own server.
 *
 * <p>Threading: a request is answered on the thread that received it (no hand-off); handlers may
 * block and are interrupted when their call is cancelled or times out. Every public type is
 * thread-safe unless its documentation says otherwise.
 */
package dev.mcpkit.server;
