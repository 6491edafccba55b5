package dev.mcpkit.policy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.engine.RequestOptions;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Methods;
import dev.mcpkit.core.schema.Tools.CallToolParams;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.policy.ApprovalRequest;
import dev.mcpkit.policy.AuditEvent;
import dev.mcpkit.policy.CallOutcome;
import dev.mcpkit.policy.Decision;
import dev.mcpkit.policy.ToolPermission;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * Governed calls: check, then run, ask for approval, ask to connect, or refuse; and run approved
 * calls once. Everything that reads a store sits inside one try: a store (or the audit sink) that
 * throws fails the call closed, with nothing run.
 */
public final class CallEngine {
  private final Stores stores;
  private final Settings settings;
  private final Decider decider;
  private final Connector connector;
  private final AuditWriter audit;
  private final Clients clients;
  private final dev.mcpkit.auth.spi.SecretCipher cipher;
  private final SecureRandom random = new SecureRandom();
  /** The options of a call whose connector sets no timeout of its own (built once). */
  private final RequestOptions defaultOptions;
  /** Reads results with the type and its deserializer resolved once, not per call. */

  CallEngine(Stores stores, Settings settings, Decider decider, Connector connector,
      AuditWriter audit, Clients clients, dev.mcpkit.auth.spi.SecretCipher cipher) {
    this.cipher = cipher;
    this.stores = stores;
    this.settings = settings;
    this.decider = decider;
    this.connector = connector;
    this.audit = audit;
    this.clients = clients;
    this.defaultOptions = RequestOptions.timeout(settings.callTimeout());
  }

  public CallOutcome invoke(String principalId, String agentId, String serverId, String tool,
      ObjectNode arguments) {
    ObjectNode args = arguments == null ? JsonNodeFactory.instance.objectNode()
        : arguments.deepCopy();
    AuditWriter.Subject s = new AuditWriter.Subject(principalId, agentId, serverId, tool,
        Ids.next());
    try {
      Access access = decider.access(principalId, agentId, serverId, false);
      if (!access.granted()) {
        return deny(s, args, access.denial());
      }
      Prepared prep = connector.prepare(access, s, tool);
      if (prep.outcome() != null) {
        return logged(s, args, prep.outcome());
      }
      if (prep.live() == null) {
        return deny(s, args, new Decision(false, null, "tool-offered", "server '"
            + access.registration().name() + "' offers no tool '" + tool + "'",
            java.util.List.of()));
      }
      if (connector.observe(access, tool, prep.live())) {
        // the rule was just bound to the definition it governs: an approval requested now must
        // carry the policy as stored, or approving it would see a "changed" policy
        access = decider.access(principalId, agentId, serverId, false);
        if (!access.granted()) {
          return deny(s, args, access.denial());
        }
      }
      Decision d = decider.permission(access, tool, prep.live(), false);
      if (!d.allowed()) {
        return deny(s, args, d);
      }
      if (d.permission() == ToolPermission.NEEDS_APPROVAL) {
        return requestApproval(access, s, args);
      }
      return run(access, prep, s, args, d.reason());
    } catch (IOException | RuntimeException e) {
      return failClosed(s, args, e);
    }
  }

