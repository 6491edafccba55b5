package dev.mcpkit.policy.spi;

import dev.mcpkit.policy.ServerRegistration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** {@link RegistryStore} in a concurrent map. */
public final class InMemoryRegistryStore implements RegistryStore {
  private final ConcurrentHashMap<String, ServerRegistration> servers = new ConcurrentHashMap<>();

  @Override
  public void put(ServerRegistration registration) {
    servers.put(registration.id(), registration);
  }

  @Override
  public ServerRegistration find(String serverId) {
    return servers.get(serverId);
  }

  @Override
  public List<ServerRegistration> list() {
    return List.copyOf(servers.values());
  }

  @Override
  public boolean remove(String serverId) {
    return servers.remove(serverId) != null;
  }
}
