package dev.mcpkit.auth.spi;

class InMemoryApiKeyStoreTest extends ApiKeyStoreContract {
  @Override
  protected ApiKeyStore newStore() {
    return new InMemoryApiKeyStore();
  }
}
