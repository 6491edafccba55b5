package dev.mcpkit.core.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.jsonschema.internal.Values;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks a schema before it becomes a tool's {@code inputSchema} or {@code outputSchema}: it must
 * be a JSON object whose root declares {@code "type": "object"} (every MCP version requires this
 * of {@code inputSchema}, and all but 2026-07-28 of {@code outputSchema}), and it must compile:
 * valid against its dialect's meta-schema, a supported {@code $schema}, no reference outside
 * itself.
 *
 * <p>A client reading another server's schemas should not apply these MCP rules; it should just
 * {@linkplain JsonSchemaValidator#compile compile} them.
 */
public final class ToolSchemas {
  private ToolSchemas() {}

  /**
   * Every problem that makes {@code schema} unusable as a tool schema; {@link
   * ValidationResult#VALID} when there is none. Uses the standard factory.
   */
  public static ValidationResult check(JsonNode schema) {
    try {
      compile(schema, JsonSchemaValidator.Factory.STANDARD);
      return ValidationResult.VALID;
    } catch (InvalidSchemaException e) {
      return e.result();
    }
  }

  /**
   * Checks a tool schema and compiles it with the standard factory.
   *
   * @throws InvalidSchemaException naming every problem
   */
  public static JsonSchemaValidator compile(JsonNode schema) {
    return compile(schema, JsonSchemaValidator.Factory.STANDARD);
  }

  /**
   * Checks a tool schema and compiles it with {@code factory}, so a server registering a tool
   * does both in one step.
   *
   * @throws InvalidSchemaException naming every problem, the MCP rules' and the factory's
   */
  public static JsonSchemaValidator compile(JsonNode schema,
      JsonSchemaValidator.Factory factory) {
    if (schema == null || !schema.isObject()) {
      throw new InvalidSchemaException(new ValidationResult(List.of(new ValidationProblem(
          "", "$", "type", "$: a tool schema must be a JSON object with \"type\": \"object\", got "
              + Values.describe(schema)))));
    }
    List<ValidationProblem> problems = new ArrayList<>();
    JsonNode type = schema.get("type");
    if (type == null) {
      problems.add(new ValidationProblem("/type", "$.type", "type",
          "$.type: is required; a tool schema must declare \"type\": \"object\""));
    } else if (!"object".equals(type.textValue())) {
      problems.add(new ValidationProblem("/type", "$.type", "type",
          "$.type: must be \"object\" in a tool schema, got " + Values.describe(type)));
    }
    try {
      JsonSchemaValidator validator = factory.compile(schema);
      if (problems.isEmpty()) {
        return validator;
      }
    } catch (InvalidSchemaException e) {
      problems.addAll(e.result().problems());
    }
    throw new InvalidSchemaException(new ValidationResult(problems));
  }
}
