/**
 * The resource-server side: {@link dev.mcpkit.core.auth.McpAuthenticator} implementations that verify
 * bearer tokens ({@link dev.mcpkit.auth.server.JwtBearerAuthenticator} against a JWKS,
 * {@link dev.mcpkit.auth.server.IntrospectionAuthenticator} by RFC 7662 introspection) or API keys
 * ({@link dev.mcpkit.auth.server.ApiKeyAuthenticator}), and the
 * {@link dev.mcpkit.auth.server.ProtectedResourceMetadata} document they serve. A verified token is never
 * handed on: tool handlers see only the principal.
 */
package dev.mcpkit.auth.server;
