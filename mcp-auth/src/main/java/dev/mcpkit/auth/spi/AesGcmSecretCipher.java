package dev.mcpkit.auth.spi;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The default {@link SecretCipher}: AES-GCM, 128-bit tag, random 96-bit nonce. Layout of a ciphertext:
 * {@code version(1) | keyIdLength(1) | keyId | nonce(12) | ciphertext+tag}. The key id names the key in
 * the {@link KeySource}, so rotated keys keep decrypting old values.
 */
final class AesGcmSecretCipher implements SecretCipher {
  private static final byte VERSION = 1;
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;

  private final KeySource keys;
  private final SecureRandom random = new SecureRandom();

  AesGcmSecretCipher(KeySource keys) {
    this.keys = Objects.requireNonNull(keys, "keys");
  }

  @Override
  public byte[] encrypt(byte[] plaintext, byte[] associatedData) throws GeneralSecurityException {
    String keyId = keys.currentKeyId();
    SecretKey key = keys.key(keyId);
    if (key == null) {
      throw new GeneralSecurityException("the key source has no key for its current id '" + keyId + "'");
    }
    byte[] id = keyId.getBytes(StandardCharsets.UTF_8);
    if (id.length == 0 || id.length > 255) {
      throw new GeneralSecurityException("key id must be 1..255 bytes, got " + id.length);
    }
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
    cipher.updateAAD(associatedData);
    byte[] sealed = cipher.doFinal(plaintext);
    return ByteBuffer.allocate(2 + id.length + NONCE_BYTES + sealed.length)
        .put(VERSION)
        .put((byte) id.length)
        .put(id)
        .put(nonce)
        .put(sealed)
        .array();
  }

  @Override
  public byte[] decrypt(byte[] ciphertext, byte[] associatedData) throws GeneralSecurityException {
    String keyId = keyIdOf(ciphertext);
    SecretKey key = keys.key(keyId);
    if (key == null) {
      throw new GeneralSecurityException(
          "ciphertext was made under key '" + keyId + "', which the key source no longer has");
    }
    int offset = 2 + keyId.getBytes(StandardCharsets.UTF_8).length;
    if (ciphertext.length < offset + NONCE_BYTES + TAG_BITS / 8) {
      throw new GeneralSecurityException("ciphertext is truncated");
    }
    Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
    cipher.init(
        Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, ciphertext, offset, NONCE_BYTES));
    cipher.updateAAD(associatedData);
    try {
      int start = offset + NONCE_BYTES;
      return cipher.doFinal(ciphertext, start, ciphertext.length - start);
    } catch (AEADBadTagException e) {
      throw new AEADBadTagException(
          "ciphertext failed authentication: it was altered, or belongs to another entry");
    }
  }

  @Override
  public boolean needsReEncryption(byte[] ciphertext) {
    try {
      return !keyIdOf(ciphertext).equals(keys.currentKeyId());
    } catch (GeneralSecurityException e) {
      return false;
    }
  }

  private static String keyIdOf(byte[] ciphertext) throws GeneralSecurityException {
    if (ciphertext == null || ciphertext.length < 2) {
      throw new GeneralSecurityException("ciphertext is empty or truncated");
    }
    if (ciphertext[0] != VERSION) {
      throw new GeneralSecurityException(
          "unknown ciphertext format version " + ciphertext[0] + " (expected " + VERSION + ")");
    }
    int idLength = ciphertext[1] & 0xff;
    if (idLength == 0 || ciphertext.length < 2 + idLength) {
      throw new GeneralSecurityException("ciphertext header is truncated");
    }
    return new String(ciphertext, 2, idLength, StandardCharsets.UTF_8);
  }

  @Override
  public String toString() {
    return "AesGcmSecretCipher[" + keys + "]";
  }
}
