package dev.mcpkit.core.jsonschema.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.ValidationMessage;
import dev.mcpkit.core.jsonschema.JsonSchemaValidator;
import dev.mcpkit.core.jsonschema.ValidationProblem;
import dev.mcpkit.core.jsonschema.ValidationResult;
import java.util.List;
import java.util.Set;

/** One compiled schema; immutable once its references were resolved at compile time. */
final class NetworkntValidator implements JsonSchemaValidator {
  private final JsonSchema schema;
  private final JsonNode document;
  private final FlatObjectCheck quick; // null: every value goes to the general validator

  NetworkntValidator(JsonSchema schema, JsonNode document) {
    this.schema = schema;
    this.document = document;
    this.quick = FlatObjectCheck.of(document);
  }

  @Override
  public ValidationResult validate(JsonNode instance) {
    if (quick != null && quick.surelyValid(instance)) {
      return ValidationResult.VALID;
    }
    return validateFully(instance);
  }

  /** The general validator's answer, without the quick check. */
  ValidationResult validateFully(JsonNode instance) {
    Set<ValidationMessage> messages;
    try {
      messages = schema.validate(instance == null ? NullNode.getInstance() : instance);
    } catch (RuntimeException e) {
      return new ValidationResult(List.of(new ValidationProblem("", "$", "error",
          "$: could not be validated: " + e.getMessage())));
    }
    return messages.isEmpty() ? ValidationResult.VALID
        : new ValidationResult(ProblemMessages.of(messages, document));
  }

  /** Whether values are first checked without the general validator (for tests). */
  boolean hasQuickCheck() {
    return quick != null;
  }

  @Override
  public String toString() {
    String text = document.toString();
    return "JsonSchemaValidator" + (text.length() > 200 ? text.substring(0, 200) + "..." : text);
  }
}
