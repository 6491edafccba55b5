package dev.mcpkit.policy.spi;

class InMemoryConnectionStoreTest extends ConnectionStoreContract {
  @Override
  protected ConnectionStore newStore() {
    return new InMemoryConnectionStore();
  }
}
