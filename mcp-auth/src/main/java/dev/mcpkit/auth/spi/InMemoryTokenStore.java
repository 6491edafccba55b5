package dev.mcpkit.auth.spi;

import dev.mcpkit.auth.TokenOwner;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link TokenStore} in a concurrent map: for tests, single-instance hosts and development. */
public final class InMemoryTokenStore implements TokenStore {
  private final Map<TokenKey, byte[]> values = new ConcurrentHashMap<>();

  @Override
  public byte[] get(TokenKey key) {
    byte[] value = values.get(key);
    return value == null ? null : value.clone();
  }

  @Override
  public void put(TokenKey key, byte[] ciphertext) {
    values.put(key, ciphertext.clone());
  }

  @Override
  public void remove(TokenKey key) {
    values.remove(key);
  }

  @Override
  public List<TokenKey> keys(TokenOwner owner) {
    return values.keySet().stream().filter(k -> k.owner().equals(owner)).toList();
  }

  @Override
  public String toString() {
    return "InMemoryTokenStore[" + values.size() + " entries]";
  }
}
