/** The shared Jackson configuration for MCP JSON. */
package dev.mcpkit.core.json;
