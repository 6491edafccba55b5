package dev.mcpkit.auth.spi;

import dev.mcpkit.auth.TokenOwner;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/** A {@link TokenStore} in a concurrent map: for tests, single-instance hosts and development. */
public final class InMemoryTokenStore implements TokenStore {
  private final Map<TokenKey, byte[]> values = new ConcurrentHashMap<>();
  private final ReentrantLock[] refreshLocks = new ReentrantLock[32];

  public InMemoryTokenStore() {
    for (int i = 0; i < refreshLocks.length; i++) {
      refreshLocks[i] = new ReentrantLock();
    }
  }

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

  /** Refreshes of one owner and resource run one at a time in this JVM. */
  @Override
  public <T> T refreshExclusively(TokenOwner owner, String resource, Refresh<T> refresh)
      throws IOException {
    ReentrantLock lock = refreshLocks[Math.floorMod(Objects.hash(owner, resource),
        refreshLocks.length)];
    lock.lock();
    try {
      return refresh.run();
    } finally {
      lock.unlock();
    }
  }

  @Override
  public String toString() {
    return "InMemoryTokenStore[" + values.size() + " entries]";
  }
}
