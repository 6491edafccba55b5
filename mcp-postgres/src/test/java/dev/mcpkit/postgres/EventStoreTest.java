package dev.mcpkit.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.server.spi.EventStore;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The PostgreSQL event store beyond the contract: bounded per session, shared by instances. */
class EventStoreTest {
  private static byte[] data(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  @Test
  void aSessionKeepsAboutItsNewestEventsAndAReplayReturnsWhatIsLeft() {
    EventStore store = TestDatabase.freshStores("events_bound").eventStore(50);
    String first = store.append("s", "g1", data("0"));
    String last = first;
    for (int i = 1; i < 1_000; i++) {
      last = store.append("s", "g1", data(Integer.toString(i)));
    }
    store.append("other", "g1", data("x"));

    assertThat(store.replayAfter("s", first)).as("the first event was dropped").isNull();
    String kept = Long.toString(Long.parseLong(last) - 40);
    EventStore.Replay replay = store.replayAfter("s", kept);
    assertThat(replay.events()).hasSize(40);
    assertThat(new String(replay.events().get(39).data(), StandardCharsets.UTF_8)).isEqualTo("999");
  }

  @Test
  void anEventStoredByOneInstanceIsReplayedByAnother() {
    McpPostgres one = TestDatabase.freshStores("events_shared");
    EventStore other = TestDatabase.storesOn(one.schema()).eventStore();
    String id = one.eventStore().append("s", "p1", new byte[0]);
    one.eventStore().append("s", "p1", data("missed"));

    EventStore.Replay replay = other.replayAfter("s", id);

    assertThat(replay.streamId()).isEqualTo("p1");
    assertThat(replay.events()).extracting(e -> new String(e.data(), StandardCharsets.UTF_8))
        .containsExactly("missed");
    assertThat(other.replayAfter("s", "not-a-number")).isNull();
  }
}
