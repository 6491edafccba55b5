package dev.mcpkit.auth.spi;

class InMemoryTokenStoreTest extends TokenStoreContract {
  @Override
  protected TokenStore newStore() {
    return new InMemoryTokenStore();
  }
}
