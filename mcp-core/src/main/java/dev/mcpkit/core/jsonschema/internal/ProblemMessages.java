package dev.mcpkit.core.jsonschema.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.networknt.schema.JsonNodePath;
import com.networknt.schema.ValidationMessage;
import dev.mcpkit.core.jsonschema.ValidationProblem;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Turns networknt's validation messages into {@link ValidationProblem}s whose messages name the
 * field, say what was expected and show what was given: {@code $.count: must be an integer, got
 * string "x"}. Keywords without a dedicated message fall back to the library's wording.
 */
final class ProblemMessages {
  private static final int MAX_LISTED = 12;

  private ProblemMessages() {}

  /**
   * Problems of an instance, in the order the library found them, without duplicates; the
   * {@code type} failures of one value (from {@code anyOf}/{@code oneOf} branches) become one
   * problem listing every accepted type.
   *
   * @param schema the root schema document, used to list allowed property names; may be null
   */
  static List<ValidationProblem> of(Collection<ValidationMessage> messages, JsonNode schema) {
    Map<String, Entry> byKey = new LinkedHashMap<>();
    for (ValidationMessage message : messages) {
      Location location = locationOf(message);
      if ("type".equals(message.getType())) {
        Entry entry = byKey.computeIfAbsent("type " + location.pointer(),
            k -> new Entry(location, "type", message.getInstanceNode()));
        addTypes(entry.expectedTypes, message.getSchemaNode());
      } else {
        String detail = safeDetail(message, schema);
        byKey.putIfAbsent(location.pointer() + " " + detail,
            new Entry(location, message.getType(), detail));
      }
    }
    List<ValidationProblem> problems = new ArrayList<>(byKey.size());
    for (Entry entry : byKey.values()) {
      problems.add(entry.toProblem());
    }
    return problems;
  }

  /**
   * Problems of a schema found by validating it against its meta-schema. Where a value fails an
   * {@code enum} (such as {@code "type": "strnig"}), the {@code type} failures of the other
   * {@code anyOf} branches at the same place are noise and are dropped.
   */
  static List<ValidationProblem> ofSchema(Collection<ValidationMessage> messages) {
    Set<String> enumFailures = new LinkedHashSet<>();
    for (ValidationMessage message : messages) {
      if ("enum".equals(message.getType())) {
        enumFailures.add(locationOf(message).pointer());
      }
    }
    List<ValidationMessage> kept = new ArrayList<>();
    for (ValidationMessage message : messages) {
      if (!("type".equals(message.getType())
          && enumFailures.contains(locationOf(message).pointer()))) {
        kept.add(message);
      }
    }
    return of(kept, null);
  }

  private static Location locationOf(ValidationMessage message) {
    Location location = Location.of(message.getInstanceLocation());
    String property = message.getProperty();
    boolean aboutProperty = switch (message.getType()) {
      case "required", "additionalProperties", "unevaluatedProperties",
          "dependentRequired", "dependencies" -> property != null;
      default -> false;
    };
    return aboutProperty ? location.property(property) : location;
  }

  private static String safeDetail(ValidationMessage message, JsonNode schema) {
    try {
      return detail(message, schema);
    } catch (RuntimeException unexpectedShape) {
      return message.getError(); // never fail validation over a message
    }
  }

  private static String detail(ValidationMessage m, JsonNode schema) {
    JsonNode value = m.getInstanceNode();
    JsonNode limit = m.getSchemaNode();
    String got = ", got " + Values.describe(value);
    return switch (m.getType()) {
      case "required" -> "is required";
      case "additionalProperties" -> "is not allowed" + allowedProperties(m, schema);
      case "enum" -> "must be one of " + list(limit) + got + Values.suggestion(value, limit);
      case "const" -> "must be " + limit + got;
      case "minimum" -> (exclusiveInDraft4(m, schema, "exclusiveMinimum")
          ? "must be greater than " : "must be at least ") + limit + got;
      case "maximum" -> (exclusiveInDraft4(m, schema, "exclusiveMaximum")
          ? "must be less than " : "must be at most ") + limit + got;
      case "exclusiveMinimum" -> "must be greater than " + limit + got;
      case "exclusiveMaximum" -> "must be less than " + limit + got;
      case "multipleOf" -> "must be a multiple of " + limit + got;
      case "minLength" -> "must be at least " + count(limit, "character") + " long, got "
          + Values.length(value);
      case "maxLength" -> "must be at most " + count(limit, "character") + " long, got "
          + Values.length(value);
      case "pattern" -> "must match the pattern " + limit.asText() + got;
      case "format" -> "must be a valid " + limit.asText() + got;
      case "minItems" -> "must have at least " + count(limit, "item") + ", got " + value.size();
      case "maxItems" -> "must have at most " + count(limit, "item") + ", got " + value.size();
      case "minProperties" -> "must have at least " + count(limit, "property") + ", got "
          + value.size();
      case "maxProperties" -> "must have at most " + count(limit, "property") + ", got "
          + value.size();
      case "uniqueItems" -> "must not contain duplicate items";
      case "false" -> "is not allowed here (its schema is false)";
      case "unevaluatedProperties" -> limit != null && limit.isBoolean()
          ? "is not allowed (no subschema declares it)" : m.getError();
      case "not" -> "must not match the schema under \"not\"" + got;
      case "oneOf" -> "must match exactly one of the \"oneOf\" schemas, but matched "
          + argument(m, 0, "none");
      default -> m.getError();
    };
  }

