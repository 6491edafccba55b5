package dev.mcpkit.policy.spi;

import dev.mcpkit.policy.ServerRegistration;
import java.io.IOException;
import java.util.List;

/**
 * Registered servers, by id. Holds no secrets (those are in mcp-auth's encrypted token store).
 *
 * <p><b>Guarantees:</b> thread-safe; {@link #put} replaces atomically; a value read back equals the
 * value written; {@link #remove} of an absent id is a no-op returning false. <b>Failure:</b> throws
 * {@link IOException}; governed calls then fail closed and admin actions fail with nothing changed.
 */
public interface RegistryStore {
  /** Stores {@code registration} under its id, replacing any previous one. */
  void put(ServerRegistration registration) throws IOException;

  /** The registration with {@code serverId}, or null. */
  ServerRegistration find(String serverId) throws IOException;

  /** Every registration, in no particular order. */
  List<ServerRegistration> list() throws IOException;

  /** Removes the registration; true if there was one. */
  boolean remove(String serverId) throws IOException;
}
