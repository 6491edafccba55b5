package dev.mcpkit.core.jsonschema.internal;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.jsonschema.Description;
import java.lang.annotation.Annotation;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.lang.reflect.WildcardType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Derives a JSON Schema (2020-12, using only keywords draft-07 shares) from a record, component
 * by component; see {@code RecordSchema} for the mapping. One instance per derivation: it tracks
 * the records being described to detect cycles.
 */
public final class RecordSchemaDeriver {
  private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
  private static final String SUPPORTED = "supported are String, boolean, the numeric types,"
      + " char, enums, records, List/Set/Collection, arrays, Map<String, V>, Optional, java.time"
      + " (Instant, OffsetDateTime, ZonedDateTime, LocalDate, LocalDateTime, LocalTime,"
      + " OffsetTime, Duration), UUID, URI and JsonNode";

  private final Class<?> root;
  private final Deque<Class<?>> enclosing = new ArrayDeque<>();

  private RecordSchemaDeriver(Class<?> root) {
    this.root = root;
  }

  /**
   * The schema of a record.
   *
   * @throws IllegalArgumentException naming the record, the component and its path when a
   *     component's type cannot be described
   */
  public static ObjectNode derive(Class<? extends Record> type) {
    return new RecordSchemaDeriver(type).record(type, Location.ROOT, null);
  }

  /** The JSON property name of a component: its {@code @JsonProperty} name, or its own name. */
  public static String jsonName(RecordComponent component) {
    JsonProperty renamed = component.getAccessor().getAnnotation(JsonProperty.class);
    return renamed != null && !renamed.value().isEmpty() ? renamed.value() : component.getName();
  }

  private ObjectNode record(Class<?> type, Location at, Site site) {
    if (enclosing.contains(type)) {
      String chain = enclosing.stream().map(Class::getSimpleName).collect(Collectors.joining(
          " -> ")) + " -> " + type.getSimpleName();
      throw site.fail("refers back to " + type.getSimpleName() + " (" + chain + "); a recursive"
          + " record cannot be described inline, use JsonNode for recursive data");
    }
    enclosing.addLast(type);
    ObjectNode schema = typed("object");
    describe(schema, type);
    ObjectNode properties = schema.putObject("properties");
    ArrayNode required = JSON.arrayNode();
    for (RecordComponent component : type.getRecordComponents()) {
      String name = jsonName(component);
      Site here = new Site(type, component, at.property(name));
      boolean isOptional = component.getType() == Optional.class;
      boolean optional = isOptional
          || (!component.getType().isPrimitive() && isNullable(component));
      Type valueType = isOptional ? optionalContent(component, here) : component.getGenericType();
      ObjectNode property = schemaOf(valueType, here);
      Description description = component.getAnnotation(Description.class);
      if (description != null) {
        property.put("description", description.value());
      }
      if (optional) {
        allowNull(property);
      } else {
        required.add(name);
      }
      properties.set(name, property);
    }
    if (!required.isEmpty()) {
      schema.set("required", required);
    }
    schema.put("additionalProperties", false);
    enclosing.removeLast();
    return schema;
  }

  private ObjectNode schemaOf(Type type, Site site) {
    if (type instanceof Class<?> c) {
      return classSchema(c, site);
    }
    if (type instanceof ParameterizedType p && p.getRawType() instanceof Class<?> raw) {
      Type[] arguments = p.getActualTypeArguments();
      if (Collection.class.isAssignableFrom(raw) && arguments.length == 1) {
        ObjectNode schema = array(schemaOf(arguments[0], site));
        if (Set.class.isAssignableFrom(raw)) {
          schema.put("uniqueItems", true);
        }
        return schema;
      }
      if (Map.class.isAssignableFrom(raw) && arguments.length == 2) {
        if (arguments[0] != String.class) {
          throw site.fail(type, "map keys must be String, as JSON object keys are");
        }
        ObjectNode schema = typed("object");
        schema.set("additionalProperties", schemaOf(arguments[1], site));
        return schema;
      }
      if (raw == Optional.class) {
        throw site.fail(type, "Optional is supported only as the type of a record component");
      }
      throw site.fail(type, SUPPORTED);
    }
    if (type instanceof GenericArrayType array) {
      return array(schemaOf(array.getGenericComponentType(), site));
    }
    if (type instanceof WildcardType wildcard && wildcard.getLowerBounds().length == 0
        && wildcard.getUpperBounds()[0] != Object.class) {
      return schemaOf(wildcard.getUpperBounds()[0], site);
    }
    if (type instanceof TypeVariable<?>) {
      throw site.fail(type, "a type variable cannot be described; use a concrete type");
    }
    throw site.fail(type, "declare a concrete element type");
  }

