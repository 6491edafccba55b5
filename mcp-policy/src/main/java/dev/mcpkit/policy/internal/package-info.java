/** The governance engine behind {@link dev.mcpkit.policy.McpGovernance}; not part of the API. */
package dev.mcpkit.policy.internal;
