/**
 * The agent console example: a governed agent host in the terminal, on mcp-policy's
 * {@link dev.mcpkit.policy.McpGovernance}.
 */
package dev.mcpkit.examples.console;
