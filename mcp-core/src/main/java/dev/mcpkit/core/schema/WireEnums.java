package dev.mcpkit.core.schema;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Parses the wire name of an enum constant with an error that lists the allowed names. */
final class WireEnums {
  private WireEnums() {}

  static <E extends Enum<E>> E parse(Class<E> type, String value, Function<E, String> wire) {
    for (E constant : type.getEnumConstants()) {
      if (wire.apply(constant).equals(value)) {
        return constant;
      }
    }
    throw new IllegalArgumentException("unknown " + type.getSimpleName() + " '" + value
        + "'; expected one of " + Arrays.stream(type.getEnumConstants()).map(wire)
        .collect(Collectors.joining(", ")));
  }
}
