package dev.mcpkit.benchmarks.postgres;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.mcpkit.policy.ApprovalRequest;
import dev.mcpkit.policy.Approvers;
import dev.mcpkit.policy.spi.ApprovalStore;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Approval decisions across two instances (two pools on one schema): how long the single-use
 * {@code decide} takes, uncontested (instances take turns) and contested (both race for the same
 * request; exactly one may win).
 */
final class ApprovalFigures {
  private ApprovalFigures() {}

  static void run(String url, int seconds) throws Exception {
    String schema = "bench_approvals_" + System.nanoTime();
    ApprovalStore a = PostgresFigures.stores(url, schema, 4).approvalStore();
    ApprovalStore b = PostgresFigures.stores(url, schema, 4).approvalStore();
    int n = 4_000;
    ApprovalRequest[] requests = new ApprovalRequest[n];
    for (int i = 0; i < n; i++) {
      requests[i] = request();
      a.create(requests[i]);
    }
    int warm = 1_000;
    long[] nanos = new long[n - warm];
    for (int i = 0; i < n; i++) {
      ApprovalStore instance = i % 2 == 0 ? a : b;
      long t0 = System.nanoTime();
      boolean won = instance.decide(requests[i].decided(ApprovalRequest.Status.APPROVED, "u", null));
      long t = System.nanoTime() - t0;
      if (!won) {
        throw new IllegalStateException("an uncontested decision lost");
      }
      if (i >= warm) {
        nanos[i - warm] = t;
      }
    }
    System.out.printf("approval decide, two instances taking turns (%d): p50 %.2f ms, p99 %.2f ms,"
        + " max %.2f ms%n", nanos.length, PostgresFigures.percentileMillis(nanos, 50),
        PostgresFigures.percentileMillis(nanos, 99), PostgresFigures.percentileMillis(nanos, 100));

    int races = 1_000;
    long[] raced = new long[races * 2];
    AtomicInteger wins = new AtomicInteger();
    for (int i = 0; i < races; i++) {
      ApprovalRequest r = request();
      a.create(r);
      CountDownLatch go = new CountDownLatch(1);
      int slot = i * 2;
      Thread[] racers = new Thread[2];
      for (int k = 0; k < 2; k++) {
        ApprovalStore instance = k == 0 ? a : b;
        int at = slot + k;
        racers[k] = new Thread(() -> {
          try {
            go.await();
            long t0 = System.nanoTime();
            if (instance.decide(r.decided(ApprovalRequest.Status.APPROVED, "u" + at, null))) {
              wins.incrementAndGet();
            }
            raced[at] = System.nanoTime() - t0;
          } catch (Exception e) {
            throw new IllegalStateException(e);
          }
        });
        racers[k].start();
      }
      go.countDown();
      for (Thread t : racers) {
        t.join();
      }
    }
    System.out.printf("approval decide, both instances racing for each of %d requests: p50 %.2f ms,"
        + " p99 %.2f ms; winners %d (must be %d)%n", races,
        PostgresFigures.percentileMillis(raced, 50), PostgresFigures.percentileMillis(raced, 99),
        wins.get(), races);
  }

  private static ApprovalRequest request() {
    Instant now = Instant.now();
    return new ApprovalRequest(UUID.randomUUID().toString(), "alice", "agent", "crm", "echo",
        JsonNodeFactory.instance.objectNode().put("message", "hello"), "hash", "rev",
        Approvers.REQUESTER, now, now.plusSeconds(900), ApprovalRequest.Status.PENDING, null, null,
        "corr");
  }
}
