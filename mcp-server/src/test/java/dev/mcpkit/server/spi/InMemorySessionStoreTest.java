package dev.mcpkit.server.spi;

/** The default session store passes the contract. */
class InMemorySessionStoreTest extends SessionStoreContract {
  @Override
  protected SessionStore newStore() {
    return SessionStore.inMemory();
  }
}
