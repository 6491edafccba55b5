package dev.mcpkit.core.jsonschema.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;

/**
 * A quick "valid" for the schema most tools declare: an object whose properties each name one
 * type, with a list of required names, and nothing else that constrains a value. Such a schema is
 * checked here without the general validator; whatever this check cannot vouch for (a wrong type,
 * a missing property, a float where an integer is asked for, any other keyword) goes to the
 * general validator, which decides and words the problems. So this check only ever says "valid"
 * where the general validator would, and never words a problem itself. Immutable.
 */
final class FlatObjectCheck {
  /** Keywords of the object schema this check understands; none other may appear. */
  private static final Set<String> SCHEMA_KEYS = Set.of("$schema", "type", "properties",
      "required", "additionalProperties", "title", "description", "$comment", "examples",
      "default");
  /** Keywords of a property schema this check understands (annotations besides the type). */
  private static final Set<String> PROPERTY_KEYS = Set.of("type", "title", "description",
      "$comment", "examples", "default");

  private enum Kind { STRING, INTEGER, NUMBER, BOOLEAN, NULL, OBJECT, ARRAY }

  private final Map<String, Kind> properties;
  private final String[] required;
  private final boolean closed;

  private FlatObjectCheck(Map<String, Kind> properties, String[] required, boolean closed) {
    this.properties = properties;
    this.required = required;
    this.closed = closed;
  }

  /** The check for {@code schema}, or null when it is not of the shape this check understands. */
  static FlatObjectCheck of(JsonNode schema) {
    if (schema == null || !schema.isObject() || !"object".equals(schema.path("type").textValue())) {
      return null;
    }
    for (Iterator<String> names = schema.fieldNames(); names.hasNext(); ) {
      if (!SCHEMA_KEYS.contains(names.next())) {
        return null;
      }
    }
    Map<String, Kind> properties = new HashMap<>();
    JsonNode declared = schema.get("properties");
    if (declared != null) {
      if (!declared.isObject()) {
        return null;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = declared.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> property = it.next();
        Kind kind = kindOf(property.getValue());
        if (kind == null) {
          return null;
        }
        properties.put(property.getKey(), kind);
      }
    }
    JsonNode requiredNode = schema.get("required");
    String[] required = new String[0];
    if (requiredNode != null) {
      if (!requiredNode.isArray()) {
        return null;
      }
      required = new String[requiredNode.size()];
      for (int i = 0; i < required.length; i++) {
        if (!requiredNode.get(i).isTextual()) {
          return null;
        }
        required[i] = requiredNode.get(i).textValue();
      }
    }
    JsonNode additional = schema.get("additionalProperties");
    if (additional != null && !additional.isBoolean()) {
      return null;
    }
    return new FlatObjectCheck(Map.copyOf(properties), required,
        additional != null && !additional.booleanValue());
  }

  private static Kind kindOf(JsonNode property) {
    if (!property.isObject()) {
      return null;
    }
    for (Iterator<String> names = property.fieldNames(); names.hasNext(); ) {
      if (!PROPERTY_KEYS.contains(names.next())) {
        return null;
      }
    }
    JsonNode type = property.get("type");
    if (type == null || !type.isTextual()) {
      return null;
    }
    switch (type.textValue()) {
      case "string": return Kind.STRING;
      case "integer": return Kind.INTEGER;
      case "number": return Kind.NUMBER;
      case "boolean": return Kind.BOOLEAN;
      case "null": return Kind.NULL;
      case "object": return Kind.OBJECT;
      case "array": return Kind.ARRAY;
      default: return null;
    }
  }

  /** True only when {@code instance} satisfies the schema; false when the validator must decide. */
  boolean surelyValid(JsonNode instance) {
    if (instance == null || !instance.isObject()) {
      return false;
    }
    for (String name : required) {
      if (!instance.has(name)) {
        return false;
      }
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = instance.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      Kind kind = properties.get(field.getKey());
      if (kind == null) {
        if (closed) {
          return false;
        }
      } else if (!matches(kind, field.getValue())) {
        return false;
      }
    }
    return true;
  }

  private static boolean matches(Kind kind, JsonNode value) {
    switch (kind) {
      case STRING: return value.isTextual();
      case INTEGER: return value.isIntegralNumber(); // 1.0 is left to the validator
      case NUMBER: return value.isNumber();
      case BOOLEAN: return value.isBoolean();
      case NULL: return value.isNull();
      case OBJECT: return value.isObject();
      case ARRAY: return value.isArray();
      default: return false;
    }
  }
}
