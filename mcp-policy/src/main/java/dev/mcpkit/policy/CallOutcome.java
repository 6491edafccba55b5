package dev.mcpkit.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * How a governed call ended. Every outcome carries the correlation id under which the activity log
 * recorded it.
 */
public sealed interface CallOutcome {
  /** The id shared by every audit event of this call. */
  String correlationId();

  /**
   * The tool ran. The result was fetched live and is not cached or stored anywhere but the activity
   * log. A tool that failed is still {@code Completed}, with {@code result.isError()} true.
   */
  record Completed(CallToolResult result, Duration duration, String correlationId)
      implements CallOutcome {
    public Completed {
      Objects.requireNonNull(result, "result");
    }
  }

  /**
   * The call needs an approval first. Approving {@link #approvalId()} runs exactly this call once.
   *
   * @param approvalId the approval request's id
   * @param serverId the server the call will go to
   * @param tool the tool that will run
   * @param arguments the exact arguments that will be sent (secrets included: show with care)
   * @param approvers who may approve, in words
   * @param expiresAt when the request lapses
   */
  record ApprovalRequired(String approvalId, String serverId, String tool, ObjectNode arguments,
      String approvers, Instant expiresAt, String correlationId) implements CallOutcome {}

  /**
   * The user has to connect their account first. For OAuth servers, send them to
   * {@link #authorizationUrl()} and pass the callback to
   * {@link McpGovernance#completeAuthorization}; for API-key servers ({@code authorizationUrl} null)
   * ask for the key and pass it to {@link McpGovernance#saveApiKey}. Then the same call can be made
   * again. A user may also skip the prompt ({@link McpGovernance#skipConnection}); they are asked
   * again on their next call.
   */
  record ConnectionRequired(String serverId, String serverName, String connectionId,
      ServerRegistration.Auth auth, URI authorizationUrl, String correlationId)
      implements CallOutcome {}

  /**
   * A rule refused the call; nothing ran.
   *
   * @param rule the rule's name (as in {@link Decision#checks()})
   * @param reason what was refused and why, in words for the user
   */
  record Denied(String rule, String reason, String correlationId) implements CallOutcome {}

  /**
   * The call could not be made or did not finish: the server was down, answered garbage or too
   * late, or a store failed (then nothing ran). The reason says which.
   */
  record Failed(String reason, String correlationId) implements CallOutcome {}
}
