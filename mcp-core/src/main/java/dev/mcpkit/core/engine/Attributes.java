package dev.mcpkit.core.engine;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.util.Objects;

/**
 * Typed values that travel with a connection or a request: the caller's principal, the session id,
 * the negotiated protocol version. Thread-safe. A request's attributes fall back to its connection's.
 */
public final class Attributes {
  // keys at even indexes, their values after them; a slot, once it holds a key, keeps it. A
  // request carries a handful of attributes, so a scan is as fast as a hash lookup, and a request's
  // attributes cost one small array instead of a concurrent map with its table and nodes.
  private static final VarHandle SLOT = MethodHandles.arrayElementVarHandle(Object[].class);
  private static final Object[] EMPTY = new Object[0];

  private volatile Object[] slots = EMPTY;
  private final Attributes parent;

  public Attributes() {
    this(null);
  }

  public Attributes(Attributes parent) {
    this.parent = parent;
  }

  /** The value for a key, here or in the parent, or null. */
  public <T> T get(Key<T> key) {
    Object[] s = slots;
    for (int i = 0; i < s.length; i += 2) {
      Object k = SLOT.getAcquire(s, i);
      if (k == null) {
        break;
      }
      if (k == key) {
        Object v = SLOT.getAcquire(s, i + 1);
        if (v != null) {
          return key.type.cast(v);
        }
        break;
      }
    }
    return parent != null ? parent.get(key) : null;
  }

  /** Sets a value; null removes it. Returns this. */
  public <T> Attributes put(Key<T> key, T value) {
    Object checked = value == null ? null : key.type.cast(value);
    synchronized (this) {
      Object[] s = slots;
      int i = 0;
      for (; i < s.length; i += 2) {
        Object k = s[i];
        if (k == null) {
          break;
        }
        if (k == key) {
          SLOT.setRelease(s, i + 1, checked);
          return this;
        }
      }
      if (checked == null) {
        return this;
      }
      if (i == s.length) {
        s = java.util.Arrays.copyOf(s, Math.max(8, s.length * 2));
        s[i + 1] = checked;
        s[i] = key;
        slots = s; // the volatile write publishes the copy and what it holds
        return this;
      }
      SLOT.setRelease(s, i + 1, checked); // the value first: a reader that sees the key sees it
      SLOT.setRelease(s, i, key);
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
