package dev.mcpkit.core.jsonschema;

/**
 * A schema cannot be used: it is not valid against its dialect's meta-schema, names a dialect
 * that is not supported, refers outside itself, or breaks an MCP rule for tool schemas.
 * {@link #result()} lists every problem, located by JSON Pointer into the schema document.
 */
public final class InvalidSchemaException extends IllegalArgumentException {
  private final transient ValidationResult result;

  public InvalidSchemaException(ValidationResult result) {
    super("invalid JSON Schema: " + result.summary());
    if (result.isValid()) {
      throw new IllegalArgumentException("an InvalidSchemaException needs at least one problem");
    }
    this.result = result;
  }

  /** The problems found in the schema. */
  public ValidationResult result() {
    return result;
  }
}
