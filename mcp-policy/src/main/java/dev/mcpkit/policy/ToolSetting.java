package dev.mcpkit.policy;

import dev.mcpkit.core.schema.Tools.Tool;

/**
 * One line of the tool permission screen: a tool of a server's catalogue on one agent's connector,
 * the rule an admin set (if any), the permission that applies now and whether the tool's definition
 * changed since the rule was set.
 *
 * @param agentId the agent
 * @param serverId the server
 * @param tool the tool's definition from the catalogue
 * @param rule the admin's rule, or null when none was set
 * @param permission what applies now (the rule, the drift fallback, or the connector's default)
 * @param drifted whether the catalogue's definition differs from the one the rule was set against
 */
public record ToolSetting(String agentId, String serverId, Tool tool, ToolRule rule,
    ToolPermission permission, boolean drifted) {}
