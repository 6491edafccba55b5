package dev.mcpkit.core.jsonschema;

import java.util.List;
import java.util.stream.Collectors;

/**
 * The outcome of validating one value: valid, or the problems found, in a stable order.
 *
 * @param problems what is wrong; empty when the value is valid
 */
public record ValidationResult(List<ValidationProblem> problems) {
  /** The result for a valid value. */
  public static final ValidationResult VALID = new ValidationResult(List.of());

  /** How many problems {@link #summary()} spells out before it only counts the rest. */
  static final int SUMMARY_LIMIT = 5;

  public ValidationResult {
    problems = List.copyOf(problems);
  }

  /** Whether the value satisfied the schema. */
  public boolean isValid() {
    return problems.isEmpty();
  }

  /**
   * One line naming every problem (up to five, then a count), suitable as the text of an MCP tool
   * error result, e.g. {@code $.count: must be an integer, got string "x"; $.city: is required}.
   * Returns {@code "valid"} for a valid value.
   */
  public String summary() {
    if (problems.isEmpty()) {
      return "valid";
    }
    String shown = problems.stream().limit(SUMMARY_LIMIT)
        .map(ValidationProblem::message).collect(Collectors.joining("; "));
    int more = problems.size() - SUMMARY_LIMIT;
    return more <= 0 ? shown : shown + "; and " + more + " more problem" + (more == 1 ? "" : "s");
  }
}
