package dev.mcpkit.auth.spi;

import java.util.Map;

class AesGcmSecretCipherTest extends SecretCipherContract {
  @Override
  protected SecretCipher newCipher() {
    return SecretCipher.aesGcm(KeySource.of("k2",
        Map.of("k1", KeyMaterial.randomKey(), "k2", KeyMaterial.randomKey())));
  }
}
