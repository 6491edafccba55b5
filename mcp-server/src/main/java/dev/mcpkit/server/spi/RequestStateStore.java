package dev.mcpkit.server.spi;

import dev.mcpkit.server.internal.session.InMemoryRequestStateStore;
import java.time.Instant;

/**
 * What the 2026-07-28 {@code requestState} of {@code input_required} answers needs to be shared
 * between instances: the HMAC key that protects it, and the record of states already accepted, so
 * that a state minted by one instance is accepted by any other, and only once across all of them.
 *
 * <p>Guarantees an implementation gives: every method is thread-safe; {@link #key} returns the same
 * bytes for the life of the store and on every instance that shares it; {@link #claim} returns true
 * for exactly one call per id, however many instances race, until {@code expiresAt} has passed (the
 * store may then forget the id; the server refuses an expired state before it claims it).
 *
 * <p>Failure: an exception from {@link #key} or {@link #claim} fails the request that needed it
 * (an internal error); the state is neither accepted nor lost, so the client may retry it.
 */
public interface RequestStateStore {
  /** The HMAC-SHA256 key, at least 32 bytes; the caller must not modify the array. */
  byte[] key();

  /**
   * Records that the state with nonce {@code id} was accepted. True the first time, false when it
   * was claimed before.
   */
  boolean claim(String id, Instant expiresAt);

  /** A random key and the accepted states in this JVM's memory: protection holds per JVM. */
  static RequestStateStore inMemory() {
    return new InMemoryRequestStateStore(null);
  }

  /**
   * The host's key (at least 32 bytes, copied) and the accepted states in this JVM's memory: states
   * survive a restart and are accepted by instances with the same key, but a replay to another
   * instance is only refused by a shared store.
   */
  static RequestStateStore inMemory(byte[] key) {
    return new InMemoryRequestStateStore(key);
  }
}
