package dev.mcpkit.auth.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;

/** What every {@link PendingAuthorizationStore} must do. */
public abstract class PendingAuthorizationStoreContract {
  protected abstract PendingAuthorizationStore newStore() throws Exception;

  /** The instant the store under test considers "now". */
  protected Instant now() {
    return Instant.now();
  }

  @Test
  public void anEntryCanBeTakenExactlyOnce() throws Exception {
    PendingAuthorizationStore store = newStore();
    store.put("h1", new byte[] {7}, now().plusSeconds(60));
    assertThat(store.take("h1")).containsExactly(7);
    assertThat(store.take("h1")).isNull();
  }

  @Test
  public void anUnknownHandleGivesNull() throws Exception {
    assertThat(newStore().take("nope")).isNull();
  }

  @Test
  public void anExpiredEntryIsNeverReturned() throws Exception {
    PendingAuthorizationStore store = newStore();
    store.put("old", new byte[] {1}, now().minusSeconds(1));
    assertThat(store.take("old")).isNull();
  }

  @Test
  public void ofConcurrentTakesAtMostOneWins() throws Exception {
    PendingAuthorizationStore store = newStore();
    store.put("race", new byte[] {9}, now().plusSeconds(60));
    List<byte[]> winners = new CopyOnWriteArrayList<>();
    CountDownLatch start = new CountDownLatch(1);
    Thread[] threads = new Thread[8];
    for (int i = 0; i < threads.length; i++) {
      threads[i] = new Thread(() -> {
        try {
          start.await();
          byte[] got = store.take("race");
          if (got != null) {
            winners.add(got);
          }
        } catch (Exception e) {
          throw new RuntimeException(e);
        }
      });
      threads[i].start();
    }
    start.countDown();
    for (Thread t : threads) {
      t.join();
    }
    assertThat(winners).hasSize(1);
  }
}
