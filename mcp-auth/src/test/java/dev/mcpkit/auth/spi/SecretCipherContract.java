package dev.mcpkit.auth.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import org.junit.jupiter.api.Test;

/** What every {@link SecretCipher} must do. Extend it and return a cipher with a working key. */
public abstract class SecretCipherContract {
  protected abstract SecretCipher newCipher() throws Exception;

  private static final byte[] AAD = "owner|issuer|resource".getBytes(StandardCharsets.UTF_8);
  private static final byte[] SECRET = "refresh-token-value".getBytes(StandardCharsets.UTF_8);

  @Test
  public void decryptReversesEncrypt() throws Exception {
    SecretCipher cipher = newCipher();
    assertThat(cipher.decrypt(cipher.encrypt(SECRET, AAD), AAD)).isEqualTo(SECRET);
  }

  @Test
  public void ciphertextIsRandomizedAndDoesNotContainThePlaintext() throws Exception {
    SecretCipher cipher = newCipher();
    byte[] a = cipher.encrypt(SECRET, AAD);
    byte[] b = cipher.encrypt(SECRET, AAD);
    assertThat(a).isNotEqualTo(b);
    assertThat(new String(a, StandardCharsets.ISO_8859_1)).doesNotContain("refresh-token-value");
  }

  @Test
  public void alteredCiphertextFailsAndNeverYieldsGarbage() throws Exception {
    SecretCipher cipher = newCipher();
    byte[] sealed = cipher.encrypt(SECRET, AAD);
    sealed[sealed.length - 1] ^= 1;
    assertThatThrownBy(() -> cipher.decrypt(sealed, AAD))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  public void ciphertextMovedToAnotherEntryFails() throws Exception {
    SecretCipher cipher = newCipher();
    byte[] sealed = cipher.encrypt(SECRET, AAD);
    byte[] otherAad = "bob|issuer|resource".getBytes(StandardCharsets.UTF_8);
    assertThatThrownBy(() -> cipher.decrypt(sealed, otherAad))
        .isInstanceOf(GeneralSecurityException.class);
  }

  @Test
  public void truncatedOrEmptyCiphertextFails() throws Exception {
    SecretCipher cipher = newCipher();
    byte[] sealed = cipher.encrypt(SECRET, AAD);
    assertThatThrownBy(() -> cipher.decrypt(java.util.Arrays.copyOf(sealed, 10), AAD))
        .isInstanceOf(GeneralSecurityException.class);
    assertThatThrownBy(() -> cipher.decrypt(new byte[0], AAD))
        .isInstanceOf(GeneralSecurityException.class);
  }
}
