/**
 * The client side of MCP authorization: {@link dev.mcpkit.auth.McpOAuth} (OAuth 2.1 with discovery,
 * client registration, PKCE, refresh and step-up) and {@link dev.mcpkit.auth.ApiKeyAuth}, both plugged into
 * mcp-client as OkHttp interceptors bound to a {@link dev.mcpkit.auth.TokenOwner} and an MCP server.
 */
package dev.mcpkit.auth;
