package dev.mcpkit.core.jsonschema;

import java.util.Objects;

/**
 * One reason a JSON value does not satisfy a schema.
 *
 * @param pointer the JSON Pointer (RFC 6901) of the offending value, {@code ""} for the root;
 *     for a missing or unexpected property, the pointer of that property
 * @param path the same location for humans, JSONPath style: {@code $}, {@code $.user.name},
 *     {@code $.items[0]}, {@code $['odd key']}
 * @param keyword what failed: a JSON Schema keyword ({@code type}, {@code required},
 *     {@code enum}, ...) or one of the checks around them: {@code $schema} (an unsupported
 *     dialect), {@code $ref} (a reference that cannot be followed), {@code conversion} (JSON that
 *     fits the schema but not the Java type) or {@code error} (anything else)
 * @param message one line for humans that starts with {@code path}, such as
 *     {@code $.count: must be an integer, got string "x"}
 */
public record ValidationProblem(String pointer, String path, String keyword, String message) {
  public ValidationProblem {
    Objects.requireNonNull(pointer, "pointer");
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(keyword, "keyword");
    Objects.requireNonNull(message, "message");
  }

  @Override
  public String toString() {
    return message;
  }
}
