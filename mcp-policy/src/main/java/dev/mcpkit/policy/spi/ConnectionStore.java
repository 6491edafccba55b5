package dev.mcpkit.policy.spi;

import dev.mcpkit.policy.Connection;
import java.io.IOException;
import java.util.List;

/**
 * Connections (personal and shared), without their credentials, which mcp-auth keeps encrypted in its
 * token store.
 *
 * <p><b>Guarantees:</b> thread-safe; {@link #put} replaces atomically; at most one personal connection
 * per user and server is returned by {@link #findPersonal} (the latest put). <b>Failure:</b> throws
 * {@link IOException}; calls then fail closed.
 */
public interface ConnectionStore {
  /** Stores {@code connection} under its id, replacing any previous one. */
  void put(Connection connection) throws IOException;

  /** The connection with {@code connectionId}, or null. */
  Connection find(String connectionId) throws IOException;

  /** The personal connection of {@code userId} to {@code serverId}, or null. */
  Connection findPersonal(String serverId, String userId) throws IOException;

  /** Removes the connection; true if there was one. */
  boolean remove(String connectionId) throws IOException;

  /**
   * Every connection (personal and shared) to {@code serverId}, in no particular order: what the
   * connection picker and the tool catalogue's discovery read. The default throws, so a store
   * written before this method existed keeps working for everything else.
   */
  default List<Connection> listByServer(String serverId) throws IOException {
    throw new IOException(getClass().getName() + " does not list connections; implement "
        + "ConnectionStore.listByServer");
  }
}
