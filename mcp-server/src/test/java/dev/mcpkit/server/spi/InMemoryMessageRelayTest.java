package dev.mcpkit.server.spi;

/** The default relay passes the contract. */
class InMemoryMessageRelayTest extends MessageRelayContract {
  @Override
  protected MessageRelay newRelay() {
    return MessageRelay.inMemory();
  }
}
