package dev.mcpkit.policy.spi;

import dev.mcpkit.policy.ApprovalRequest;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@link ApprovalStore} in a concurrent map; {@link #decide} is a compare-and-set on the map entry.
 * Decided requests are kept (a host store would prune them after a while).
 */
public final class InMemoryApprovalStore implements ApprovalStore {
  private final ConcurrentHashMap<String, ApprovalRequest> requests = new ConcurrentHashMap<>();

  @Override
  public void create(ApprovalRequest request) {
    if (requests.putIfAbsent(request.id(), request) != null) {
      throw new IllegalStateException("approval request id already used: " + request.id());
    }
  }

  @Override
  public ApprovalRequest find(String id) {
    return requests.get(id);
  }

  @Override
  public boolean decide(ApprovalRequest decided) {
    ApprovalRequest current = requests.get(decided.id());
    return current != null && current.status() == ApprovalRequest.Status.PENDING
        && requests.replace(decided.id(), current, decided);
  }

  @Override
  public List<ApprovalRequest> pending(String principalId) {
    return requests.values().stream()
        .filter(r -> r.principalId().equals(principalId))
        .filter(r -> r.status() == ApprovalRequest.Status.PENDING)
        .sorted(Comparator.comparing(ApprovalRequest::createdAt))
        .toList();
  }

  @Override
  public List<ApprovalRequest> listPending() {
    return requests.values().stream()
        .filter(r -> r.status() == ApprovalRequest.Status.PENDING)
        .sorted(Comparator.comparing(ApprovalRequest::createdAt))
        .toList();
  }
}
