package dev.mcpkit.policy.spi;

class InMemorySharingStoreTest extends SharingStoreContract {
  @Override
  protected SharingStore newStore() {
    return new InMemorySharingStore();
  }
}
