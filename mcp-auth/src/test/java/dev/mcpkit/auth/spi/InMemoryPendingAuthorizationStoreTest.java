package dev.mcpkit.auth.spi;

class InMemoryPendingAuthorizationStoreTest extends PendingAuthorizationStoreContract {
  @Override
  protected PendingAuthorizationStore newStore() {
    return new InMemoryPendingAuthorizationStore();
  }
}
