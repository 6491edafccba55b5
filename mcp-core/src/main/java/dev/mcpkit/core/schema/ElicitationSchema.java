package dev.mcpkit.core.schema;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The restricted JSON Schema of a form-mode elicitation: a flat object whose properties are
 * strings, numbers, booleans or enums. The titled and multi-select enums and the {@code default}
 * of strings and numbers exist from 2025-11-25; 2025-06-18 knows one enum shape, {@link
 * LegacyTitledEnumSchema} without {@code default}.
 */
public final class ElicitationSchema {
  private ElicitationSchema() {}

  /** The {@code requestedSchema}: an object with {@code properties} and {@code required}. */
  @JsonIgnoreProperties(value = "type", allowGetters = true)
  public record RequestedSchema(
      @JsonProperty("$schema") String schema,
      Map<String, PrimitiveSchema> properties,
      List<String> required,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public RequestedSchema {
      properties = Immutable.map(Immutable.required(properties, "requestedSchema.properties"));
      required = Immutable.list(required);
      extra = Immutable.extra(extra);
    }

    public RequestedSchema(Map<String, PrimitiveSchema> properties, List<String> required) {
      this(null, properties, required, null);
    }

    /** Always {@code "object"}. */
    @JsonProperty("type")
    public String type() {
      return "object";
    }
  }

  /** One property of a requested schema; read by its {@code type} and enum keywords. */
  @JsonDeserialize(using = PrimitiveSchemaReader.class)
  public sealed interface PrimitiveSchema
      permits StringSchema, NumberSchema, BooleanSchema, UntitledSingleSelectEnumSchema,
          TitledSingleSelectEnumSchema, UntitledMultiSelectEnumSchema, TitledMultiSelectEnumSchema,
          LegacyTitledEnumSchema {
    /** The JSON Schema type: string, number, integer, boolean or array. */
    @JsonProperty("type")
    String type();

    String title();

    String description();
  }

