/**
 * The seam between MCP servers and authentication: an authenticator decides for each HTTP request,
 * and the principal it establishes reaches tool handlers.
 */
package dev.mcpkit.core.auth;
