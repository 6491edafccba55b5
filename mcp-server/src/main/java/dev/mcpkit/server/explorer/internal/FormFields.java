package dev.mcpkit.server.explorer.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.server.explorer.internal.FormField.Kind;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Maps a tool's input schema to the fields of its Run test form. Only what a form can express is
 * read: the top-level {@code properties} and {@code required}, each property's type, enum values,
 * default, title and description. Local {@code $ref}s ({@code #/$defs/…},
 * {@code #/definitions/…}) are followed; nullable types ({@code ["string","null"]}, or an {@code anyOf} of one type and
 * {@code null}) map to the non-null type. Anything else becomes a JSON textarea, so every schema
 * yields a usable form and the server does the real validation.
 */
public final class FormFields {
  private static final int MAX_REF_DEPTH = 16;
  private static final Set<Kind> SCALARS =
      EnumSet.of(Kind.STRING, Kind.NUMBER, Kind.INTEGER, Kind.BOOLEAN);

  private FormFields() {}

  /** The form for {@code inputSchema}, one field per property in schema order. */
  public static List<FormField> of(JsonNode inputSchema) {
    JsonNode root = inputSchema == null ? McpJson.object() : inputSchema;
    JsonNode schema = resolve(root, root, 0);
    Set<String> required = new HashSet<>();
    schema.path("required").forEach(n -> required.add(n.asText()));
    List<FormField> fields = new ArrayList<>();
    for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
      fields.add(field(root, property.getKey(), property.getValue(),
          required.contains(property.getKey())));
    }
    return fields;
  }

  /**
   * Example arguments for a call: each required field's default, else a placeholder of its type
   * (first enum value, {@code "example"}, {@code 0}, {@code false}, {@code []}, {@code {}}); an
   * untyped field gets {@code "example"}.
   */
  public static ObjectNode exampleArguments(List<FormField> fields) {
    ObjectNode arguments = McpJson.object();
    for (FormField f : fields) {
      if (!f.required()) {
        continue;
      }
      if (f.defaultValue() != null) {
        arguments.set(f.name(), f.defaultValue());
        continue;
      }
      switch (f.kind()) {
        case STRING -> arguments.put(f.name(), "example");
        case NUMBER, INTEGER -> arguments.put(f.name(), 0);
        case BOOLEAN -> arguments.put(f.name(), false);
        case ENUM -> arguments.set(f.name(), f.enumValues().get(0));
        case ARRAY -> arguments.putArray(f.name());
        case OBJECT -> arguments.putObject(f.name());
        case JSON -> arguments.put(f.name(), "example");
      }
    }
    return arguments;
  }

  private static FormField field(JsonNode root, String name, JsonNode raw, boolean required) {
    JsonNode declared = resolve(root, raw, 0);
    JsonNode schema = nonNull(root, declared);
    boolean nullable = schema != declared || typeNames(schema).contains("null");
    String title = text(schema, raw, "title");
    String description = text(schema, raw, "description");
    JsonNode dflt = raw.has("default") ? raw.get("default") : schema.get("default");
    String type = primaryType(schema);
    String nullSuffix = nullable ? " | null" : "";

    List<JsonNode> values = new ArrayList<>();
    List<String> labels = new ArrayList<>();
    if (enumeration(root, schema, values, labels)) {
      return new FormField(name, title, Kind.ENUM, (type == null ? "enum" : type) + nullSuffix,
          required, description, dflt, values, labels, null);
    }
    Kind kind = kindOf(type);
    Kind itemKind = null;
    String label = type == null ? "any" : type;
    if (kind == Kind.ARRAY) {
      JsonNode items = nonNull(root, resolve(root, schema.path("items"), 0));
      String itemType = primaryType(items);
      Kind candidate = kindOf(itemType);
      boolean scalar = SCALARS.contains(candidate)
          && !enumeration(root, items, new ArrayList<>(), new ArrayList<>());
      itemKind = scalar ? candidate : Kind.JSON;
      label = "array of " + (itemType == null ? "any" : itemType);
    }
    return new FormField(name, title, kind, label + nullSuffix, required, description, dflt,
        List.of(), List.of(), itemKind);
  }

  /** Fills {@code values} and {@code labels} when the schema is an enum; says whether it is. */
  private static boolean enumeration(JsonNode root, JsonNode schema, List<JsonNode> values,
      List<String> labels) {
    if (schema.path("enum").isArray() && !schema.path("enum").isEmpty()) {
      for (JsonNode v : schema.get("enum")) {
        if (!v.isNull()) {
          values.add(v);
          labels.add(v.isTextual() ? v.asText() : v.toString());
        }
      }
      return !values.isEmpty();
    }
    if (schema.has("const")) {
      values.add(schema.get("const"));
      labels.add(label(schema, schema.get("const")));
      return true;
    }
    JsonNode branches = schema.has("oneOf") ? schema.get("oneOf") : schema.get("anyOf");
    if (branches == null || !branches.isArray() || branches.isEmpty()) {
      return false;
    }
    for (JsonNode raw : branches) {
      JsonNode branch = resolve(root, raw, 0);
      if (!branch.has("const")) {
        values.clear();
        labels.clear();
        return false;
      }
      values.add(branch.get("const"));
      labels.add(label(branch, branch.get("const")));
    }
    return true;
  }

  private static String label(JsonNode schema, JsonNode value) {
    if (schema.path("title").isTextual()) {
      return schema.get("title").asText();
    }
    return value.isTextual() ? value.asText() : value.toString();
  }

  /** The one non-null branch of an {@code anyOf}/{@code oneOf} with a null branch, else itself. */
  private static JsonNode nonNull(JsonNode root, JsonNode schema) {
    JsonNode branches = schema.has("anyOf") ? schema.get("anyOf") : schema.get("oneOf");
    if (branches == null || !branches.isArray() || branches.size() != 2) {
      return schema;
    }
    JsonNode other = null;
    boolean sawNull = false;
    for (JsonNode raw : branches) {
      JsonNode branch = resolve(root, raw, 0);
      if ("null".equals(branch.path("type").asText(null))) {
        sawNull = true;
      } else {
        other = branch;
      }
    }
    return sawNull && other != null ? other : schema;
  }

  private static JsonNode resolve(JsonNode root, JsonNode schema, int depth) {
    String ref = schema.path("$ref").asText(null);
    if (ref == null || !ref.startsWith("#") || depth >= MAX_REF_DEPTH) {
      return schema;
    }
    JsonNode target = root.at(ref.substring(1));
    return target.isMissingNode() ? schema : resolve(root, target, depth + 1);
  }

  private static List<String> typeNames(JsonNode schema) {
    JsonNode type = schema.get("type");
    List<String> names = new ArrayList<>();
    if (type != null && type.isTextual()) {
      names.add(type.asText());
    } else if (type instanceof ArrayNode array) {
      array.forEach(t -> names.add(t.asText()));
    }
    return names;
  }

  /** The first non-null type name, or null when the schema gives none. */
  private static String primaryType(JsonNode schema) {
    for (String name : typeNames(schema)) {
      if (!"null".equals(name)) {
        return name;
      }
    }
    return schema.has("properties") ? "object" : null;
  }

  private static Kind kindOf(String type) {
    if (type == null) {
      return Kind.JSON;
    }
    return switch (type) {
      case "string" -> Kind.STRING;
      case "number" -> Kind.NUMBER;
      case "integer" -> Kind.INTEGER;
      case "boolean" -> Kind.BOOLEAN;
      case "array" -> Kind.ARRAY;
      case "object" -> Kind.OBJECT;
      default -> Kind.JSON;
    };
  }

  private static String text(JsonNode first, JsonNode second, String field) {
    JsonNode value = second.path(field).isTextual() ? second.get(field) : first.get(field);
    return value != null && value.isTextual() ? value.asText() : null;
  }
}
