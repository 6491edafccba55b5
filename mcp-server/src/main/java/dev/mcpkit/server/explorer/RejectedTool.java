package dev.mcpkit.server.explorer;

import java.util.Objects;

/**
 * A tool the server refused to expose, shown on the explorer page so the operator sees why it is
 * missing from {@code tools/list}.
 *
 * @param name the tool's name as registered (may itself be the problem)
 * @param reason what was wrong and how to fix it
 */
public record RejectedTool(String name, String reason) {
  public RejectedTool {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(reason, "reason");
  }
}
