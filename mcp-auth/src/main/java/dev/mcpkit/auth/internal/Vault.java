package dev.mcpkit.auth.internal;

import dev.mcpkit.auth.McpAuthException;
import dev.mcpkit.auth.TokenOwner;
import dev.mcpkit.auth.spi.SecretCipher;
import dev.mcpkit.auth.spi.TokenKey;
import dev.mcpkit.auth.spi.TokenStore;
import dev.mcpkit.core.json.McpJson;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.util.List;
import java.util.Objects;

/**
 * The only way mcp-auth reads or writes a {@link TokenStore}: values are serialized to JSON, encrypted
 * with the {@link SecretCipher} bound to their key, and only ciphertext reaches the store. A value that
 * was encrypted under an older key is re-encrypted under the current one when read.
 */
public final class Vault {
  private final TokenStore store;
  private final SecretCipher cipher;

  public Vault(TokenStore store, SecretCipher cipher) {
    this.store = Objects.requireNonNull(store, "store");
    this.cipher = Objects.requireNonNull(cipher, "cipher");
  }

  public <T> T read(TokenKey key, Class<T> type) throws IOException {
    byte[] ciphertext = store.get(key);
    if (ciphertext == null) {
      return null;
    }
    byte[] plaintext;
    try {
      plaintext = cipher.decrypt(ciphertext, key.associatedData());
    } catch (GeneralSecurityException e) {
      throw new McpAuthException(
          "the stored credential of "
              + key.owner()
              + " for "
              + key.resource()
              + " could not be decrypted ("
              + e.getMessage()
              + "); it was left in place: restore the key that encrypted it, or disconnect and"
              + " connect again");
    }
    T value;
    try {
      value = McpJson.mapper().readValue(plaintext, type);
    } catch (IOException e) {
      throw new McpAuthException(
          "the stored credential of " + key.owner() + " for " + key.resource()
              + " decrypted but is not a " + type.getSimpleName() + "; disconnect and connect again");
    } finally {
      java.util.Arrays.fill(plaintext, (byte) 0);
    }
    if (cipher.needsReEncryption(ciphertext)) {
      write(key, value);
    }
    return value;
  }

  public void write(TokenKey key, Object value) throws IOException {
    byte[] plaintext = McpJson.mapper().writeValueAsBytes(value);
    try {
      store.put(key, cipher.encrypt(plaintext, key.associatedData()));
    } catch (GeneralSecurityException e) {
      throw new McpAuthException("could not encrypt a credential for " + key.owner() + ": "
          + e.getMessage(), e);
    } finally {
      java.util.Arrays.fill(plaintext, (byte) 0);
    }
  }

  public void remove(TokenKey key) throws IOException {
    store.remove(key);
  }

  /** Runs {@code refresh} under the store's cross-instance refresh lock for this credential. */
  public <T> T exclusively(TokenOwner owner, String resource, TokenStore.Refresh<T> refresh)
      throws IOException {
    return store.refreshExclusively(owner, resource, refresh);
  }

  public List<TokenKey> keys(TokenOwner owner) throws IOException {
    return store.keys(owner);
  }

  public byte[] seal(byte[] plaintext, byte[] associatedData) throws McpAuthException {
    try {
      return cipher.encrypt(plaintext, associatedData);
    } catch (GeneralSecurityException e) {
      throw new McpAuthException("could not encrypt: " + e.getMessage(), e);
    }
  }

  public byte[] open(byte[] ciphertext, byte[] associatedData) throws McpAuthException {
    try {
      return cipher.decrypt(ciphertext, associatedData);
    } catch (GeneralSecurityException e) {
      throw new McpAuthException("could not decrypt: " + e.getMessage(), e);
    }
  }
}
