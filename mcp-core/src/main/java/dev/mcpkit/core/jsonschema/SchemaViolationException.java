package dev.mcpkit.core.jsonschema;

/**
 * A value does not match the schema it must follow (or cannot be converted to the Java type the
 * schema describes). A server turns this into a tool error result ({@code isError: true}) whose
 * text is {@link #getMessage()}, so the model can correct its arguments and retry.
 */
public final class SchemaViolationException extends IllegalArgumentException {
  private final transient ValidationResult result;

  /**
   * @param what what was being read, e.g. {@code "arguments for WeatherArgs"}
   * @param result the problems; not valid
   */
  public SchemaViolationException(String what, ValidationResult result) {
    super("invalid " + what + ": " + result.summary());
    if (result.isValid()) {
      throw new IllegalArgumentException("a SchemaViolationException needs at least one problem");
    }
    this.result = result;
  }

  /** The problems found, each naming its field. */
  public ValidationResult result() {
    return result;
  }
}
