package dev.mcpkit.core.jsonschema;

import static dev.mcpkit.core.jsonschema.Json.json;
import static dev.mcpkit.core.jsonschema.Json.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** Checking a schema before it becomes a tool's inputSchema or outputSchema. */
class ToolSchemasTest {
  private static ValidationResult check(String schema) {
    return ToolSchemas.check(json(schema));
  }

  @Test
  void aWellFormedObjectSchemaPasses() {
    assertThat(ToolSchemas.check(resource("weather-2020-12.json"))).isEqualTo(
        ValidationResult.VALID);
    assertThat(ToolSchemas.check(resource("order-draft-07.json")).isValid()).isTrue();
    assertThat(check("{'type':'object'}").isValid()).isTrue();
  }

  @Test
  void aSchemaThatIsNotAJsonObjectIsRejected() {
    assertThat(check("true").summary())
        .isEqualTo("$: a tool schema must be a JSON object with \"type\": \"object\", got"
            + " boolean true");
    assertThat(ToolSchemas.check(null).isValid()).isFalse();
  }

  @Test
  void theRootMustDeclareTypeObject() {
    assertThat(check("{'properties':{'a':{'type':'string'}}}").summary())
        .isEqualTo("$.type: is required; a tool schema must declare \"type\": \"object\"");
    assertThat(check("{'type':'array'}").summary())
        .isEqualTo("$.type: must be \"object\" in a tool schema, got string \"array\"");
    assertThat(check("{'type':['object','null']}").problems())
        .extracting(ValidationProblem::pointer).containsExactly("/type");
  }

  @Test
  void aMisspelledTypeNameIsRejectedWithTheValidNames() {
    ValidationResult result = check("{'type':'object','properties':{'a':{'type':'strnig'}}}");

    assertThat(result.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.pointer()).isEqualTo("/properties/a/type");
      assertThat(problem.message()).isEqualTo("$.properties.a.type: must be one of \"array\","
          + " \"boolean\", \"integer\", \"null\", \"number\", \"object\", \"string\", got"
          + " string \"strnig\" (did you mean \"string\"?)");
    });
  }

  @Test
  void requiredMustBeAnArray() {
    assertThat(check("{'type':'object','required':'a'}").summary())
        .isEqualTo("$.required: must be an array, got string \"a\"");
  }

  @Test
  void anInvalidRegularExpressionIsRejected() {
    assertThat(check("{'type':'object','properties':{'a':{'type':'string','pattern':'('}}}")
        .summary()).isEqualTo("$.properties.a.pattern: must be a valid regex, got string \"(\"");
  }

  @Test
  void draft07SchemasAreCheckedAgainstTheDraft07MetaSchema() {
    assertThat(check("{'$schema':'http://json-schema.org/draft-07/schema#','type':'object',"
        + "'properties':{'a':{'minimum':'1'}}}").summary())
        .isEqualTo("$.properties.a.minimum: must be a number, got string \"1\"");
  }

  @Test
  void aRemoteReferenceIsAProblemNotANetworkCall() {
    assertThat(check("{'type':'object','properties':{'a':{'$ref':"
        + "'https://example.com/a.json'}}}").problems())
        .singleElement().satisfies(problem -> {
          assertThat(problem.keyword()).isEqualTo("$ref");
          assertThat(problem.pointer()).isEqualTo("/properties/a/$ref");
        });
  }

  @Test
  void everyProblemIsReportedTogether() {
    assertThat(check("{'type':'array','items':{'type':'strnig'},'minItems':'1'}").problems())
        .extracting(ValidationProblem::pointer)
        .containsExactlyInAnyOrder("/type", "/items/type", "/minItems");
  }

  @Test
  void compilingChecksAndReturnsAValidator() {
    JsonSchemaValidator validator = ToolSchemas.compile(resource("weather-2020-12.json"));

    assertThat(validator.validate(json("{'city':'Oslo','days':2}")).isValid()).isTrue();
    assertThatThrownBy(() -> ToolSchemas.compile(json("{'type':'string'}")))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessage("invalid JSON Schema: $.type: must be \"object\" in a tool schema, got"
            + " string \"string\"");
  }

  @Test
  void compilingUsesTheFactoryTheHostChose() {
    AtomicInteger compiled = new AtomicInteger();
    JsonSchemaValidator.Factory counting = schema -> {
      compiled.incrementAndGet();
      return JsonSchemaValidator.ACCEPT_ALL;
    };

    JsonSchemaValidator validator = ToolSchemas.compile(json("{'type':'object'}"), counting);

    assertThat(compiled).hasValue(1);
    assertThat(validator).isSameAs(JsonSchemaValidator.ACCEPT_ALL);
    assertThatThrownBy(() -> ToolSchemas.compile(json("{'type':'array'}"), counting))
        .isInstanceOf(InvalidSchemaException.class);
  }
}
