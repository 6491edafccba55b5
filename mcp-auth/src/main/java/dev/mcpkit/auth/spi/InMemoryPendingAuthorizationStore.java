package dev.mcpkit.auth.spi;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link PendingAuthorizationStore} in memory; expired entries are purged on every write. */
public final class InMemoryPendingAuthorizationStore implements PendingAuthorizationStore {
  private record Entry(byte[] value, Instant expiresAt) {}

  private final Map<String, Entry> entries = new ConcurrentHashMap<>();
  private final Clock clock;

  public InMemoryPendingAuthorizationStore() {
    this(Clock.systemUTC());
  }

  public InMemoryPendingAuthorizationStore(Clock clock) {
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  @Override
  public void put(String handle, byte[] ciphertext, Instant expiresAt) {
    Instant now = clock.instant();
    entries.values().removeIf(e -> !e.expiresAt().isAfter(now));
    entries.put(handle, new Entry(ciphertext.clone(), expiresAt));
  }

  @Override
  public byte[] take(String handle) {
    Entry entry = entries.remove(handle);
    if (entry == null || !entry.expiresAt().isAfter(clock.instant())) {
      return null;
    }
    return entry.value();
  }

  @Override
  public String toString() {
    return "InMemoryPendingAuthorizationStore[" + entries.size() + " pending]";
  }
}
