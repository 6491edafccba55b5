package dev.mcpkit.policy.internal;

import dev.mcpkit.auth.TokenOwner;
import dev.mcpkit.auth.spi.SecretCipher;
import dev.mcpkit.auth.spi.TokenKey;
import dev.mcpkit.auth.spi.TokenStore;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;

/**
 * Custom OAuth client secrets of registered servers, encrypted with mcp-auth's {@link SecretCipher}
 * (bound to the entry's key) and kept in its {@link TokenStore}.
 */
public final class SecretVault {
  static final String ISSUER = "urn:mcpkit:policy:oauth-client-secret";

  private final TokenStore store;
  private final SecretCipher cipher;

  public SecretVault(TokenStore store, SecretCipher cipher) {
    this.store = store;
    this.cipher = cipher;
  }

  public void put(String serverId, String secret) throws IOException {
    TokenKey key = key(serverId);
    try {
      store.put(key, cipher.encrypt(secret.getBytes(StandardCharsets.UTF_8), key.associatedData()));
    } catch (GeneralSecurityException e) {
      throw new IOException("could not encrypt the OAuth client secret of server '" + serverId
          + "'", e);
    }
  }

  /** The secret, or null when none is stored. */
  public String get(String serverId) throws IOException {
    TokenKey key = key(serverId);
    byte[] sealed = store.get(key);
    if (sealed == null) {
      return null;
    }
    try {
      return new String(cipher.decrypt(sealed, key.associatedData()), StandardCharsets.UTF_8);
    } catch (GeneralSecurityException e) {
      throw new IOException("the stored OAuth client secret of server '" + serverId
          + "' does not decrypt (altered, or encrypted under an unknown key)", e);
    }
  }

  public void remove(String serverId) throws IOException {
    store.remove(key(serverId));
  }

  private static TokenKey key(String serverId) {
    return new TokenKey(TokenOwner.shared("server-registration:" + serverId), ISSUER, serverId);
  }
}