  public CallOutcome approve(String approvalId, String approverId) {
    AuditWriter.Subject s = new AuditWriter.Subject(null, null, null, null, approvalId);
    ObjectNode args = null;
    try {
      ApprovalRequest req = stores.approvals().find(approvalId);
      if (req == null) {
        return new CallOutcome.Denied("approval", "there is no approval request '" + approvalId
            + "'", approvalId);
      }
      s = new AuditWriter.Subject(req.principalId(), req.agentId(), req.serverId(), req.tool(),
          req.correlationId());
      args = Payloads.unsealed(cipher, req.id(), req.arguments());
      if (req.status() != ApprovalRequest.Status.PENDING) {
        return deny(s, args, "approval-used", "approval request '" + approvalId + "' was already "
            + req.status().name().toLowerCase(java.util.Locale.ROOT) + "; an approval runs its "
            + "call at most once, so make the call again to ask anew");
      }
      if (!settings.clock().instant().isBefore(req.expiresAt())) {
        end(req, ApprovalRequest.Status.EXPIRED, null, "expired", s);
        return deny(s, args, "approval-expired", "approval request '" + approvalId
            + "' expired at " + req.expiresAt() + "; make the call again to ask anew");
      }
      var approver = stores.directory().find(approverId);
      if (approver == null || !req.approvers().allows(approver, req.principalId())) {
        return deny(s, args, "approvers", "'" + approverId + "' may not approve this call; it "
            + "needs " + req.approvers().describe());
      }
      Access access = decider.access(req.principalId(), req.agentId(), req.serverId(), false);
      if (!access.granted()) {
        end(req, ApprovalRequest.Status.EXPIRED, approverId, access.denial().reason(), s);
        return deny(s, args, access.denial());
      }
      Prepared prep = connector.prepare(access, s, req.tool());
      if (prep.outcome() != null) {
        return logged(s, args, prep.outcome());
      }
      Decision d = decider.permission(access, req.tool(), prep.live(), false);
      if (!d.allowed() || prep.live() == null) {
        end(req, ApprovalRequest.Status.EXPIRED, approverId, d.reason(), s);
        return deny(s, args, prep.live() == null ? "tool-offered" : d.rule(),
            prep.live() == null ? "the server no longer offers tool '" + req.tool() + "'"
                : d.reason());
      }
      if (!PolicyRevision.of(access, req.tool()).equals(req.policyRevision())) {
        end(req, ApprovalRequest.Status.EXPIRED, approverId, "the policy changed", s);
        return deny(s, args, "policy-changed", "the policy for tool '" + req.tool()
            + "' changed after the approval was requested; make the call again to ask anew");
      }
      if (!Hashes.ofJson(args).equals(req.argumentsHash())) {
        end(req, ApprovalRequest.Status.EXPIRED, approverId, "the arguments changed", s);
        return deny(s, args, "arguments-changed", "the stored arguments of approval request '"
            + approvalId + "' no longer match what was approved; make the call again");
      }
      if (!stores.approvals().decide(req.decided(ApprovalRequest.Status.APPROVED, approverId,
          null))) {
        return deny(s, args, "approval-used", "approval request '" + approvalId
            + "' was decided by someone else at the same time; it runs its call once");
      }
      audit.record(AuditEvent.Type.APPROVAL_DECISION, s, args, null, null, null, "approved",
          "approved by '" + approverId + "'");
      return run(access, prep, s, args, "approved by '" + approverId + "'");
    } catch (IOException | RuntimeException e) {
      return failClosed(s, args, e);
    }
  }

  /** Ends a pending request as rejected; returns it decided. */
  public ApprovalRequest reject(String approvalId, String approverId, String reason)
      throws IOException {
    ApprovalRequest req = stores.approvals().find(approvalId);
    if (req == null) {
      throw new IllegalArgumentException("there is no approval request '" + approvalId + "'");
    }
    if (req.status() != ApprovalRequest.Status.PENDING) {
      throw new dev.mcpkit.policy.PolicyDeniedException("approval-used", "approval request '"
          + approvalId + "' was already " + req.status().name().toLowerCase(java.util.Locale.ROOT));
    }
    var approver = stores.directory().find(approverId);
    boolean requester = approverId.equals(req.principalId());
    if (approver == null || !(requester || req.approvers().allows(approver, req.principalId()))) {
      throw new dev.mcpkit.policy.PolicyDeniedException("approvers", "'" + approverId
          + "' may not reject this call; it needs " + req.approvers().describe());
    }
    ApprovalRequest decided = req.decided(ApprovalRequest.Status.REJECTED, approverId,
        reason == null ? "" : reason);
    if (!stores.approvals().decide(decided)) {
      throw new dev.mcpkit.policy.PolicyDeniedException("approval-used", "approval request '"
          + approvalId + "' was decided by someone else at the same time");
    }
    audit.record(AuditEvent.Type.APPROVAL_DECISION, new AuditWriter.Subject(req.principalId(),
        req.agentId(), req.serverId(), req.tool(), req.correlationId()), null, null, null, null,
        "rejected", "rejected by '" + approverId + "': " + decided.reason());
    return decided;
  }

  private CallOutcome requestApproval(Access access, AuditWriter.Subject s, ObjectNode args)
      throws IOException {
    byte[] raw = new byte[16];
    random.nextBytes(raw);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
    Instant now = settings.clock().instant();
    ApprovalRequest req = new ApprovalRequest(id, s.principalId(), s.agentId(), s.serverId(),
        s.tool(), Payloads.stored(access.registration().payloadPolicy(), cipher, id, args),
        Hashes.ofJson(args), PolicyRevision.of(access, s.tool()),
        access.connector().approvers(), now, now.plus(settings.approvalTtl()),
        ApprovalRequest.Status.PENDING, null, null, s.correlationId());
    stores.approvals().create(req);
    audit.record(AuditEvent.Type.APPROVAL_REQUESTED, s, args, null, null, null,
        "approval_required", "approval '" + id + "' needs " + req.approvers().describe());
    return new CallOutcome.ApprovalRequired(id, s.serverId(), s.tool(), args,
        req.approvers().describe(), req.expiresAt(), s.correlationId());
  }

