package dev.mcpkit.policy.internal;

import dev.mcpkit.auth.TokenOwner;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * Values per credential owner, looked up by the owner's kind and id (strings with cached hashes)
 * rather than by a {@link TokenOwner} record, whose generated {@code equals} and {@code hashCode}
 * showed up in profiles of governed calls.
 */
final class OwnerMap<V> {
  private final Map<String, V> users = new ConcurrentHashMap<>();
  private final Map<String, V> shared = new ConcurrentHashMap<>();

  private Map<String, V> of(TokenOwner owner) {
    return owner.kind() == TokenOwner.Kind.USER ? users : shared;
  }

  V get(TokenOwner owner) {
    return of(owner).get(owner.id());
  }

  void put(TokenOwner owner, V value) {
    of(owner).put(owner.id(), value);
  }

  V remove(TokenOwner owner) {
    return of(owner).remove(owner.id());
  }

  boolean remove(TokenOwner owner, V value) {
    return of(owner).remove(owner.id(), value);
  }

  void forEach(Consumer<V> action) {
    users.values().forEach(action);
    shared.values().forEach(action);
  }
}