  private static String allowedProperties(ValidationMessage m, JsonNode schema) {
    JsonNode parent = parentSchema(m, schema);
    if (parent == null || !parent.path("properties").isObject()) {
      return " (the schema allows no other properties)";
    }
    List<String> names = new ArrayList<>();
    parent.path("properties").fieldNames().forEachRemaining(names::add);
    if (names.isEmpty()) {
      return " (the schema allows no properties)";
    }
    String suggestion = Values.suggestion(TextNode.valueOf(m.getProperty()), names);
    return "; allowed: " + String.join(", ", names) + suggestion;
  }

  /** Draft-04 spells exclusive bounds as a boolean beside minimum/maximum. */
  private static boolean exclusiveInDraft4(ValidationMessage m, JsonNode schema, String flag) {
    JsonNode parent = parentSchema(m, schema);
    return parent != null && parent.path(flag).asBoolean(false);
  }

  /** The schema object holding the failed keyword, when it lies in the root document. */
  private static JsonNode parentSchema(ValidationMessage m, JsonNode schema) {
    JsonNodePath fragment = m.getSchemaLocation().getFragment();
    if (schema == null || fragment == null || fragment.getNameCount() == 0) {
      return null;
    }
    JsonNode parent = schema.at(Location.of(fragment.getParent()).pointer());
    JsonNode keyword = parent.get(String.valueOf(fragment.getElement(fragment.getNameCount() - 1)));
    return keyword != null && keyword.equals(m.getSchemaNode()) ? parent : null;
  }

  /** {@code 1 item}, {@code 2 items}, {@code 1 property}, {@code 3 properties}. */
  private static String count(JsonNode limit, String noun) {
    boolean one = limit.asLong() == 1;
    String plural = noun.endsWith("y") ? noun.substring(0, noun.length() - 1) + "ies" : noun + "s";
    return limit + " " + (one ? noun : plural);
  }

  private static String list(JsonNode values) {
    List<String> shown = new ArrayList<>();
    for (JsonNode value : values) {
      if (shown.size() == MAX_LISTED) {
        shown.add("... (" + (values.size() - MAX_LISTED) + " more)");
        break;
      }
      shown.add(Values.json(value));
    }
    return String.join(", ", shown);
  }

  private static String argument(ValidationMessage m, int index, String fallback) {
    Object[] arguments = m.getArguments();
    return arguments != null && arguments.length > index ? String.valueOf(arguments[index])
        : fallback;
  }

  private static void addTypes(Set<String> types, JsonNode schemaNode) {
    if (schemaNode == null) {
      return;
    }
    if (schemaNode.isArray()) {
      schemaNode.forEach(type -> types.add(type.asText()));
    } else {
      types.add(schemaNode.asText());
    }
  }

  /** A problem being collected; type problems at one place merge their expected types. */
  private static final class Entry {
    final Location location;
    final String keyword;
    final String detail;
    final JsonNode value;
    final Set<String> expectedTypes = new LinkedHashSet<>();

    Entry(Location location, String keyword, String detail) {
      this.location = location;
      this.keyword = keyword;
      this.detail = detail;
      this.value = null;
    }

    Entry(Location location, String keyword, JsonNode value) {
      this.location = location;
      this.keyword = keyword;
      this.detail = null;
      this.value = value;
    }

    ValidationProblem toProblem() {
      String text = detail != null ? detail
          : "must be " + Values.typeList(expectedTypes) + ", got " + Values.describe(value);
      return new ValidationProblem(location.pointer(), location.path(), keyword,
          location.path() + ": " + text);
    }
  }
}
