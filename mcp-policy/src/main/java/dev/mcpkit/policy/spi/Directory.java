package dev.mcpkit.policy.spi;

import dev.mcpkit.policy.Principal;
import java.io.IOException;

/**
 * Who a user is, from the host's identity system: their groups and admin roles. Consulted on every
 * governed call, so a removed group or role takes effect on the user's next call.
 *
 * <p><b>Guarantees:</b> thread-safe; fast (called on every decision; cache in the implementation if the
 * identity system is remote). <b>Failure:</b> throws {@link IOException} when the identity system cannot
 * answer; the call then fails closed (nothing runs).
 */
@FunctionalInterface
public interface Directory {
  /** The user with {@code userId}, or null when there is no such user (the call is then denied). */
  Principal find(String userId) throws IOException;
}
