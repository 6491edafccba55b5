/** Serving MCP over stdio: {@link dev.mcpkit.server.stdio.StdioServer}. */
package dev.mcpkit.server.stdio;
