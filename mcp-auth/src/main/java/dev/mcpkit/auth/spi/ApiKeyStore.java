package dev.mcpkit.auth.spi;

import java.io.IOException;
import java.util.List;

/**
 * Persistence for the server side's API keys, which are kept as SHA-256 hashes only. The verifier looks a
 * presented key up by its hash and then compares the hashes again in constant time.
 *
 * <p><b>Guarantees:</b> thread-safe; ids and hashes are unique ({@link #put} of an existing id replaces
 * that record); a {@link #remove}d key is never found again (revocation takes effect for the next
 * request). <b>Failure:</b> {@link IOException} when the backing storage fails; verification then fails
 * the request with an error (it never lets a request through unverified).
 */
public interface ApiKeyStore {
  /** Stores (or replaces) a key record. */
  void put(ApiKeyRecord record) throws IOException;

  /** The record whose hash is {@code sha256}, or null. */
  ApiKeyRecord findBySha256(byte[] sha256) throws IOException;

  /** Revokes the key with {@code id}; true if there was one. */
  boolean remove(String id) throws IOException;

  /** Every key record, in no particular order. */
  List<ApiKeyRecord> list() throws IOException;
}
