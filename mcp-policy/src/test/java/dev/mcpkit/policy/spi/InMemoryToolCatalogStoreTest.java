package dev.mcpkit.policy.spi;

class InMemoryToolCatalogStoreTest extends ToolCatalogStoreContract {
  @Override
  protected ToolCatalogStore newStore() {
    return new InMemoryToolCatalogStore();
  }
}
