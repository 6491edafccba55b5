/** The MCP methods a server answers, independent of transport. Not API. */
package dev.mcpkit.server.internal.protocol;
