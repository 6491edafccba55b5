/**
 * The {@code tool-server} example: a host exposing four tools (knowledge search, email, a
 * workflow with progress, hand-over to a human) at a capability URL with the explorer page.
 * Start with {@link dev.mcpkit.examples.toolserver.ToolServerExample}.
 */
package dev.mcpkit.examples.toolserver;
