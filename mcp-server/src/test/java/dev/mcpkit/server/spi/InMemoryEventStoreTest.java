package dev.mcpkit.server.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The default event store passes the contract, and keeps its bound. */
class InMemoryEventStoreTest extends EventStoreContract {
  @Override
  protected EventStore newStore() {
    return EventStore.inMemory(100);
  }

  @Test
  void itKeepsOnlyTheNewestEventsOfASession() {
    EventStore store = EventStore.inMemory(3);
    String first = store.append("s", "p1", "1".getBytes(StandardCharsets.UTF_8));
    for (int i = 2; i <= 5; i++) {
      store.append("s", "p1", Integer.toString(i).getBytes(StandardCharsets.UTF_8));
    }
    String third = "p1_3";

    assertThat(store.replayAfter("s", third).events())
        .extracting(e -> new String(e.data(), StandardCharsets.UTF_8)).containsExactly("4", "5");
    assertThat(store.replayAfter("s", first).events()).hasSize(3);
  }
}
