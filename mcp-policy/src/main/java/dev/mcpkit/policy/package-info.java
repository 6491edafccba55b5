/**
 * Governance of MCP tool calls: {@link dev.mcpkit.policy.McpGovernance} and the small immutable types
 * it works with (registrations, sharing, agent connectors, connections, tool permissions, approvals,
 * outcomes, audit events). Stores and the directory are SPIs in {@link dev.mcpkit.policy.spi}.
 */
package dev.mcpkit.policy;
