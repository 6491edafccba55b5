package dev.mcpkit.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Defensive copies for record components; {@code null} stays {@code null} except for extras. */
final class Immutable {
  private Immutable() {}

  static <T> List<T> list(List<T> list) {
    return list == null ? null : List.copyOf(list);
  }

  static <V> Map<String, V> map(Map<String, V> map) {
    return map == null ? null : Collections.unmodifiableMap(new LinkedHashMap<>(map));
  }

  /** Unknown fields: never {@code null}, insertion order kept so they are written back as read. */
  static Map<String, JsonNode> extra(Map<String, JsonNode> extra) {
    return extra == null || extra.isEmpty()
        ? Map.of()
        : Collections.unmodifiableMap(new LinkedHashMap<>(extra));
  }

  static <T> T required(T value, String what) {
    if (value == null) {
      throw new IllegalArgumentException(what + " is required");
    }
    return value;
  }
}
