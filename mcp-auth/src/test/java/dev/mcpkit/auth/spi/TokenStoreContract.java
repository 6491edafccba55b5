package dev.mcpkit.auth.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.auth.TokenOwner;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** What every {@link TokenStore} must do. Extend it and return a fresh, empty store. */
public abstract class TokenStoreContract {
  protected abstract TokenStore newStore() throws Exception;

  private static final TokenOwner ALICE = TokenOwner.user("alice");
  private static final TokenKey KEY = new TokenKey(ALICE, "https://as.example", "https://mcp/x");

  @Test
  public void aValueReadBackIsByteForByteTheValueWritten() throws Exception {
    TokenStore store = newStore();
    byte[] value = {1, 2, 3, 0, -1};
    store.put(KEY, value);
    assertThat(store.get(KEY)).containsExactly(1, 2, 3, 0, -1);
  }

  @Test
  public void anAbsentKeyReadsAsNull() throws Exception {
    assertThat(newStore().get(KEY)).isNull();
  }

  @Test
  public void putReplacesAndRemoveDeletesAndRemovingTwiceIsHarmless() throws Exception {
    TokenStore store = newStore();
    store.put(KEY, new byte[] {1});
    store.put(KEY, new byte[] {2});
    assertThat(store.get(KEY)).containsExactly(2);
    store.remove(KEY);
    store.remove(KEY);
    assertThat(store.get(KEY)).isNull();
  }

  @Test
  public void keysAreSeparatedByOwnerIssuerAndResource() throws Exception {
    TokenStore store = newStore();
    TokenKey otherIssuer = new TokenKey(ALICE, "https://other.example", KEY.resource());
    TokenKey otherOwner = new TokenKey(TokenOwner.shared("alice"), KEY.issuer(), KEY.resource());
    store.put(KEY, new byte[] {1});
    store.put(otherIssuer, new byte[] {2});
    store.put(otherOwner, new byte[] {3});
    assertThat(store.get(otherOwner)).containsExactly(3);
    assertThat(store.keys(ALICE)).containsExactlyInAnyOrder(KEY, otherIssuer);
    assertThat(store.keys(TokenOwner.user("bob"))).isEmpty();
  }

  @Test
  public void concurrentWritersNeverLeaveAMixedValue() throws Exception {
    TokenStore store = newStore();
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Void>> writers = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        byte fill = (byte) i;
        writers.add(() -> {
          byte[] value = new byte[256];
          java.util.Arrays.fill(value, fill);
          for (int j = 0; j < 50; j++) {
            store.put(KEY, value);
            byte[] read = store.get(KEY);
            byte first = read[0];
            for (byte b : read) {
              assertThat(b).isEqualTo(first);
            }
          }
          return null;
        });
      }
      for (Future<Void> f : pool.invokeAll(writers)) {
        f.get();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  public void refreshesOfOneCredentialNeverOverlap() throws Exception {
    TokenStore store = newStore();
    java.util.concurrent.atomic.AtomicInteger inside = new java.util.concurrent.atomic.AtomicInteger();
    java.util.concurrent.atomic.AtomicInteger most = new java.util.concurrent.atomic.AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(6);
    try {
      List<Callable<String>> refreshes = new ArrayList<>();
      for (int i = 0; i < 12; i++) {
        refreshes.add(() -> store.refreshExclusively(ALICE, KEY.resource(), () -> {
          most.accumulateAndGet(inside.incrementAndGet(), Math::max);
          Thread.onSpinWait();
          for (int spin = 0; spin < 20_000; spin++) {
            Thread.onSpinWait();
          }
          inside.decrementAndGet();
          return "renewed";
        }));
      }
      for (Future<String> f : pool.invokeAll(refreshes)) {
        assertThat(f.get()).isEqualTo("renewed");
      }
    } finally {
      pool.shutdownNow();
    }
    assertThat(most.get()).isEqualTo(1);
  }
}
