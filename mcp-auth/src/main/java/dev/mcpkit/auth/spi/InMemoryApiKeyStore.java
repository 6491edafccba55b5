package dev.mcpkit.auth.spi;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** An {@link ApiKeyStore} in memory, indexed by hash. */
public final class InMemoryApiKeyStore implements ApiKeyStore {
  private final Map<String, ApiKeyRecord> byId = new ConcurrentHashMap<>();
  private final Map<String, ApiKeyRecord> byHash = new ConcurrentHashMap<>();

  @Override
  public synchronized void put(ApiKeyRecord record) {
    ApiKeyRecord previous = byId.put(record.id(), record);
    if (previous != null) {
      byHash.remove(previous.sha256Hex());
    }
    byHash.put(record.sha256Hex(), record);
  }

  @Override
  public ApiKeyRecord findBySha256(byte[] sha256) {
    return byHash.get(HexFormat.of().formatHex(sha256));
  }

  @Override
  public synchronized boolean remove(String id) {
    ApiKeyRecord removed = byId.remove(id);
    if (removed != null) {
      byHash.remove(removed.sha256Hex());
    }
    return removed != null;
  }

  @Override
  public List<ApiKeyRecord> list() {
    return List.copyOf(byId.values());
  }

  @Override
  public String toString() {
    return "InMemoryApiKeyStore[" + byId.size() + " keys]";
  }
}
