package dev.mcpkit.policy;

import dev.mcpkit.core.schema.Tools.Tool;

/**
 * A tool a user may see through an agent: where it comes from, its live definition and its effective
 * permission (never {@link ToolPermission#DISABLED}: disabled tools are not listed).
 */
public record GovernedTool(String serverId, Tool tool, ToolPermission permission) {}
