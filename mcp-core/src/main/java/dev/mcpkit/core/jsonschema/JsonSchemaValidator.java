package dev.mcpkit.core.jsonschema;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.jsonschema.internal.StandardValidatorFactory;

/**
 * Validates JSON values against one compiled schema.
 *
 * <p>Guarantees every implementation keeps: {@link #validate} is safe to call from many threads at
 * once, does no I/O, never throws for any input (a Java {@code null} is treated as JSON
 * {@code null}), and reports every problem with the location of the offending value.
 *
 * <p>Compile once, when a tool is registered, and keep the validator: compiling parses and checks
 * the schema (milliseconds), validating a small arguments object takes about a microsecond.
 */
@FunctionalInterface
public interface JsonSchemaValidator {
  /** A validator that accepts everything; for hosts that switch validation off. */
  JsonSchemaValidator ACCEPT_ALL = instance -> ValidationResult.VALID;

  /** Validates one value. */
  ValidationResult validate(JsonNode instance);

  /**
   * Compiles a schema with the {@linkplain Factory#STANDARD standard factory}.
   *
   * @throws InvalidSchemaException naming every problem when the schema cannot be used
   */
  static JsonSchemaValidator compile(JsonNode schema) {
    return Factory.STANDARD.compile(schema);
  }

  /**
   * Turns schemas into validators: the SPI a host replaces to use another JSON Schema library.
   *
   * <p>Guarantees: {@link #compile} is thread-safe; never reads the network or files (only
   * resources it ships, such as meta-schemas); accepts any object or boolean schema valid against
   * the dialect its {@code $schema} names (2020-12 when absent); throws
   * {@link InvalidSchemaException}, and nothing else, for a schema it cannot use, including one
   * with an unsupported {@code $schema} or a {@code $ref} outside the schema document.
   */
  @FunctionalInterface
  interface Factory {
    /**
     * The standard factory, on networknt json-schema-validator: dialects 2020-12 (default),
     * 2019-09, draft-07, draft-06 and draft-04; schemas are checked against their meta-schema;
     * {@code format} is asserted for the formats the JSON Schema specification defines
     * ({@code date-time}, {@code email}, {@code uuid}, ...) and ignored for any other; recently
     * compiled schemas are cached, keyed by their content.
     */
    Factory STANDARD = StandardValidatorFactory.INSTANCE;

    /**
     * Compiles a schema.
     *
     * @throws InvalidSchemaException naming every problem when the schema cannot be used
     */
    JsonSchemaValidator compile(JsonNode schema);
  }
}
