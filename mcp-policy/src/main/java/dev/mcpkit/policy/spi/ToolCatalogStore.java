package dev.mcpkit.policy.spi;

import dev.mcpkit.policy.ToolCatalog;
import java.io.IOException;

/**
 * The tool catalogue of each registered server (every tool it offers, discovered with an admin's or
 * a shared connection's credentials), so that permissions can be set before any user connects.
 *
 * <p><b>Guarantees:</b> thread-safe; {@link #put} replaces a server's catalogue atomically (a reader
 * sees the old list or the new one, never a mix); a value read back equals the value written.
 * <b>Failure:</b> throws {@link IOException}; the permission screen then fails, calls are unaffected
 * (they decide with the live definition).
 */
public interface ToolCatalogStore {
  /** Stores {@code catalog} for its server, replacing any previous one. */
  void put(ToolCatalog catalog) throws IOException;

  /** The catalogue of {@code serverId}, or null when it was never discovered. */
  ToolCatalog find(String serverId) throws IOException;

  /** Forgets the catalogue of {@code serverId}; a no-op when there is none. */
  void remove(String serverId) throws IOException;
}
