package dev.mcpkit.policy.spi;

class InMemoryRegistryStoreTest extends RegistryStoreContract {
  @Override
  protected RegistryStore newStore() {
    return new InMemoryRegistryStore();
  }
}
