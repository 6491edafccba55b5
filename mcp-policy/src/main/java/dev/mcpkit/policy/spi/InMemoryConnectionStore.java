package dev.mcpkit.policy.spi;

import dev.mcpkit.policy.Connection;
import dev.mcpkit.policy.ConnectionMethod;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/** {@link ConnectionStore} in concurrent maps. */
public final class InMemoryConnectionStore implements ConnectionStore {
  private final ConcurrentHashMap<String, Connection> byId = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<Key, String> personal = new ConcurrentHashMap<>();

  @Override
  public synchronized void put(Connection connection) {
    Connection previous = byId.put(connection.id(), connection);
    if (previous != null && previous.method() == ConnectionMethod.PER_USER) {
      personal.remove(key(previous.serverId(), previous.ownerId()), previous.id());
    }
    if (connection.method() == ConnectionMethod.PER_USER) {
      personal.put(key(connection.serverId(), connection.ownerId()), connection.id());
    }
  }

  @Override
  public Connection find(String connectionId) {
    return byId.get(connectionId);
  }

  @Override
  public Connection findPersonal(String serverId, String userId) {
    String id = personal.get(key(serverId, userId));
    return id == null ? null : byId.get(id);
  }

  @Override
  public synchronized boolean remove(String connectionId) {
    Connection removed = byId.remove(connectionId);
    if (removed != null && removed.method() == ConnectionMethod.PER_USER) {
      personal.remove(key(removed.serverId(), removed.ownerId()), removed.id());
    }
    return removed != null;
  }

  @Override
  public List<Connection> listByServer(String serverId) {
    return byId.values().stream().filter(c -> c.serverId().equals(serverId)).toList();
  }

  /** A user's connection to a server: no text is built per lookup. */
  private static final class Key {
    private final String serverId;
    private final String userId;

    Key(String serverId, String userId) {
      this.serverId = serverId;
      this.userId = userId;
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && serverId.equals(k.serverId) && userId.equals(k.userId);
    }

    @Override
    public int hashCode() {
      return 31 * serverId.hashCode() + userId.hashCode();
    }
  }

  private static Key key(String serverId, String userId) {
    return new Key(serverId, userId);
  }
}
