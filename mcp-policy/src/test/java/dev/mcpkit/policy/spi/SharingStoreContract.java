package dev.mcpkit.policy.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.policy.Sharing;
import org.junit.jupiter.api.Test;

/** What every {@link SharingStore} must do. Extend it and return an empty store. */
public abstract class SharingStoreContract {
  protected abstract SharingStore newStore() throws Exception;

  @Test
  public void aServerNeverSharedHasNoSharing() throws Exception {
    assertThat(newStore().find("crm")).isNull();
  }

  @Test
  public void theLatestSharingWinsAndIsVisibleAtOnce() throws Exception {
    SharingStore store = newStore();
    store.put("crm", Sharing.withUsers("alice", "bob").plusGroup("sales"));
    store.put("crm", Sharing.withUsers("alice"));
    assertThat(store.find("crm")).isEqualTo(Sharing.withUsers("alice"));
  }

  @Test
  public void removeForgetsTheSharingAndIsANoOpWhenAbsent() throws Exception {
    SharingStore store = newStore();
    store.put("crm", Sharing.team());
    store.remove("crm");
    store.remove("crm");
    assertThat(store.find("crm")).isNull();
  }
}
