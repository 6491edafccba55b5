package dev.mcpkit.server.internal.session;

import dev.mcpkit.server.spi.RequestStateStore;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link RequestStateStore}: a key given or drawn at random, and the ids of accepted
 * states in a map, purged of expired ids once it holds 1,024 or more.
 */
public final class InMemoryRequestStateStore implements RequestStateStore {
  private static final SecureRandom RANDOM = new SecureRandom();
  private final byte[] key;
  private final Map<String, Instant> used = new ConcurrentHashMap<>();

  public InMemoryRequestStateStore(byte[] key) {
    if (key == null) {
      this.key = new byte[32];
      RANDOM.nextBytes(this.key);
    } else if (key.length < 32) {
      throw new IllegalArgumentException("a requestState key must be at least 32 bytes (256 bits),"
          + " got " + key.length);
    } else {
      this.key = key.clone();
    }
  }

  @Override
  public byte[] key() {
    return key;
  }

  @Override
  public boolean claim(String id, Instant expiresAt) {
    if (used.size() >= 1024) {
      purge(Instant.now());
    }
    return used.putIfAbsent(id, expiresAt) == null;
  }

  private void purge(Instant now) {
    for (Iterator<Map.Entry<String, Instant>> it = used.entrySet().iterator(); it.hasNext(); ) {
      if (it.next().getValue().isBefore(now)) {
        it.remove();
      }
    }
  }
}
