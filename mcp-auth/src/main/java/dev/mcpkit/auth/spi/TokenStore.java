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
 * itself, so a store needs no compare-and-set. Instances in different processes sharing a store do not
 * coordinate their refreshes.
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
}
