package dev.mcpkit.auth.spi;

import java.io.IOException;
import java.time.Instant;

/**
 * Holds authorizations that were begun (the user was sent to the authorization server) until their
 * callback arrives. Each entry is encrypted (it contains the PKCE verifier) and filed under a handle
 * derived from the {@code state} parameter by hashing, so the store sees neither.
 *
 * <p><b>Guarantees:</b> thread-safe; {@link #take} is atomic and single-use: of two concurrent takes of
 * one handle at most one gets the value; an entry whose {@code expiresAt} has passed is never returned
 * (implementations may purge such entries lazily). <b>Failure:</b> {@link IOException} when the backing
 * storage fails; the authorization then fails and the user starts again.
 */
public interface PendingAuthorizationStore {
  /** Files {@code ciphertext} under {@code handle} until {@code expiresAt}. */
  void put(String handle, byte[] ciphertext, Instant expiresAt) throws IOException;

  /** Removes and returns the entry under {@code handle}, or null if absent or expired. */
  byte[] take(String handle) throws IOException;
}
