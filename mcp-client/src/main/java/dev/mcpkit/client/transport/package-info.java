/**
 * Client transports, each an implementation of core's {@link dev.mcpkit.core.transport.McpTransport}:
 * {@link dev.mcpkit.client.transport.StreamableHttpTransport} (current HTTP transport, session and
 * stateless protocols), {@link dev.mcpkit.client.transport.SseTransport} (legacy HTTP+SSE) and
 * {@link dev.mcpkit.client.transport.StdioTransport} (a child process). HTTP settings, static headers
 * and the authentication slot live in {@link dev.mcpkit.client.transport.HttpOptions}.
 */
package dev.mcpkit.client.transport;
