package dev.mcpkit.auth.internal;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;

/**
 * Remembers single-use identifiers (DPoP proof {@code jti}s, scoped by the proof key) until they can
 * no longer be accepted anyway, with a hard bound on how many it holds. When it is full of live
 * entries it refuses new ones rather than forget a live one, which would reopen a replay. Thread-safe;
 * entries expire by the injected clock.
 */
public final class ReplayCache {
  /** What {@link #firstUse} found. */
  public enum Use {
    FIRST,
    REPLAYED,
    FULL
  }

  private record Entry(String id, long expiresAtMillis) {}

  private final Clock clock;
  private final int capacity;
  private final Map<String, Long> live = new HashMap<>();
  private final ArrayDeque<Entry> byExpiry = new ArrayDeque<>();

  public ReplayCache(Clock clock, int capacity) {
    if (capacity < 1) {
      throw new IllegalArgumentException("replay cache capacity must be >= 1, got " + capacity);
    }
    this.clock = clock;
    this.capacity = capacity;
  }

  /**
   * Records {@code id} as used until {@code expiresAtMillis}. Entries are expected in roughly
   * increasing expiry order (a fixed acceptance window); an out-of-order one is still kept until
   * everything queued before it has expired.
   */
  public synchronized Use firstUse(String id, long expiresAtMillis) {
    long now = clock.millis();
    while (!byExpiry.isEmpty() && byExpiry.peekFirst().expiresAtMillis() <= now) {
      Entry gone = byExpiry.pollFirst();
      live.remove(gone.id(), gone.expiresAtMillis());
    }
    Long seen = live.get(id);
    if (seen != null && seen > now) {
      return Use.REPLAYED;
    }
    if (live.size() >= capacity) {
      return Use.FULL;
    }
    long until = byExpiry.isEmpty()
        ? expiresAtMillis : Math.max(expiresAtMillis, byExpiry.peekLast().expiresAtMillis());
    live.put(id, until);
    byExpiry.addLast(new Entry(id, until));
    return Use.FIRST;
  }

  public synchronized int size() {
    return live.size();
  }
}
