package dev.mcpkit.server.internal.protocol;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Named things a server offers (tools, prompts, resources), read without locks: every change
 * publishes a new immutable snapshot, sorted by name so lists and cursors are deterministic.
 */
public final class Registry<T> {
  private final String kind;
  private final Function<T, String> nameOf;
  private final BiConsumer<String, String> onChange;
  private volatile Snapshot<T> snapshot = new Snapshot<>(Map.of(), List.of());

  /**
   * @param kind what the things are, for messages ("tool")
   * @param onChange told (kind, name) after every add or remove
   */
  public Registry(String kind, Function<T, String> nameOf, BiConsumer<String, String> onChange) {
    this.kind = kind;
    this.nameOf = nameOf;
    this.onChange = onChange;
  }

  public T get(String name) {
    return snapshot.byName.get(name);
  }

  /** All, sorted by name. */
  public List<T> all() {
    return snapshot.sorted;
  }

  public int size() {
    return snapshot.sorted.size();
  }

  /** @throws IllegalArgumentException when the name is taken */
  public void add(T item) {
    String name = nameOf.apply(item);
    synchronized (this) {
      if (snapshot.byName.containsKey(name)) {
        throw new IllegalArgumentException(kind + " '" + name + "' is already registered; "
            + kind + " names must be unique (remove the old one first to replace it)");
      }
      Map<String, T> next = new HashMap<>(snapshot.byName);
      next.put(name, item);
      snapshot = Snapshot.of(next);
    }
    onChange.accept(kind, name);
  }

  public boolean remove(String name) {
    synchronized (this) {
      if (!snapshot.byName.containsKey(name)) {
        return false;
      }
      Map<String, T> next = new HashMap<>(snapshot.byName);
      next.remove(name);
      snapshot = Snapshot.of(next);
    }
    onChange.accept(kind, name);
    return true;
  }

  private record Snapshot<T>(Map<String, T> byName, List<T> sorted) {
    static <T> Snapshot<T> of(Map<String, T> byName) {
      String[] names = byName.keySet().toArray(new String[0]);
      Arrays.sort(names);
      List<T> sorted = new ArrayList<>(names.length);
      for (String n : names) {
        sorted.add(byName.get(n));
      }
      return new Snapshot<>(Map.copyOf(byName), Collections.unmodifiableList(sorted));
    }
  }
}
