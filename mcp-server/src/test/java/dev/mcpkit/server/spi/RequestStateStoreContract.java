package dev.mcpkit.server.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link RequestStateStore} must do. Extend it with your implementation; {@link
 * #sharedStore()} returns a second store over the same storage when the implementation is shared
 * between instances (the default returns the same store).
 */
public abstract class RequestStateStoreContract {
  protected RequestStateStore store;

  /** A fresh, empty store. */
  protected abstract RequestStateStore newStore();

  /** Another instance's view of the store {@link #newStore()} returned last. */
  protected RequestStateStore sharedStore() {
    return store;
  }

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  static Instant inAMinute() {
    return Instant.now().plusSeconds(60);
  }

  @Test
  void theKeyHasAtLeast256BitsAndNeverChanges() {
    byte[] first = store.key().clone();

    assertThat(first.length).isGreaterThanOrEqualTo(32);
    assertThat(store.key()).isEqualTo(first);
    assertThat(sharedStore().key()).isEqualTo(first);
  }

  @Test
  void aStateIsClaimedOnceAndRefusedAfterwards() {
    assertThat(store.claim("n1", inAMinute())).isTrue();
    assertThat(store.claim("n1", inAMinute())).isFalse();
    assertThat(sharedStore().claim("n1", inAMinute())).isFalse();
    assertThat(sharedStore().claim("n2", inAMinute())).isTrue();
  }

  @Test
  @Timeout(30)
  void racingClaimsOfOneStateSucceedExactlyOnce() throws Exception {
    int racers = 16;
    CountDownLatch start = new CountDownLatch(1);
    AtomicInteger won = new AtomicInteger();
    List<CompletableFuture<Void>> all = new ArrayList<>();
    for (int i = 0; i < racers; i++) {
      RequestStateStore s = i % 2 == 0 ? store : sharedStore();
      all.add(CompletableFuture.runAsync(() -> {
        try {
          start.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        if (s.claim("contested", inAMinute())) {
          won.incrementAndGet();
        }
      }));
    }
    start.countDown();
    all.forEach(CompletableFuture::join);

    assertThat(won).hasValue(1);
  }

  @Test
  void manyExpiredClaimsDoNotMakeLiveOnesClaimableAgain() {
    Instant past = Instant.now().minusSeconds(1);
    for (int i = 0; i < 1_100; i++) {
      store.claim("old-" + i, past);
    }
    assertThat(store.claim("live", inAMinute())).isTrue();
    for (int i = 0; i < 1_100; i++) {
      store.claim("older-" + i, past);
    }

    assertThat(store.claim("live", inAMinute())).isFalse();
  }
}
