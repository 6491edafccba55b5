/**
 * The {@code agent-platform} example: a web console for the governance product (MCP servers,
 * sharing, an agent's connectors and connections, tool permissions, a run panel standing in for the
 * chat, approvals and the activity log), built only on mcp-policy's public API and served by the
 * JDK's HTTP server on loopback.
 */
package dev.mcpkit.examples.platform;
