package dev.mcpkit.auth.spi;

import java.security.SecureRandom;
import java.util.Map;
import org.junit.jupiter.api.Nested;

/** The in-memory defaults pass the SPI contracts. */
class InMemoryStoresTest {
  static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }

  @Nested
  class TokenStoreTest extends TokenStoreContract {
    @Override
    protected TokenStore newStore() {
      return new InMemoryTokenStore();
    }
  }

  @Nested
  class AesGcmCipherTest extends SecretCipherContract {
    @Override
    protected SecretCipher newCipher() {
      return SecretCipher.aesGcm(KeySource.of("k2", Map.of("k1", randomKey(), "k2", randomKey())));
    }
  }

  @Nested
  class PendingStoreTest extends PendingAuthorizationStoreContract {
    @Override
    protected PendingAuthorizationStore newStore() {
      return new InMemoryPendingAuthorizationStore();
    }
  }

  @Nested
  class ApiKeyStoreTest extends ApiKeyStoreContract {
    @Override
    protected ApiKeyStore newStore() {
      return new InMemoryApiKeyStore();
    }
  }
}
