package dev.mcpkit.core.jsonschema.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZonedDateTime;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/** Schemas of the Java types that map to one JSON scalar (or to any JSON, for JsonNode). */
final class Scalars {
  private static final String TIME = "\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?";

  private static final Map<Class<?>, Supplier<ObjectNode>> SCHEMAS = Map.ofEntries(
      Map.entry(String.class, () -> typed("string")),
      Map.entry(boolean.class, () -> typed("boolean")),
      Map.entry(Boolean.class, () -> typed("boolean")),
      Map.entry(char.class, Scalars::character),
      Map.entry(Character.class, Scalars::character),
      Map.entry(byte.class, () -> integer(Byte.MIN_VALUE, Byte.MAX_VALUE)),
      Map.entry(Byte.class, () -> integer(Byte.MIN_VALUE, Byte.MAX_VALUE)),
      Map.entry(short.class, () -> integer(Short.MIN_VALUE, Short.MAX_VALUE)),
      Map.entry(Short.class, () -> integer(Short.MIN_VALUE, Short.MAX_VALUE)),
      Map.entry(int.class, () -> integer(Integer.MIN_VALUE, Integer.MAX_VALUE)),
      Map.entry(Integer.class, () -> integer(Integer.MIN_VALUE, Integer.MAX_VALUE)),
      // long: bounds would only add noise; an out-of-range value fails conversion, by name
      Map.entry(long.class, () -> typed("integer")),
      Map.entry(Long.class, () -> typed("integer")),
      Map.entry(BigInteger.class, () -> typed("integer")),
      Map.entry(float.class, () -> typed("number")),
      Map.entry(Float.class, () -> typed("number")),
      Map.entry(double.class, () -> typed("number")),
      Map.entry(Double.class, () -> typed("number")),
      Map.entry(BigDecimal.class, () -> typed("number")),
      Map.entry(byte[].class, () -> typed("string").put("contentEncoding", "base64")),
      Map.entry(char[].class, () -> typed("string")),
      Map.entry(UUID.class, () -> formatted("uuid")),
      Map.entry(URI.class, () -> formatted("uri")),
      Map.entry(Instant.class, () -> formatted("date-time")),
      Map.entry(OffsetDateTime.class, () -> formatted("date-time")),
      Map.entry(ZonedDateTime.class, () -> formatted("date-time")),
      Map.entry(LocalDate.class, () -> formatted("date")),
      Map.entry(OffsetTime.class, () -> formatted("time")),
      Map.entry(Duration.class, () -> formatted("duration")),
      // no standard format for times without an offset: say it with a pattern
      Map.entry(LocalDateTime.class, () -> patterned("^\\d{4}-\\d{2}-\\d{2}T" + TIME + "$")),
      Map.entry(LocalTime.class, () -> patterned("^" + TIME + "$")),
      Map.entry(JsonNode.class, JsonNodeFactory.instance::objectNode),
      Map.entry(ObjectNode.class, () -> typed("object")),
      Map.entry(ArrayNode.class, () -> typed("array")));

  private Scalars() {}

  /** A fresh schema for {@code type}, or null when it is not a scalar type. */
  static ObjectNode schemaOf(Class<?> type) {
    Supplier<ObjectNode> schema = SCHEMAS.get(type);
    return schema == null ? null : schema.get();
  }

  private static ObjectNode typed(String type) {
    return RecordSchemaDeriver.typed(type);
  }

  private static ObjectNode integer(int minimum, int maximum) {
    return typed("integer").put("minimum", minimum).put("maximum", maximum);
  }

  private static ObjectNode character() {
    return typed("string").put("minLength", 1).put("maxLength", 1);
  }

  private static ObjectNode formatted(String format) {
    return typed("string").put("format", format);
  }

  private static ObjectNode patterned(String pattern) {
    return typed("string").put("pattern", pattern);
  }
}
