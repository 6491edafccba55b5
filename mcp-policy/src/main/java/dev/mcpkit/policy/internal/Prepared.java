package dev.mcpkit.policy.internal;

import dev.mcpkit.auth.TokenOwner;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.policy.CallOutcome;

/**
 * A call made ready to run: the credential owner, a connected client and the tool's live definition;
 * or, when it cannot proceed, the {@code outcome} to return instead.
 */
record Prepared(TokenOwner owner, McpClient client, ToolEntry live, CallOutcome outcome) {
  static Prepared stop(CallOutcome outcome) {
    return new Prepared(null, null, null, outcome);
  }
}
