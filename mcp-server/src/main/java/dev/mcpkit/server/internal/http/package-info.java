/**
 * MCP over HTTP, independent of the HTTP server: Streamable HTTP with sessions, the 2026-07-28
 * stateless requests, and the legacy HTTP+SSE transport. Not API.
 */
package dev.mcpkit.server.internal.http;