  private CallOutcome run(Access access, Prepared prep, AuditWriter.Subject s, ObjectNode args,
      String why) throws IOException {
    // the two events of a call log the same input: it is redacted once
    JsonNode loggedInput = Redactor.redact(args);
    String tokenSource = connector.tokenSource(access.registration(), prep.owner());
    // fail closed: the call runs only once this event is kept
    audit.recordRedacted(AuditEvent.Type.CALL_ALLOWED, s, loggedInput, null, null, null,
        "allowed", why, tokenSource);
    RequestOptions options = access.connector().callTimeout() != null
        ? RequestOptions.timeout(access.connector().callTimeout()) : defaultOptions;
    long start = System.nanoTime();
    try {
      // the result as the server sent it goes to the log (redacted, so as a copy); reading it
      // into a record for the caller and writing that record back to JSON for the log would
      // cost a second conversion on every call
      JsonNode raw = prep.client().request(Methods.TOOLS_CALL, params(s.tool(), args), options);
      CallToolResult result = read(raw, access);
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      audit.tryRecordRedacted(AuditEvent.Type.CALL, s, loggedInput, raw, null, took,
          result.failed() ? "tool_error" : "completed", null, tokenSource);
      return new CallOutcome.Completed(result, took, s.correlationId());
    } catch (IOException | McpProtocolException e) {
      Duration took = Duration.ofNanos(System.nanoTime() - start);
      if (!(e instanceof dev.mcpkit.core.McpTimeoutException)) {
        clients.evict(access.registration(), prep.owner());
      }
      var required = Connector.authorizationRequired(e);
      if (required != null && access.connector().method()
          == dev.mcpkit.policy.ConnectionMethod.PER_USER) {
        // the stored credential stopped working (revoked, refresh refused): connect again
        return connector.connectionRequired(access.registration(), stores.connections()
            .findPersonal(s.serverId(), s.principalId()), s, required.authorizationUrl());
      }
      String reason = Connector.serverFailure(access.registration(), e);
      audit.tryRecordRedacted(AuditEvent.Type.CALL, s, loggedInput, null, reason, took, "failed",
          null, tokenSource);
      return new CallOutcome.Failed(reason, s.correlationId());
    }
  }

  /**
   * The {@code tools/call} params, built as a tree directly: what converting a
   * {@link CallToolParams} with only a name and arguments gives, without going through a token
   * buffer (which would also copy the arguments once more). {@code args} is already the engine's
   * own copy.
   */
  static ObjectNode params(String tool, ObjectNode args) {
    ObjectNode params = JsonNodeFactory.instance.objectNode();
    params.put("name", tool);
    params.set("arguments", args);
    return params;
  }

  /** A {@code tools/call} result read into its record; one that does not fit is the server's fault. */
  private static CallToolResult read(JsonNode raw, Access access) throws IOException {
    try {
      return McpJson.fromTree(raw == null ? McpJson.object() : raw, CallToolResult.class);
    } catch (IllegalArgumentException e) { // its message: "cannot read CallToolResult: ..."
      throw new IOException("server '" + access.registration().name() + "' answered "
          + Methods.TOOLS_CALL + " with a result that is not a CallToolResult: " + e.getMessage(),
          e);
    }
  }

  private CallOutcome deny(AuditWriter.Subject s, ObjectNode args, Decision d) throws IOException {
    return deny(s, args, d.rule(), d.reason());
  }

  private CallOutcome deny(AuditWriter.Subject s, ObjectNode args, String rule, String reason)
      throws IOException {
    audit.record(AuditEvent.Type.DENIAL, s, args, null, null, null, "denied",
        rule + ": " + reason);
    return new CallOutcome.Denied(rule, reason, s.correlationId());
  }

  private CallOutcome logged(AuditWriter.Subject s, ObjectNode args, CallOutcome outcome)
      throws IOException {
    if (outcome instanceof CallOutcome.Denied d) {
      return deny(s, args, d.rule(), d.reason());
    }
    if (outcome instanceof CallOutcome.Failed f) {
      audit.record(AuditEvent.Type.FAILURE, s, args, null, f.reason(), null, "failed",
          f.reason());
    }
    return outcome;
  }

  private void end(ApprovalRequest req, ApprovalRequest.Status status, String by, String why,
      AuditWriter.Subject s) throws IOException {
    if (stores.approvals().decide(req.decided(status, by, why))) {
      audit.record(AuditEvent.Type.APPROVAL_DECISION, s, null, null, null, null,
          status.name().toLowerCase(java.util.Locale.ROOT), why);
    }
  }

  private CallOutcome failClosed(AuditWriter.Subject s, ObjectNode args, Exception e) {
    String reason = "the call was not made because the policy could not be checked or recorded ("
        + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
    audit.tryRecord(AuditEvent.Type.FAILURE, s, args, null, reason, null, "failed", reason);
    return new CallOutcome.Failed(reason, s.correlationId());
  }
}
