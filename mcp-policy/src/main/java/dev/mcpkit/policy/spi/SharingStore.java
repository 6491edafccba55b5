package dev.mcpkit.policy.spi;

import dev.mcpkit.policy.Sharing;
import java.io.IOException;

/**
 * With whom each registered server is shared.
 *
 * <p><b>Guarantees:</b> thread-safe; {@link #put} replaces atomically; a change is visible to the next
 * {@link #find} (so removing a person takes effect on their next call). <b>Failure:</b> throws
 * {@link IOException}; governed calls then fail closed.
 */
public interface SharingStore {
  /** Sets the sharing of {@code serverId}. */
  void put(String serverId, Sharing sharing) throws IOException;

  /** The sharing of {@code serverId}, or null when it was never shared (shared with nobody). */
  Sharing find(String serverId) throws IOException;

  /** Forgets the sharing of {@code serverId}; a no-op when there is none. */
  void remove(String serverId) throws IOException;
}
