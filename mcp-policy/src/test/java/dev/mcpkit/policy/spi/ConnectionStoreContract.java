package dev.mcpkit.policy.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.policy.Connection;
import org.junit.jupiter.api.Test;

/** What every {@link ConnectionStore} must do. Extend it and return an empty store. */
public abstract class ConnectionStoreContract {
  protected abstract ConnectionStore newStore() throws Exception;

  @Test
  public void aConnectionIsFoundByIdAndAsTheUsersPersonalOne() throws Exception {
    ConnectionStore store = newStore();
    Connection c = Samples.personal("crm", "alice");
    store.put(c);
    assertThat(store.find(c.id())).isEqualTo(c);
    assertThat(store.findPersonal("crm", "alice")).isEqualTo(c);
    assertThat(store.findPersonal("crm", "bob")).isNull();
    assertThat(store.findPersonal("wiki", "alice")).isNull();
  }

  @Test
  public void putReplacesTheConnectionWithTheSameId() throws Exception {
    ConnectionStore store = newStore();
    Connection c = Samples.personal("crm", "alice");
    store.put(c);
    store.put(c.withStatus(Connection.Status.CONNECTED).withName("My CRM"));
    assertThat(store.findPersonal("crm", "alice").status()).isEqualTo(Connection.Status.CONNECTED);
    assertThat(store.find(c.id()).name()).isEqualTo("My CRM");
  }

  @Test
  public void listByServerGivesEveryPersonalAndSharedConnectionOfThatServerOnly() throws Exception {
    ConnectionStore store = newStore();
    Connection alice = Samples.personal("crm", "alice");
    Connection bob = Samples.personal("crm", "bob");
    Connection service = Samples.shared("crm", "root");
    Connection wiki = Samples.personal("wiki", "alice");
    for (Connection c : new Connection[] {alice, bob, service, wiki}) {
      store.put(c);
    }
    assertThat(store.listByServer("crm")).containsExactlyInAnyOrder(alice, bob, service);
    assertThat(store.listByServer("none")).isEmpty();
    store.remove(bob.id());
    store.put(alice.withName("renamed"));
    assertThat(store.listByServer("crm")).containsExactlyInAnyOrder(alice.withName("renamed"),
        service);
  }

  @Test
  public void removeDeletesItEverywhere() throws Exception {
    ConnectionStore store = newStore();
    Connection c = Samples.personal("crm", "alice");
    store.put(c);
    assertThat(store.remove(c.id())).isTrue();
    assertThat(store.remove(c.id())).isFalse();
    assertThat(store.find(c.id())).isNull();
    assertThat(store.findPersonal("crm", "alice")).isNull();
  }
}
