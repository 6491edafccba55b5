package dev.mcpkit.server.internal.http;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Requests (open streams included) that one client address has running at once on the JDK host,
 * where each holds a thread until it is answered: past the limit, one address cannot take the
 * threads every other client needs. Thread-safe; an address with nothing running has no entry.
 */
public final class AddressLimit {
  private final int max;
  private final Map<String, Integer> running = new ConcurrentHashMap<>();

  public AddressLimit(int max) {
    if (max < 1) {
      throw new IllegalArgumentException("the limit per address must be at least 1, got " + max);
    }
    this.max = max;
  }

  public int max() {
    return max;
  }

  /** Counts a request of {@code address} in; false (nothing counted) at the limit. */
  public boolean enter(String address) {
    int[] before = new int[1];
    running.compute(key(address), (k, n) -> {
      before[0] = n == null ? 0 : n;
      return before[0] >= max ? n : Integer.valueOf(before[0] + 1);
    });
    return before[0] < max;
  }

  /** Counts a request counted in by {@link #enter} out. */
  public void exit(String address) {
    running.computeIfPresent(key(address), (k, n) -> n <= 1 ? null : n - 1);
  }

  /** Requests of {@code address} running now. */
  public int running(String address) {
    return running.getOrDefault(key(address), 0);
  }

  private static String key(String address) {
    return address == null ? "unknown" : address;
  }
}
