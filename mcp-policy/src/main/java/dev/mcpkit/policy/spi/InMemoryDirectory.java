package dev.mcpkit.policy.spi;

import dev.mcpkit.policy.Principal;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** A directory held in a map, for tests, examples and hosts with a static user list. Thread-safe. */
public final class InMemoryDirectory implements Directory {
  private final ConcurrentHashMap<String, Principal> users = new ConcurrentHashMap<>();

  /** Adds or replaces {@code principal}. */
  public InMemoryDirectory put(Principal principal) {
    users.put(principal.id(), Objects.requireNonNull(principal, "principal"));
    return this;
  }

  /** Removes the user; true if there was one. */
  public boolean remove(String userId) {
    return users.remove(userId) != null;
  }

  @Override
  public Principal find(String userId) {
    return users.get(userId);
  }
}
