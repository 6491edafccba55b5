package dev.mcpkit.policy.spi;

import dev.mcpkit.policy.ApprovalRequest;
import java.io.IOException;
import java.util.List;

/**
 * Durable approval requests. Requests hold the exact arguments of the call they approve (they must, to
 * run it later), so the store holds data as sensitive as the calls themselves.
 *
 * <p><b>Guarantees:</b> thread-safe; {@link #decide} is an atomic compare-and-set on the status: of
 * any number of concurrent attempts to decide one pending request, exactly one succeeds, which is what
 * makes an approval single use even across instances. <b>Failure:</b> throws {@link IOException};
 * the engine then runs nothing.
 */
public interface ApprovalStore {
  /** Stores a new request; fails with {@link IllegalStateException} if its id is taken. */
  void create(ApprovalRequest request) throws IOException;

  /** The request with {@code id}, or null. */
  ApprovalRequest find(String id) throws IOException;

  /**
   * Replaces the request with {@code decided} if and only if it is still
   * {@link ApprovalRequest.Status#PENDING}; returns whether it did.
   */
  boolean decide(ApprovalRequest decided) throws IOException;

  /** Pending requests of {@code principalId}, oldest first. */
  List<ApprovalRequest> pending(String principalId) throws IOException;

  /**
   * Every pending request, of anyone, oldest first: what an approver's inbox reads (the engine keeps
   * those the approver may decide). The default throws, so a store written before this method
   * existed keeps working for everything else.
   */
  default List<ApprovalRequest> listPending() throws IOException {
    throw new IOException(getClass().getName() + " does not list pending approvals; implement "
        + "ApprovalStore.listPending");
  }
}
