package dev.mcpkit.server.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The default request-state store passes the contract, with a random key or the host's. */
class InMemoryRequestStateStoreTest extends RequestStateStoreContract {
  @Override
  protected RequestStateStore newStore() {
    return RequestStateStore.inMemory();
  }

  @Test
  void aHostKeyIsUsedAsGivenAndCopied() {
    byte[] key = new byte[32];
    key[0] = 7;
    RequestStateStore s = RequestStateStore.inMemory(key);
    key[0] = 9;

    assertThat(s.key()[0]).isEqualTo((byte) 7);
  }

  @Test
  void aKeyShorterThan256BitsIsRefused() {
    assertThatThrownBy(() -> RequestStateStore.inMemory(new byte[31]))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("32 bytes");
  }
}
