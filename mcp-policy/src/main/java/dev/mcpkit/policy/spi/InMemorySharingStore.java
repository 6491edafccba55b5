package dev.mcpkit.policy.spi;

import dev.mcpkit.policy.Sharing;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** {@link SharingStore} in a concurrent map. */
public final class InMemorySharingStore implements SharingStore {
  private final ConcurrentHashMap<String, Sharing> sharing = new ConcurrentHashMap<>();

  @Override
  public void put(String serverId, Sharing value) {
    sharing.put(serverId, Objects.requireNonNull(value, "sharing"));
  }

  @Override
  public Sharing find(String serverId) {
    return sharing.get(serverId);
  }

  @Override
  public void remove(String serverId) {
    sharing.remove(serverId);
  }
}
