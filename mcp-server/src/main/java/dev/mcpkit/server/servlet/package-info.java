/** Serving MCP from a Jakarta Servlet 6 container: {@link dev.mcpkit.server.servlet.McpServlet}. */
package dev.mcpkit.server.servlet;
