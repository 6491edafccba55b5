package dev.mcpkit.policy.internal;

import dev.mcpkit.core.schema.Tools.Tool;

/** A live tool definition with its hash. */
public record ToolEntry(Tool tool, String hash) {
  public static ToolEntry of(Tool tool) {
    return new ToolEntry(tool, Hashes.ofTool(tool));
  }
}
