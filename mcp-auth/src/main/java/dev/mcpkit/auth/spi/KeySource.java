package dev.mcpkit.auth.spi;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The host's key material for encryption at rest. New values are encrypted with {@link #currentKeyId()};
 * values encrypted under an older key still decrypt as long as {@link #key(String)} returns it, which is
 * how keys rotate: add a new key, make it current, keep the old ones until every value was re-encrypted
 * (mcp-auth re-encrypts a value under the current key whenever it reads one under an older key).
 *
 * <p><b>Guarantees:</b> thread-safe; {@link #key} is fast (it is called on every decryption) and returns
 * null for an unknown id rather than throwing. Key ids are short printable strings (at most 255 bytes)
 * and appear in ciphertext headers; keys never appear anywhere.
 */
public interface KeySource {
  /** The id of the key new values are encrypted with. */
  String currentKeyId();

  /** The key with {@code keyId}, or null if this source does not (or no longer) know it. */
  SecretKey key(String keyId);

  /**
   * A fixed key source: {@code keys} maps ids to raw AES keys (16, 24 or 32 bytes), {@code currentKeyId}
   * names the one used for new values. The arrays are copied.
   */
  static KeySource of(String currentKeyId, Map<String, byte[]> keys) {
    Objects.requireNonNull(currentKeyId, "currentKeyId");
    Map<String, SecretKey> copy = new LinkedHashMap<>();
    keys.forEach(
        (id, raw) -> {
          int n = raw.length;
          if (n != 16 && n != 24 && n != 32) {
            throw new IllegalArgumentException(
                "AES key '" + id + "' must be 16, 24 or 32 bytes, got " + n);
          }
          copy.put(id, new SecretKeySpec(raw.clone(), "AES"));
        });
    if (!copy.containsKey(currentKeyId)) {
      throw new IllegalArgumentException(
          "current key id '" + currentKeyId + "' is not among the keys " + copy.keySet());
    }
    Map<String, SecretKey> frozen = Map.copyOf(copy);
    return new KeySource() {
      @Override
      public String currentKeyId() {
        return currentKeyId;
      }

      @Override
      public SecretKey key(String keyId) {
        return frozen.get(keyId);
      }

      @Override
      public String toString() {
        return "KeySource[current=" + currentKeyId + ", ids=" + frozen.keySet() + "]";
      }
    };
  }

  /** A source with a single key. */
  static KeySource of(String keyId, byte[] key) {
    return of(keyId, Map.of(keyId, key));
  }
}
