package dev.mcpkit.policy.spi;

import dev.mcpkit.policy.ToolCatalog;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ToolCatalogStore} in a concurrent map. */
public final class InMemoryToolCatalogStore implements ToolCatalogStore {
  private final ConcurrentHashMap<String, ToolCatalog> catalogs = new ConcurrentHashMap<>();

  @Override
  public void put(ToolCatalog catalog) {
    catalogs.put(catalog.serverId(), Objects.requireNonNull(catalog, "catalog"));
  }

  @Override
  public ToolCatalog find(String serverId) {
    return catalogs.get(serverId);
  }

  @Override
  public void remove(String serverId) {
    catalogs.remove(serverId);
  }
}