  /** A string, optionally constrained in length or to a format (date, date-time, email, uri). */
  @JsonIgnoreProperties(value = "type", allowGetters = true)
  @JsonDeserialize(using = JsonDeserializer.None.class)
  public record StringSchema(
      String title,
      String description,
      Integer minLength,
      Integer maxLength,
      String format,
      @JsonProperty("default") String defaultValue,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements PrimitiveSchema {
    public StringSchema {
      extra = Immutable.extra(extra);
    }

    public StringSchema(String title, String description) {
      this(title, description, null, null, null, null, null);
    }

    @Override
    public String type() {
      return "string";
    }
  }

  /** A number; {@code type} is {@code "number"} or {@code "integer"}. */
  @JsonDeserialize(using = JsonDeserializer.None.class)
  public record NumberSchema(
      String type,
      String title,
      String description,
      Number minimum,
      Number maximum,
      @JsonProperty("default") Number defaultValue,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements PrimitiveSchema {
    public NumberSchema {
      Immutable.required(type, "NumberSchema.type");
      extra = Immutable.extra(extra);
    }

    public NumberSchema(String type, String title, String description) {
      this(type, title, description, null, null, null, null);
    }
  }

  /** A boolean. */
  @JsonIgnoreProperties(value = "type", allowGetters = true)
  @JsonDeserialize(using = JsonDeserializer.None.class)
  public record BooleanSchema(
      String title,
      String description,
      @JsonProperty("default") Boolean defaultValue,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements PrimitiveSchema {
    public BooleanSchema {
      extra = Immutable.extra(extra);
    }

    public BooleanSchema(String title, String description) {
      this(title, description, null, null);
    }

    @Override
    public String type() {
      return "boolean";
    }
  }

  /** One of several strings, shown as they are. */
  @JsonIgnoreProperties(value = "type", allowGetters = true)
  @JsonDeserialize(using = JsonDeserializer.None.class)
  public record UntitledSingleSelectEnumSchema(
      String title,
      String description,
      @JsonProperty("enum") List<String> values,
      @JsonProperty("default") String defaultValue,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements PrimitiveSchema {
    public UntitledSingleSelectEnumSchema {
      values = Immutable.list(Immutable.required(values, "UntitledSingleSelectEnumSchema.enum"));
      extra = Immutable.extra(extra);
    }

    @Override
    public String type() {
      return "string";
    }
  }

  /** One of several strings, each shown with a title ({@code oneOf} of const and title). */
  @JsonIgnoreProperties(value = "type", allowGetters = true)
  @JsonDeserialize(using = JsonDeserializer.None.class)
  public record TitledSingleSelectEnumSchema(
      String title,
      String description,
      List<Option> oneOf,
      @JsonProperty("default") String defaultValue,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements PrimitiveSchema {
    public TitledSingleSelectEnumSchema {
      oneOf = Immutable.list(Immutable.required(oneOf, "TitledSingleSelectEnumSchema.oneOf"));
      extra = Immutable.extra(extra);
    }

    @Override
    public String type() {
      return "string";
    }
  }

  /** Several of a set of strings, shown as they are. */
  @JsonIgnoreProperties(value = "type", allowGetters = true)
  @JsonDeserialize(using = JsonDeserializer.None.class)
  public record UntitledMultiSelectEnumSchema(
      String title,
      String description,
      Integer minItems,
      Integer maxItems,
      UntitledItems items,
      @JsonProperty("default") List<String> defaultValue,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements PrimitiveSchema {
    public UntitledMultiSelectEnumSchema {
      Immutable.required(items, "UntitledMultiSelectEnumSchema.items");
      defaultValue = Immutable.list(defaultValue);
      extra = Immutable.extra(extra);
    }

    @Override
    public String type() {
      return "array";
    }
  }

  /** Several of a set of strings, each shown with a title. */
  @JsonIgnoreProperties(value = "type", allowGetters = true)
  @JsonDeserialize(using = JsonDeserializer.None.class)
  public record TitledMultiSelectEnumSchema(
      String title,
      String description,
      Integer minItems,
      Integer maxItems,
      TitledItems items,
      @JsonProperty("default") List<String> defaultValue,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements PrimitiveSchema {
    public TitledMultiSelectEnumSchema {
      Immutable.required(items, "TitledMultiSelectEnumSchema.items");
      defaultValue = Immutable.list(defaultValue);
      extra = Immutable.extra(extra);
    }

    @Override
    public String type() {
      return "array";
    }
  }

  /** The 2025-06-18 enum: values with display names in {@code enumNames} (later deprecated). */
  @JsonIgnoreProperties(value = "type", allowGetters = true)
  @JsonDeserialize(using = JsonDeserializer.None.class)
  public record LegacyTitledEnumSchema(
      String title,
      String description,
      @JsonProperty("enum") List<String> values,
      List<String> enumNames,
      @JsonProperty("default") String defaultValue,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) implements PrimitiveSchema {
    public LegacyTitledEnumSchema {
      values = Immutable.list(Immutable.required(values, "LegacyTitledEnumSchema.enum"));
      enumNames = Immutable.list(enumNames);
      extra = Immutable.extra(extra);
    }

    @Override
    public String type() {
      return "string";
    }
  }

  /** A value and its display title. */
  public record Option(
      @JsonProperty("const") String value,
      String title,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public Option {
      Immutable.required(value, "enum option const");
      Immutable.required(title, "enum option title");
      extra = Immutable.extra(extra);
    }

    public Option(String value, String title) {
      this(value, title, null);
    }
  }

  /** Items of an untitled multi-select: {@code {"type": "string", "enum": [...]}}. */
  @JsonIgnoreProperties(value = "type", allowGetters = true)
  public record UntitledItems(
      @JsonProperty("enum") List<String> values,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public UntitledItems {
      values = Immutable.list(Immutable.required(values, "multi-select items.enum"));
      extra = Immutable.extra(extra);
    }

    public UntitledItems(List<String> values) {
      this(values, null);
    }

    /** Always {@code "string"}. */
    @JsonProperty("type")
    public String type() {
      return "string";
    }
  }

  /** Items of a titled multi-select: {@code {"anyOf": [{"const": ..., "title": ...}]}}. */
  public record TitledItems(
      List<Option> anyOf,
      @JsonAnySetter @JsonAnyGetter Map<String, JsonNode> extra) {
    public TitledItems {
      anyOf = Immutable.list(Immutable.required(anyOf, "multi-select items.anyOf"));
      extra = Immutable.extra(extra);
    }

    public TitledItems(List<Option> anyOf) {
      this(anyOf, null);
    }
  }

  /** Chooses the record for a property schema from its {@code type} and enum keywords. */
  static final class PrimitiveSchemaReader extends JsonDeserializer<PrimitiveSchema> {
    @Override
    public PrimitiveSchema deserialize(JsonParser parser, DeserializationContext context)
        throws IOException {
      JsonNode node = context.readTree(parser);
      return context.readTreeAsValue(node, recordFor(node, context));
    }

    private static Class<? extends PrimitiveSchema> recordFor(
        JsonNode node, DeserializationContext context) throws IOException {
      String type = node.path("type").asText("");
      switch (type) {
        case "string":
          if (node.has("enumNames")) {
            return LegacyTitledEnumSchema.class;
          }
          if (node.has("enum")) {
            return UntitledSingleSelectEnumSchema.class;
          }
          return node.has("oneOf") ? TitledSingleSelectEnumSchema.class : StringSchema.class;
        case "number":
        case "integer":
          return NumberSchema.class;
        case "boolean":
          return BooleanSchema.class;
        case "array":
          return node.path("items").has("anyOf")
              ? TitledMultiSelectEnumSchema.class
              : UntitledMultiSelectEnumSchema.class;
        default:
          return context.reportInputMismatch(PrimitiveSchema.class,
              "unsupported elicitation property type '%s'; expected string, number, integer,"
                  + " boolean or array", type);
      }
    }
  }
}
