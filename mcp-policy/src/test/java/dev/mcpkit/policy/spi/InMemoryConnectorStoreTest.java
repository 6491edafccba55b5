package dev.mcpkit.policy.spi;

class InMemoryConnectorStoreTest extends ConnectorStoreContract {
  @Override
  protected ConnectorStore newStore() {
    return new InMemoryConnectorStore();
  }
}
