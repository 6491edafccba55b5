package dev.mcpkit.auth.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AesGcmKeyRotationTest {
  private final byte[] k1 = KeyMaterial.randomKey();
  private final byte[] k2 = KeyMaterial.randomKey();
  private final byte[] aad = "aad".getBytes(StandardCharsets.UTF_8);

  @Test
  void valuesEncryptedUnderARotatedOutKeyStillDecryptAndAskToBeReEncrypted() throws Exception {
    SecretCipher before = SecretCipher.aesGcm(KeySource.of("k1", k1));
    byte[] old = before.encrypt("token".getBytes(StandardCharsets.UTF_8), aad);
    SecretCipher after = SecretCipher.aesGcm(KeySource.of("k2", Map.of("k1", k1, "k2", k2)));
    assertThat(new String(after.decrypt(old, aad), StandardCharsets.UTF_8)).isEqualTo("token");
    assertThat(after.needsReEncryption(old)).isTrue();
    assertThat(after.needsReEncryption(after.encrypt(new byte[] {1}, aad))).isFalse();
  }

  @Test
  void aRetiredKeyFailsWithAMessageNamingTheKeyIdButNoKeyMaterial() throws Exception {
    byte[] old = SecretCipher.aesGcm(KeySource.of("k1", k1)).encrypt(new byte[] {1}, aad);
    SecretCipher after = SecretCipher.aesGcm(KeySource.of("k2", k2));
    assertThatThrownBy(() -> after.decrypt(old, aad))
        .isInstanceOf(GeneralSecurityException.class)
        .hasMessageContaining("'k1'");
  }

  @Test
  void aKeySourceRejectsAWrongSizedKeyAndAnUnknownCurrentId() {
    assertThatThrownBy(() -> KeySource.of("k", new byte[7]))
        .hasMessageContaining("16, 24 or 32 bytes");
    assertThatThrownBy(() -> KeySource.of("missing", Map.of("k1", k1)))
        .hasMessageContaining("current key id 'missing'");
  }
}