  private ObjectNode classSchema(Class<?> c, Site site) {
    ObjectNode known = Scalars.schemaOf(c);
    if (known != null) {
      return known;
    }
    if (c.isEnum()) {
      return enumSchema(c, site);
    }
    if (c.isRecord()) {
      return record(c, site.at, site);
    }
    if (c.isArray()) {
      return array(schemaOf(c.getComponentType(), site));
    }
    if (Collection.class.isAssignableFrom(c) || Map.class.isAssignableFrom(c)
        || c == Optional.class) {
      throw site.fail(c, "declare its type arguments, e.g. List<String> or Map<String, Integer>");
    }
    if (c == Object.class) {
      throw site.fail(c, "use JsonNode for arbitrary JSON");
    }
    throw site.fail(c, SUPPORTED);
  }

  private ObjectNode enumSchema(Class<?> type, Site site) {
    for (var method : type.getDeclaredMethods()) {
      if (method.isAnnotationPresent(JsonValue.class)) {
        throw site.fail(type, "enums using @JsonValue are not supported;"
            + " put @JsonProperty(\"...\") on the constants instead");
      }
    }
    ObjectNode schema = typed("string");
    describe(schema, type);
    ArrayNode values = schema.putArray("enum");
    for (Object constant : type.getEnumConstants()) {
      String name = ((Enum<?>) constant).name();
      JsonProperty renamed;
      try {
        renamed = type.getField(name).getAnnotation(JsonProperty.class);
      } catch (NoSuchFieldException impossible) {
        throw new IllegalStateException(impossible);
      }
      values.add(renamed != null && !renamed.value().isEmpty() ? renamed.value() : name);
    }
    return schema;
  }

  private static Type optionalContent(RecordComponent component, Site site) {
    if (component.getGenericType() instanceof ParameterizedType p) {
      return p.getActualTypeArguments()[0];
    }
    throw site.fail(component.getType(), "declare the type argument, e.g. Optional<String>");
  }

  /** {@code @Nullable} of any package, on the component, its accessor, field or type. */
  private static boolean isNullable(RecordComponent component) {
    List<Annotation> annotations = new ArrayList<>(List.of(component.getAnnotations()));
    annotations.addAll(List.of(component.getAccessor().getAnnotations()));
    annotations.addAll(List.of(component.getAnnotatedType().getAnnotations()));
    try {
      annotations.addAll(List.of(component.getDeclaringRecord()
          .getDeclaredField(component.getName()).getAnnotations()));
    } catch (NoSuchFieldException impossible) {
      // every record component has a private field of the same name
    }
    return annotations.stream()
        .anyMatch(a -> a.annotationType().getSimpleName().equals("Nullable"));
  }

  /** Lets an optional property also be given as JSON {@code null}. */
  private static void allowNull(ObjectNode schema) {
    JsonNode type = schema.get("type");
    if (type != null && type.isTextual()) {
      schema.set("type", JSON.arrayNode().add(type.textValue()).add("null"));
    }
    if (schema.get("enum") instanceof ArrayNode values) {
      values.addNull();
    }
  }

  private static void describe(ObjectNode schema, Class<?> type) {
    Description description = type.getAnnotation(Description.class);
    if (description != null) {
      schema.put("description", description.value());
    }
  }

  static ObjectNode typed(String type) {
    return JSON.objectNode().put("type", type);
  }

  private static ObjectNode array(ObjectNode items) {
    ObjectNode schema = typed("array");
    schema.set("items", items);
    return schema;
  }

  /** Where in the root record a type is being described, for error messages. */
  private final class Site {
    final Class<?> record;
    final RecordComponent component;
    final Location at;

    Site(Class<?> record, RecordComponent component, Location at) {
      this.record = record;
      this.component = component;
      this.at = at;
    }

    IllegalArgumentException fail(Type type, String why) {
      return fail("has type " + type.getTypeName() + ", which is not supported; " + why);
    }

    IllegalArgumentException fail(String what) {
      return new IllegalArgumentException("cannot derive a JSON Schema for record "
          + root.getName() + ": component " + record.getSimpleName() + "." + component.getName()
          + " (at " + at.path() + ") " + what);
    }
  }
}
