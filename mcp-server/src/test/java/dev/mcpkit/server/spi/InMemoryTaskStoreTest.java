package dev.mcpkit.server.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class InMemoryTaskStoreTest extends TaskStoreContract {
  @Override
  protected TaskStore newStore() {
    return TaskStore.inMemory(100);
  }

  @Test
  void aFullStoreRefusesANewTaskButStillUpdatesTheOnesItHolds() {
    TaskStore store = TaskStore.inMemory(2);
    store.save(task("a", "alice", 1, null));
    store.save(task("b", "alice", 2, null));

    assertThatThrownBy(() -> store.save(task("c", "alice", 3, null)))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("full (2 tasks)");
    store.save(task("a", "alice", 1, null).completed("{\"content\":[]}", 5));
    assertThat(store.find("a").result()).isEqualTo("{\"content\":[]}");
    assertThat(store.find("c")).isNull();
  }
}
