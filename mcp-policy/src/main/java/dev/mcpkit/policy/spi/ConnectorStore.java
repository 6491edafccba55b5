package dev.mcpkit.policy.spi;

import dev.mcpkit.policy.AgentConnector;
import java.io.IOException;
import java.util.List;

/**
 * Agent connectors and their tool permissions (a connector carries its {@code rules}), keyed by agent
 * and server.
 *
 * <p><b>Guarantees:</b> thread-safe; {@link #put} replaces the connector for its agent and server
 * atomically (permissions are written together with the connector, never half); a change is visible to
 * the next {@link #find}. The engine serializes its own read-modify-write of one connector within a
 * JVM; hosts running several instances should let only one apply admin changes at a time or make
 * {@code put} conditional. <b>Failure:</b> throws {@link IOException}; calls then fail closed.
 */
public interface ConnectorStore {
  /** Stores {@code connector}, replacing the one of the same agent and server. */
  void put(AgentConnector connector) throws IOException;

  /** The connector of {@code serverId} on {@code agentId}, or null. */
  AgentConnector find(String agentId, String serverId) throws IOException;

  /** Every connector of {@code agentId}, in no particular order. */
  List<AgentConnector> list(String agentId) throws IOException;

  /** Detaches; true if there was a connector. */
  boolean remove(String agentId, String serverId) throws IOException;

  /**
   * Replaces the stored connector with {@code updated} if and only if it still equals {@code
   * expected} (same agent and server); returns whether it did. The default reads, compares and puts,
   * which is atomic only against callers of this JVM that synchronize on the store; a store shared by
   * several instances must override it with one atomic conditional write.
   */
  default boolean replace(AgentConnector expected, AgentConnector updated) throws IOException {
    synchronized (this) {
      if (!expected.equals(find(expected.agentId(), expected.serverId()))) {
        return false;
      }
      put(updated);
      return true;
    }
  }

  /**
   * Claims the one report of a drifted tool definition: returns true for the first claim of this
   * agent, server, tool and definition hash, false for every later one (from any instance sharing
   * the store), so that drift is logged once. The default always returns true, leaving the
   * de-duplication to each JVM.
   */
  default boolean claimDriftReport(String agentId, String serverId, String tool,
      String definitionHash) throws IOException {
    return true;
  }
}
