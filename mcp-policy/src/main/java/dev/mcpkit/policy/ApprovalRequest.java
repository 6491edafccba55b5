package dev.mcpkit.policy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Objects;

/**
 * A call waiting for (or past) an approval. It is bound to the requester, agent, server, tool, a hash
 * of the exact arguments and the policy revision at request time; it expires and is used at most once.
 *
 * @param id the request's id (random, unguessable)
 * @param principalId who asked
 * @param agentId through which agent
 * @param serverId to which server
 * @param tool which tool
 * @param arguments the exact arguments to send
 * @param argumentsHash SHA-256 of the canonical JSON of {@code arguments}
 * @param policyRevision a fingerprint of the policy that applied when it was requested
 * @param approvers who may approve
 * @param createdAt when it was requested
 * @param expiresAt when it lapses
 * @param status where it stands
 * @param decidedBy who approved or rejected it, or null
 * @param reason a rejection's reason (or why it ended), or null
 * @param correlationId the activity-log correlation id of the call
 */
public record ApprovalRequest(
    String id,
    String principalId,
    String agentId,
    String serverId,
    String tool,
    ObjectNode arguments,
    String argumentsHash,
    String policyRevision,
    Approvers approvers,
    Instant createdAt,
    Instant expiresAt,
    Status status,
    String decidedBy,
    String reason,
    String correlationId) {

  /** Where an approval request stands. Only {@link #PENDING} can change. */
  public enum Status {
    PENDING,
    APPROVED,
    REJECTED,
    EXPIRED
  }

  public ApprovalRequest {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(principalId, "principalId");
    Objects.requireNonNull(agentId, "agentId");
    Objects.requireNonNull(serverId, "serverId");
    Objects.requireNonNull(tool, "tool");
    Objects.requireNonNull(arguments, "arguments");
    Objects.requireNonNull(argumentsHash, "argumentsHash");
    Objects.requireNonNull(policyRevision, "policyRevision");
    Objects.requireNonNull(approvers, "approvers");
    Objects.requireNonNull(createdAt, "createdAt");
    Objects.requireNonNull(expiresAt, "expiresAt");
    Objects.requireNonNull(status, "status");
    arguments = arguments.deepCopy();
  }

  /** The exact arguments (a copy). */
  @Override
  public ObjectNode arguments() {
    return arguments.deepCopy();
  }

  /** This request, decided. */
  public ApprovalRequest decided(Status newStatus, String by, String why) {
    return new ApprovalRequest(id, principalId, agentId, serverId, tool, arguments, argumentsHash,
        policyRevision, approvers, createdAt, expiresAt, newStatus, by, why, correlationId);
  }
}
