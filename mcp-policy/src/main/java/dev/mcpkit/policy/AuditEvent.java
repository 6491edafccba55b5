package dev.mcpkit.policy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * One entry of the activity log. Inputs and results are raw JSON with secrets already redacted
 * (values of keys like {@code password}, {@code secret}, {@code token}, {@code api_key},
 * {@code authorization}, at any depth, and bearer credentials inside strings).
 *
 * @param id unique id of the event
 * @param time when it happened
 * @param type what happened
 * @param principalId who acted (or null for none)
 * @param agentId through which agent (or null)
 * @param serverId which server (or null)
 * @param tool which tool (or null)
 * @param input the call's arguments, redacted (or null)
 * @param result the tool's result, redacted (or null)
 * @param error what went wrong (or null)
 * @param duration how long the call took (or null)
 * @param outcome a short word: {@code allowed}, {@code completed}, {@code tool_error}, {@code failed},
 *     {@code denied}, {@code approval_required}, {@code approved}, {@code rejected}, {@code expired},
 *     {@code connection_required}, {@code changed}, ...
 * @param correlationId ties together the events of one call (or admin action)
 * @param detail a sentence about it (the rule of a denial, what an admin changed, ...)
 * @param tokenSource for calls and connections: which way the credential was obtained
 *     ({@code user_oauth}, {@code enterprise}, {@code client_credentials}, {@code workload_identity},
 *     {@code api_key}); null when none was involved or it is unknown
 */
public record AuditEvent(
    String id,
    Instant time,
    Type type,
    String principalId,
    String agentId,
    String serverId,
    String tool,
    JsonNode input,
    JsonNode result,
    String error,
    Duration duration,
    String outcome,
    String correlationId,
    String detail,
    String tokenSource) {

  /** The kinds of event. */
  public enum Type {
    /** A call passed its checks and is about to run. */
    CALL_ALLOWED,
    /** A call ran (or failed at the server). */
    CALL,
    /** A call was refused by a rule, or could not proceed. */
    DENIAL,
    /** An approval was requested. */
    APPROVAL_REQUESTED,
    /** An approval was approved, rejected or expired. */
    APPROVAL_DECISION,
    /** A connection was created, authorized, renamed, shared, skipped or deleted. */
    CONNECTION_CHANGE,
    /** An admin changed the registry, sharing, a connector or a permission. */
    ADMIN_CHANGE,
    /** A tool's definition changed after its permission was set. */
    DEFINITION_DRIFT,
    /** A call could not be made: a store, the server or the transport failed. */
    FAILURE
  }

  /** An event without a token source. */
  public AuditEvent(String id, Instant time, Type type, String principalId, String agentId,
      String serverId, String tool, JsonNode input, JsonNode result, String error,
      Duration duration, String outcome, String correlationId, String detail) {
    this(id, time, type, principalId, agentId, serverId, tool, input, result, error, duration,
        outcome, correlationId, detail, null);
  }

  public AuditEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(time, "time");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(outcome, "outcome");
  }
}
