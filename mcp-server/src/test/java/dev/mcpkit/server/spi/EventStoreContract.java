package dev.mcpkit.server.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link EventStore} must do. Extend it with your implementation. */
public abstract class EventStoreContract {
  private EventStore store;

  /** A fresh, empty store keeping at least 100 events per session. */
  protected abstract EventStore newStore();

  @BeforeEach
  void createStore() {
    store = newStore();
  }

  private static byte[] data(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void eventsAfterAnIdReplayInOrder() {
    String first = store.append("s", "p1", new byte[0]);
    store.append("s", "p1", data("a"));
    store.append("s", "p1", data("b"));

    EventStore.Replay replay = store.replayAfter("s", first);

    assertThat(replay.streamId()).isEqualTo("p1");
    assertThat(replay.events()).extracting(e -> new String(e.data(), StandardCharsets.UTF_8))
        .containsExactly("a", "b");
  }

  @Test
  void aReplayHoldsOnlyTheStreamTheIdBelongsTo() {
    String p = store.append("s", "p1", data("p-1"));
    store.append("s", "g1", data("g-1"));
    store.append("s", "p1", data("p-2"));

    assertThat(store.replayAfter("s", p).events())
        .extracting(e -> new String(e.data(), StandardCharsets.UTF_8)).containsExactly("p-2");
  }

  @Test
  void theLastIdReplaysNothing() {
    String last = store.append("s", "p1", data("a"));

    assertThat(store.replayAfter("s", last).events()).isEmpty();
  }

  @Test
  void anUnknownIdOrSessionReplaysNull() {
    store.append("s", "p1", data("a"));

    assertThat(store.replayAfter("s", "never-issued")).isNull();
    assertThat(store.replayAfter("other", "p1_1")).isNull();
  }

  @Test
  void idsAreUniqueWithinASession() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 50; i++) {
      ids.add(store.append("s", i % 2 == 0 ? "p1" : "p2", data("x")));
    }

    assertThat(ids).hasSize(50);
  }

  @Test
  void aDroppedStreamAndADroppedSessionAreForgotten() {
    String p = store.append("s", "p1", data("a"));
    String g = store.append("s", "g1", data("b"));
    store.append("s", "g1", data("c"));

    store.dropStream("s", "p1");
    assertThat(store.replayAfter("s", p)).isNull();
    assertThat(store.replayAfter("s", g)).isNotNull();

    store.dropSession("s");
    assertThat(store.replayAfter("s", g)).isNull();
  }
}
