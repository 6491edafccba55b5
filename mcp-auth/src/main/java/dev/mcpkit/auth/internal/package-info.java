/** Implementation of mcp-auth; not an API, may change in any release. */
package dev.mcpkit.auth.internal;
