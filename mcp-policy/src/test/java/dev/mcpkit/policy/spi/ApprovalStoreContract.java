package dev.mcpkit.policy.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcpkit.policy.ApprovalRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link ApprovalStore} must do. Extend it and return an empty store. */
public abstract class ApprovalStoreContract {
  protected abstract ApprovalStore newStore() throws Exception;

  @Test
  public void aRequestReadsBackWithItsExactArguments() throws Exception {
    ApprovalStore store = newStore();
    ApprovalRequest r = Samples.approval("a1", "alice", Samples.T0);
    store.create(r);
    assertThat(store.find("a1")).isEqualTo(r);
    assertThat(store.find("a1").arguments().get("a").asInt()).isEqualTo(1);
    assertThat(store.find("nope")).isNull();
  }

  @Test
  public void anIdCannotBeCreatedTwice() throws Exception {
    ApprovalStore store = newStore();
    store.create(Samples.approval("a1", "alice", Samples.T0));
    assertThatThrownBy(() -> store.create(Samples.approval("a1", "bob", Samples.T0)))
        .isInstanceOf(IllegalStateException.class);
    assertThat(store.find("a1").principalId()).isEqualTo("alice");
  }

  @Test
  public void aPendingRequestIsDecidedOnceAndNeverAgain() throws Exception {
    ApprovalStore store = newStore();
    ApprovalRequest r = Samples.approval("a1", "alice", Samples.T0);
    store.create(r);
    assertThat(store.decide(r.decided(ApprovalRequest.Status.APPROVED, "alice", null))).isTrue();
    assertThat(store.decide(r.decided(ApprovalRequest.Status.REJECTED, "bob", "no"))).isFalse();
    assertThat(store.find("a1").status()).isEqualTo(ApprovalRequest.Status.APPROVED);
    assertThat(store.find("a1").decidedBy()).isEqualTo("alice");
  }

  @Test
  public void decidingAnUnknownRequestFails() throws Exception {
    ApprovalStore store = newStore();
    assertThat(store.decide(Samples.approval("ghost", "alice", Samples.T0)
        .decided(ApprovalRequest.Status.APPROVED, "alice", null))).isFalse();
    assertThat(store.find("ghost")).isNull();
  }

  @Test
  public void ofManyConcurrentDecisionsExactlyOneWins() throws Exception {
    ApprovalStore store = newStore();
    ApprovalRequest r = Samples.approval("a1", "alice", Samples.T0);
    store.create(r);
    int n = 16;
    ExecutorService pool = Executors.newFixedThreadPool(n);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<Boolean>> results = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      String who = "approver" + i;
      Callable<Boolean> task = () -> {
        go.await();
        return store.decide(r.decided(ApprovalRequest.Status.APPROVED, who, null));
      };
      results.add(pool.submit(task));
    }
    go.countDown();
    int wins = 0;
    for (Future<Boolean> f : results) {
      wins += f.get() ? 1 : 0;
    }
    pool.shutdown();
    assertThat(wins).isEqualTo(1);
  }

  @Test
  public void pendingListsOnlyThatUsersUndecidedRequestsOldestFirst() throws Exception {
    ApprovalStore store = newStore();
    ApprovalRequest newer = Samples.approval("a2", "alice", Samples.T0.plusSeconds(10));
    ApprovalRequest older = Samples.approval("a1", "alice", Samples.T0);
    ApprovalRequest done = Samples.approval("a3", "alice", Samples.T0);
    store.create(newer);
    store.create(older);
    store.create(done);
    store.create(Samples.approval("b1", "bob", Samples.T0));
    store.decide(done.decided(ApprovalRequest.Status.REJECTED, "alice", "no"));
    assertThat(store.pending("alice")).extracting(ApprovalRequest::id).containsExactly("a1", "a2");
  }

  @Test
  public void listPendingGivesEveryonesUndecidedRequestsOldestFirst() throws Exception {
    ApprovalStore store = newStore();
    store.create(Samples.approval("a2", "alice", Samples.T0.plusSeconds(10)));
    store.create(Samples.approval("b1", "bob", Samples.T0));
    ApprovalRequest done = Samples.approval("a3", "alice", Samples.T0.plusSeconds(5));
    store.create(done);
    store.decide(done.decided(ApprovalRequest.Status.APPROVED, "root", null));
    assertThat(store.listPending()).extracting(ApprovalRequest::id).containsExactly("b1", "a2");
  }
}
