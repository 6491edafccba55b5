package dev.mcpkit.auth.spi;

import java.security.GeneralSecurityException;

/**
 * Encrypts secrets before they reach a store and decrypts them after. {@link #aesGcm(KeySource)} is the
 * default; a host may plug in a KMS or HSM instead.
 *
 * <p><b>Guarantees:</b> thread-safe; {@link #encrypt} is randomized (the same plaintext encrypts to
 * different ciphertexts); {@link #decrypt} authenticates: a ciphertext that was altered, truncated, made
 * under an unknown key or bound to other associated data fails with {@link GeneralSecurityException},
 * never with garbage plaintext. Exception messages never contain key material or plaintext.
 */
public interface SecretCipher {
  /** Encrypts {@code plaintext}, binding it to {@code associatedData} (which is not stored). */
  byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException;

  /** Reverses {@link #encrypt}; fails if the ciphertext or the associated data do not match. */
  byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException;

  /**
   * Whether {@code ciphertext} was made under a key other than the current one, so that a caller should
   * re-encrypt it. The default says no.
   */
  default boolean needsReEncryption(byte[] ciphertext) {
    return false;
  }

  /** AES-256/128-GCM with a random 96-bit nonce and the key id in a small header. */
  static SecretCipher aesGcm(KeySource keys) {
    return new AesGcmSecretCipher(keys);
  }
}
