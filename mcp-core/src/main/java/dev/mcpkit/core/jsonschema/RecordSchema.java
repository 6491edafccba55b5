package dev.mcpkit.core.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.jsonschema.internal.RecordJson;
import dev.mcpkit.core.jsonschema.internal.RecordSchemaDeriver;
import java.util.Objects;

/**
 * A record type as a tool's input or output: its JSON Schema, a compiled validator, and the
 * conversions between JSON and the record. Derived once per class and cached.
 *
 * <pre>{@code
 * record Forecast(@Description("City name") String city,
 *                 @Description("Days ahead, 1 to 14") int days,
 *                 Optional<Units> units) {}
 *
 * RecordSchema<Forecast> input = RecordSchema.of(Forecast.class);
 * tool.inputSchema(input.schema());
 * Forecast args = input.read(request.arguments()); // SchemaViolationException -> isError result
 * }</pre>
 *
 * <p>The schema: an object with one property per component, named as Jackson names it (the
 * component name, or its {@code @JsonProperty}); {@code additionalProperties: false}, so that a
 * misspelt argument is an error the model can fix rather than a value silently ignored; no
 * {@code $schema} (the MCP default, 2020-12, applies, and only keywords draft-07 shares are
 * used). Components are required unless they are {@code Optional<T>} or annotated with any
 * {@code @Nullable} kept at run time; those may be absent or {@code null}.
 *
 * <p>Types: {@code String}; {@code boolean}; {@code byte}/{@code short}/{@code int} (integer with
 * their range), {@code long}, {@code BigInteger} (integer); {@code float}, {@code double},
 * {@code BigDecimal} (number); {@code char} (one-character string); enums (string enum of the
 * constant names, or their {@code @JsonProperty}); records (nested object, inlined; a record
 * that contains itself is rejected); {@code List}/{@code Set}/{@code Collection} and arrays
 * (array; sets with {@code uniqueItems}); {@code byte[]} (base64 string); {@code Map<String, V>}
 * (object with {@code additionalProperties}); {@code Instant}, {@code OffsetDateTime},
 * {@code ZonedDateTime} (format date-time), {@code LocalDate} (date), {@code OffsetTime} (time),
 * {@code Duration} (duration), {@code LocalDateTime} and {@code LocalTime} (string with a
 * pattern, no standard format exists); {@code UUID}, {@code URI}; {@code JsonNode} (anything),
 * {@code ObjectNode}, {@code ArrayNode}. {@link Description} supplies descriptions. Defaults
 * belong in the record, not the schema: an absent optional component reads as
 * {@code Optional.empty()} or {@code null}, and a compact constructor can replace it.
 */
public final class RecordSchema<R extends Record> {
  private static final ClassValue<RecordSchema<?>> CACHE = new ClassValue<>() {
    @Override
    protected RecordSchema<?> computeValue(Class<?> type) {
      return new RecordSchema<>(type.asSubclass(Record.class));
    }
  };

  private final Class<R> type;
  private final ObjectNode schema;
  private final JsonSchemaValidator validator;

  private RecordSchema(Class<R> type) {
    this.type = type;
    this.schema = RecordSchemaDeriver.derive(type);
    this.validator = JsonSchemaValidator.compile(schema);
  }

  /**
   * The schema of a record type, derived on first use.
   *
   * @throws IllegalArgumentException naming the record and component when a component's type
   *     cannot be described
   */
  @SuppressWarnings("unchecked")
  public static <R extends Record> RecordSchema<R> of(Class<R> type) {
    Objects.requireNonNull(type, "type");
    return (RecordSchema<R>) CACHE.get(type);
  }

  /** The record type. */
  public Class<R> type() {
    return type;
  }

  /** The JSON Schema, a fresh copy the caller may change. */
  public ObjectNode schema() {
    return schema.deepCopy();
  }

  /** The compiled validator of {@link #schema()}. */
  public JsonSchemaValidator validator() {
    return validator;
  }

  /**
   * Validates a JSON value (for a tool: its {@code arguments}; absent or {@code null} counts as
   * {@code {}}) and reads it into the record.
   *
   * @throws SchemaViolationException naming every field that is wrong
   */
  public R read(JsonNode json) {
    JsonNode value = json == null || json.isNull() || json.isMissingNode()
        ? JsonNodeFactory.instance.objectNode() : json;
    ValidationResult result = validator.validate(value);
    if (!result.isValid()) {
      throw new SchemaViolationException(type.getSimpleName(), result);
    }
    return RecordJson.read(value, type);
  }

  /**
   * Writes a record as JSON (for a tool: its {@code structuredContent}). An empty
   * {@code Optional} is written as {@code null}, which the schema allows.
   */
  public ObjectNode write(R value) {
    return RecordJson.write(Objects.requireNonNull(value, "value"));
  }

  @Override
  public String toString() {
    return "RecordSchema[" + type.getName() + "]";
  }
}
