package dev.mcpkit.auth.spi;

import java.security.SecureRandom;

final class KeyMaterial {
  private KeyMaterial() {}

  static byte[] randomKey() {
    byte[] key = new byte[32];
    new SecureRandom().nextBytes(key);
    return key;
  }
}
