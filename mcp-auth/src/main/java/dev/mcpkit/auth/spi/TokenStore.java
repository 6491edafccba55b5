package dev.mcpkit.auth.spi;

import dev.mcpkit.auth.TokenOwner;
import java.io.IOException;
import java.util.List;

/**
 * Persistence for encrypted credentials (OAuth tokens, API keys, dynamic client registrations), keyed by
 * owner, issuer and resource. Values are opaque ciphertext produced by a {@link SecretCipher}; a store
 * never sees a plaintext secret and needs no cryptography of its own.
 *
 * <p><b>Guarantees an implementation gives:</b> it is safe for concurrent use; {@link #put} replaces any
 * value under the key atomically (a reader sees the old or the new value, never a mix); a value read back
 * is byte-for-byte the value written; {@link #remove} of an absent key is a no-op. <b>Failure:</b> an
 * implementation throws {@link IOException} when its backing storage fails; mcp-auth then fails the
 * operation at hand and never falls back to plaintext or to a cached secret.
 *
 * <p>Within one {@code McpOAuth} instance, mcp-auth serializes concurrent refreshes of one credential
 * itself, and runs each refresh inside {@link #refreshExclusively}, so that instances in different
 * processes sharing a store refresh a credential once: a store shared by several processes overrides
 * it with a lock they all see (the default, for a store in one JVM, just runs the refresh).
 */
public interface TokenStore {
  /** The ciphertext stored under {@code key}, or null. */
  byte[] get(TokenKey key) throws IOException;

  /** Stores {@code ciphertext} under {@code key}, replacing any previous value. */
  void put(TokenKey key, byte[] ciphertext) throws IOException;

  /** Deletes the value under {@code key}, if any. */
  void remove(TokenKey key) throws IOException;

  /** Every key currently held for {@code owner}, in no particular order. */
  List<TokenKey> keys(TokenOwner owner) throws IOException;

  /**
   * Runs {@code refresh} (which reads the credential, renews it at the authorization server if it is
   * still the one that needs renewing, and writes it back) while no other caller sharing this store
   * runs a refresh for the same owner and resource. The default runs it directly: one {@code
   * McpOAuth} already serializes its own refreshes. A store shared by several processes overrides it,
   * for instance with a database lock; if the lock cannot be taken it throws and nothing is renewed.
   */
  default <T> T refreshExclusively(TokenOwner owner, String resource, Refresh<T> refresh)
      throws IOException {
    return refresh.run();
  }

  /** A refresh run by {@link #refreshExclusively}. */
  @FunctionalInterface
  interface Refresh<T> {
    T run() throws IOException;
  }
}
