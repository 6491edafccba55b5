package dev.mcpkit.core.engine;

import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Typed values that travel with a connection or a request: the caller's principal, the session id,
 * the negotiated protocol version. Thread-safe. A request's attributes fall back to its connection's.
 */
public final class Attributes {
  private final ConcurrentHashMap<Key<?>, Object> values = new ConcurrentHashMap<>(4);
  private final Attributes parent;

  public Attributes() {
    this(null);
  }

  public Attributes(Attributes parent) {
    this.parent = parent;
  }

  /** The value for a key, here or in the parent, or null. */
  public <T> T get(Key<T> key) {
    Object v = values.get(key);
    if (v == null && parent != null) {
      return parent.get(key);
    }
    return key.type.cast(v);
  }

  /** Sets a value; null removes it. Returns this. */
  public <T> Attributes put(Key<T> key, T value) {
    if (value == null) {
      values.remove(key);
    } else {
      values.put(key, key.type.cast(value));
    }
    return this;
  }

  /** A typed key; keys are compared by identity, so keep them in constants. */
  public static final class Key<T> {
    private final String name;
    private final Class<T> type;

    private Key(String name, Class<T> type) {
      this.name = Objects.requireNonNull(name, "name");
      this.type = Objects.requireNonNull(type, "type");
    }

    public static <T> Key<T> of(String name, Class<T> type) {
      return new Key<>(name, type);
    }

    public String name() {
      return name;
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
