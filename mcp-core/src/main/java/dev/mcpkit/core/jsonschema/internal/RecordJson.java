package dev.mcpkit.core.jsonschema.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonschema.SchemaViolationException;
import dev.mcpkit.core.jsonschema.ValidationProblem;
import dev.mcpkit.core.jsonschema.ValidationResult;
import java.util.List;

/**
 * Converts between records and JSON for typed tools: {@link McpJson#mapper()}'s configuration
 * plus {@link JavaTypesModule}, with conversion failures reported as problems naming the field.
 */
public final class RecordJson {
  private static final ObjectMapper MAPPER =
      McpJson.mapper().copy().registerModule(new JavaTypesModule());

  private RecordJson() {}

  /**
   * Reads a (validated) tree into a record.
   *
   * @throws SchemaViolationException naming the field that could not be converted, or carrying
   *     the message of an exception the record's constructor threw
   */
  public static <R extends Record> R read(JsonNode tree, Class<R> type) {
    try {
      return MAPPER.treeToValue(tree, type);
    } catch (JsonProcessingException | IllegalArgumentException e) {
      throw new SchemaViolationException(type.getSimpleName(),
          new ValidationResult(List.of(problem(e))));
    }
  }

  /** Writes a record as a JSON object. */
  public static ObjectNode write(Record value) {
    return MAPPER.valueToTree(value);
  }

  private static ValidationProblem problem(Exception e) {
    Location at = Location.ROOT;
    if (e instanceof JsonMappingException mapping) {
      for (JsonMappingException.Reference step : mapping.getPath()) {
        at = step.getFieldName() != null ? at.property(step.getFieldName())
            : at.index(step.getIndex());
      }
    }
    Throwable cause = e.getCause();
    String detail = e instanceof ValueInstantiationException && cause != null
        && cause.getMessage() != null
        ? cause.getMessage() // the record's own check, e.g. "days must be at most 14"
        : "cannot be converted: " + (e instanceof JsonProcessingException processing
            ? processing.getOriginalMessage() : e.getMessage());
    return new ValidationProblem(at.pointer(), at.path(), "conversion", at.path() + ": " + detail);
  }
}
