package dev.mcpkit.policy;

/** What an agent may do with one tool of one attached server. */
public enum ToolPermission {
  /** The call runs without asking anyone. */
  ALWAYS_ALLOW,
  /** The call waits for an approval ({@link McpGovernance#approve}); the secure default for new tools. */
  NEEDS_APPROVAL,
  /** The tool is not offered to the agent and cannot be called. */
  DISABLED;

  /** The stricter of this permission and {@code other}. */
  public ToolPermission stricter(ToolPermission other) {
    return ordinal() >= other.ordinal() ? this : other;
  }
}
