package dev.mcpkit.server.explorer.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Objects;

/**
 * One input of a tool's Run test form, derived from one property of its input schema. The page's
 * script renders it and turns what the operator typed back into a JSON argument.
 *
 * @param name the argument's name
 * @param title the schema's {@code title}, or null
 * @param kind which control the page renders
 * @param typeLabel the type as shown to a person, e.g. {@code integer}, {@code string | null},
 *     {@code array of string}
 * @param required whether the schema lists the argument as required
 * @param description the schema's {@code description}, or null
 * @param defaultValue the schema's {@code default}, or null
 * @param enumValues the allowed values for {@link Kind#ENUM}, else empty
 * @param enumLabels a label per enum value (its {@code title} when the schema gives one)
 * @param itemKind for {@link Kind#ARRAY}: the kind of one element, else null
 */
public record FormField(String name, String title, Kind kind, String typeLabel, boolean required,
    String description, JsonNode defaultValue, List<JsonNode> enumValues, List<String> enumLabels,
    Kind itemKind) {

  /** The controls, one per shape of value. */
  public enum Kind {
    /** A text input. */
    STRING,
    /** A number input; any JSON number. */
    NUMBER,
    /** A number input that accepts whole numbers only. */
    INTEGER,
    /** A true / false choice (unset when not required). */
    BOOLEAN,
    /** A choice among fixed values, which keep their JSON type. */
    ENUM,
    /** A list: one element per line when the elements are scalars, else a JSON array. */
    ARRAY,
    /** A JSON textarea holding an object. */
    OBJECT,
    /** A JSON textarea for anything else (unions, untyped values). */
    JSON
  }

  public FormField {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(typeLabel, "typeLabel");
    enumValues = List.copyOf(enumValues);
    enumLabels = List.copyOf(enumLabels);
    if (enumValues.size() != enumLabels.size()) {
      throw new IllegalArgumentException("one label per enum value");
    }
  }
}
