package dev.mcpkit.policy.spi;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.policy.ServerRegistration;
import org.junit.jupiter.api.Test;

/** What every {@link RegistryStore} must do. Extend it and return an empty store. */
public abstract class RegistryStoreContract {
  protected abstract RegistryStore newStore() throws Exception;

  @Test
  public void aRegistrationReadsBackEqualToWhatWasPut() throws Exception {
    RegistryStore store = newStore();
    ServerRegistration crm = Samples.server("crm");
    store.put(crm);
    assertThat(store.find("crm")).isEqualTo(crm);
    assertThat(store.list()).containsExactly(crm);
  }

  @Test
  public void putReplacesTheRegistrationWithTheSameId() throws Exception {
    RegistryStore store = newStore();
    store.put(Samples.server("crm"));
    ServerRegistration renamed = ServerRegistration.builder("crm").name("CRM v2")
        .url("https://crm.example/mcp").build();
    store.put(renamed);
    assertThat(store.find("crm").name()).isEqualTo("CRM v2");
    assertThat(store.list()).hasSize(1);
  }

  @Test
  public void removeForgetsAndReportsWhetherThereWasOne() throws Exception {
    RegistryStore store = newStore();
    store.put(Samples.server("crm"));
    assertThat(store.remove("crm")).isTrue();
    assertThat(store.remove("crm")).isFalse();
    assertThat(store.find("crm")).isNull();
    assertThat(store.list()).isEmpty();
  }
}
