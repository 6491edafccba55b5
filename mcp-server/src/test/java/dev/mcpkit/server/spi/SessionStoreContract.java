package dev.mcpkit.server.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionStore} must do. Extend it in your tests with your implementation:
 *
 * <pre>{@code
 * class JdbcSessionStoreTest extends SessionStoreContract {
 *   protected SessionStore newStore() { return new JdbcSessionStore(dataSource); }
 * }
 * }</pre>
 */
public abstract class SessionStoreContract {
  private SessionStore store;

  /** A fresh, empty store. */
  protected abstract SessionStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  protected static SessionRecord record(String id) {
    return new SessionRecord(id, "/mcp", "alice", "2025-11-25", "{\"name\":\"c\",\"version\":\"1\"}",
        "{\"sampling\":{}}", null, Set.of(), System.currentTimeMillis());
  }

  @Test
  void aSavedSessionIsFoundWithEveryField() {
    SessionRecord r = record("s1").withLogLevel("info").withSubscriptions(Set.of("file:///a"));
    store.save(r);

    assertThat(store.find("s1")).isEqualTo(r);
  }

  @Test
  void anUnknownIdIsNull() {
    assertThat(store.find("nope")).isNull();
  }

  @Test
  void saveReplacesTheRecordWithTheSameId() {
    store.save(record("s1"));
    store.save(record("s1").withLogLevel("error"));

    assertThat(store.find("s1").logLevel()).isEqualTo("error");
  }

  @Test
  void aRemovedSessionIsGoneAndRemovingIsIdempotent() {
    store.save(record("s1"));

    assertThat(store.remove("s1")).isTrue();
    assertThat(store.find("s1")).isNull();
    assertThat(store.remove("s1")).isFalse();
  }

  @Test
  void touchSaysWhetherTheSessionStillExists() {
    store.save(record("s1"));

    assertThat(store.touch("s1", System.currentTimeMillis())).isTrue();
    assertThat(store.touch("gone", System.currentTimeMillis())).isFalse();
  }

  @Test
  void idleSessionsAreRemovedAndReported() {
    long now = System.currentTimeMillis();
    store.save(record("idle"));
    store.save(record("busy"));
    store.touch("idle", now - 60_000);
    store.touch("busy", now);

    List<String> removed = store.removeIdle(now - 30_000);

    assertThat(removed).containsExactly("idle");
    assertThat(store.find("idle")).isNull();
    assertThat(store.find("busy")).isNotNull();
  }

  @Test
  void concurrentUseIsSafe() {
    List<CompletableFuture<Void>> work = new ArrayList<>();
    for (int t = 0; t < 8; t++) {
      int thread = t;
      work.add(CompletableFuture.runAsync(() -> {
        for (int i = 0; i < 200; i++) {
          String id = "s" + thread + "-" + i;
          store.save(record(id));
          store.touch(id, System.currentTimeMillis());
          assertThat(store.find(id)).isNotNull();
          if (i % 2 == 0) {
            store.remove(id);
          }
        }
      }));
    }
    work.forEach(CompletableFuture::join);

    assertThat(store.find("s3-1")).isNotNull();
    assertThat(store.find("s3-2")).isNull();
  }

  @Test
  void removeIfIdleKeepsASessionUsedSinceTheCutoff() {
    long now = System.currentTimeMillis();
    store.save(record("used"));
    store.save(record("idle"));
    store.touch("used", now);
    store.touch("idle", now - 60_000);

    assertThat(store.removeIfIdle("used", now - 30_000)).isFalse();
    assertThat(store.removeIfIdle("idle", now - 30_000)).isTrue();
    assertThat(store.removeIfIdle("gone", now - 30_000)).isFalse();
    assertThat(store.find("used")).isNotNull();
    assertThat(store.find("idle")).isNull();
  }
}
