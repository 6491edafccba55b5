package dev.mcpkit.policy.internal;

import dev.mcpkit.client.McpClient;
import dev.mcpkit.policy.ToolPermission;
import java.time.Clock;
import java.time.Duration;
import java.util.function.Consumer;

/** Engine-wide defaults; {@code clients} customizes every client the engine connects. */
public record Settings(
    ToolPermission newToolPermission,
    ToolPermission onDrift,
    Duration approvalTtl,
    Duration callTimeout,
    Duration toolListTtl,
    Clock clock,
    Consumer<McpClient.Builder> clients) {}
