package dev.mcpkit.policy;

import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Lets a long-running caller wait for the outcome of an approval someone else gives: the piece
 * that turns an approval-gated call into a task. A tool that runs as a task calls {@link
 * McpGovernance#invoke}; on {@link CallOutcome.ApprovalRequired} it reports the approval id as
 * progress and {@link #await}s; the host's approval UI approves or rejects <em>through this
 * object</em> ({@link #approve}, {@link #reject}), which runs the call as {@link
 * McpGovernance#approve} does and hands its outcome to the waiting task.
 *
 * <p>Thread-safe. An outcome given before anyone waits is kept (the last {@value #KEPT}), so a
 * waiter that comes late still gets it. An approval decided directly on the facade, bypassing this
 * object, is not seen: the waiter times out.
 */
public final class ApprovalWaits {
  static final int KEPT = 1_000;

  private final McpGovernance governance;
  private final Map<String, CompletableFuture<CallOutcome>> outcomes = new LinkedHashMap<>();

  private ApprovalWaits(McpGovernance governance) {
    this.governance = Objects.requireNonNull(governance, "governance");
  }

  public static ApprovalWaits of(McpGovernance governance) {
    return new ApprovalWaits(governance);
  }

  private synchronized CompletableFuture<CallOutcome> slot(String approvalId) {
    CompletableFuture<CallOutcome> f = outcomes.computeIfAbsent(approvalId,
        id -> new CompletableFuture<>());
    if (outcomes.size() > KEPT) {
      var it = outcomes.entrySet().iterator();
      while (outcomes.size() > KEPT && it.hasNext()) {
        var e = it.next();
        if (e.getValue().isDone()) {
          it.remove();
        } else {
          break; // the oldest still has a waiter; keep it
        }
      }
    }
    return f;
  }

  private synchronized void forget(String approvalId) {
    outcomes.remove(approvalId);
  }

  /**
   * Approves through the facade and hands the outcome to whoever waits. An approver the
   * connector's {@link Approvers} do not accept gets a {@code Denied} with rule {@code approvers}
   * and the request stays pending (nobody waiting is told).
   */
  public CallOutcome approve(String approvalId, Principal approver) {
    CallOutcome outcome = governance.approve(approvalId, approver);
    if (!(outcome instanceof CallOutcome.Denied d && "approvers".equals(d.rule()))) {
      slot(approvalId).complete(outcome);
    }
    return outcome;
  }

  /** Rejects through the facade; whoever waits gets {@code Denied} with rule {@code rejected}. */
  public ApprovalRequest reject(String approvalId, Principal approver, String reason)
      throws IOException {
    ApprovalRequest request = governance.reject(approvalId, approver, reason);
    slot(approvalId).complete(new CallOutcome.Denied("rejected", "approval '" + approvalId
        + "' was rejected by " + approver.id() + (reason == null ? "" : ": " + reason), null));
    return request;
  }

  /**
   * Waits until the approval is decided here and returns the outcome of the call it allowed (or
   * the denial). Nobody deciding within {@code timeout} gives {@code Denied} with rule {@code
   * approval-expired}; the request itself expires at the store's time.
   *
   * @throws InterruptedException when the waiting thread is interrupted (a cancelled task)
   */
  public CallOutcome await(String approvalId, Duration timeout) throws InterruptedException {
    CompletableFuture<CallOutcome> f = slot(approvalId);
    try {
      CallOutcome outcome = f.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
      forget(approvalId);
      return outcome;
    } catch (TimeoutException e) {
      return new CallOutcome.Denied("approval-expired", "nobody approved '" + approvalId
          + "' within " + timeout.toSeconds() + " s", null);
    } catch (ExecutionException e) {
      throw new IllegalStateException("approval outcome failed", e.getCause());
    }
  }
}
