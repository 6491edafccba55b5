package dev.mcpkit.core.jsonschema;

import static dev.mcpkit.core.jsonschema.Json.json;
import static dev.mcpkit.core.jsonschema.Json.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wording of the standard validator's problems: what a model reads in a tool error. */
class StandardValidatorMessagesTest {
  private static List<String> messages(String schema, String instance) {
    return messages(json(schema), instance);
  }

  private static List<String> messages(JsonNode schema, String instance) {
    return JsonSchemaValidator.compile(schema).validate(json(instance)).problems().stream()
        .map(ValidationProblem::message).toList();
  }

  @Test
  void wrongTypeNamesTheFieldTheExpectedTypeAndWhatWasGiven() {
    assertThat(messages("{'properties':{'count':{'type':'integer'}}}", "{'count':'x'}"))
        .containsExactly("$.count: must be an integer, got string \"x\"");
  }

  @Test
  void aTypeListReadsAsAlternatives() {
    assertThat(messages("{'properties':{'a':{'type':['string','null']}}}", "{'a':1.5}"))
        .containsExactly("$.a: must be a string or null, got number 1.5");
  }

  @Test
  void typeFailuresOfAnyOfBranchesMergeIntoOneProblem() {
    assertThat(messages("{'properties':{'id':{'anyOf':[{'type':'string'},{'type':'integer'}]}}}",
        "{'id':true}"))
        .containsExactly("$.id: must be a string or an integer, got boolean true");
  }

  @Test
  void missingRequiredPropertyIsNamed() {
    assertThat(messages(resource("weather-2020-12.json"), "{'days':3}"))
        .containsExactly("$.city: is required");
  }

  @Test
  void unknownPropertyListsTheAllowedOnesAndSuggestsTheClosest() {
    assertThat(messages(resource("weather-2020-12.json"), "{'city':'Oslo','day':3}"))
        .containsExactlyInAnyOrder("$.day: is not allowed; allowed: city, days, units (did you mean"
            + " \"days\"?)", "$.days: is required");
  }

  @Test
  void enumListsTheValuesAndSuggestsTheClosest() {
    assertThat(messages(resource("weather-2020-12.json"), "{'city':'Oslo','days':1,"
        + "'units':'metrc'}"))
        .containsExactly("$.units: must be one of \"metric\", \"imperial\", got string"
            + " \"metrc\" (did you mean \"metric\"?)");
  }

  @Test
  void boundsAndLengthsSayTheLimitAndTheValue() {
    assertThat(messages(resource("weather-2020-12.json"), "{'city':'','days':15}"))
        .containsExactly("$.city: must be at least 1 character long, got 0",
            "$.days: must be at most 14, got integer 15");
    assertThat(messages("{'exclusiveMinimum':0}", "0"))
        .containsExactly("$: must be greater than 0, got integer 0");
    assertThat(messages("{'type':'array','minItems':2}", "[1]"))
        .containsExactly("$: must have at least 2 items, got 1");
  }

  @Test
  void propertiesThatNoSubschemaDeclaresAreNamedWhenUnevaluatedPropertiesIsFalse() {
    assertThat(messages("{'allOf':[{'properties':{'a':{}}}],'unevaluatedProperties':false}",
        "{'a':1,'b':2}"))
        .containsExactly("$.b: is not allowed (no subschema declares it)");
  }

  @Test
  void draft04ExclusiveMinimumIsReadFromItsBooleanFlag() {
    assertThat(messages("{'$schema':'http://json-schema.org/draft-04/schema#',"
        + "'minimum':5,'exclusiveMinimum':true}", "5"))
        .containsExactly("$: must be greater than 5, got integer 5");
  }

  @Test
  void patternAndConstShowWhatWasExpected() {
    assertThat(messages("{'pattern':'^[A-Z]+$'}", "'abc'"))
        .containsExactly("$: must match the pattern ^[A-Z]+$, got string \"abc\"");
    assertThat(messages("{'const':'yes'}", "'no'"))
        .containsExactly("$: must be \"yes\", got string \"no\"");
  }

  @Test
  void propertyNamesThatAreNotIdentifiersAreQuotedInThePath() {
    List<ValidationProblem> problems = JsonSchemaValidator.compile(
            json("{'properties':{'first name':{'type':'string'},'a/b':{'type':'string'}}}"))
        .validate(json("{'first name':1,'a/b':2}")).problems();

    assertThat(problems).extracting(ValidationProblem::path)
        .containsExactly("$['first name']", "$['a/b']");
    assertThat(problems).extracting(ValidationProblem::pointer)
        .containsExactly("/first name", "/a~1b");
  }

  @Test
  void longStringsAreCutShortInMessages() {
    String longText = "x".repeat(500);
    assertThat(messages("{'type':'integer'}", "'" + longText + "'").get(0))
        .hasSizeLessThan(100).endsWith("...\"");
  }

  @Test
  void standardFormatsAreAsserted() {
    assertThat(messages("{'format':'date-time'}", "'yesterday'"))
        .containsExactly("$: must be a valid date-time, got string \"yesterday\"");
    assertThat(messages("{'format':'uuid'}", "'123'")).hasSize(1);
    assertThat(messages("{'format':'date-time'}", "'2025-06-18T10:00:00Z'")).isEmpty();
  }

  @Test
  void formatsOutsideTheSpecificationAreIgnored() {
    assertThat(messages("{'format':'int32'}", "'anything'")).isEmpty();
    assertThat(messages("{'format':'phone'}", "'(555) 010-0199'")).isEmpty();
  }

  @Test
  void unknownKeywordsAreAnnotationsThatDoNotFailValidation() {
    assertThat(messages("{'type':'object','properties':{'region':{'type':'string',"
        + "'x-mcp-header':'Region'}}}", "{'region':'eu'}")).isEmpty();
  }

  @Test
  void theSummaryListsFiveProblemsThenCountsTheRest() {
    ValidationResult result = JsonSchemaValidator.compile(json("{'additionalProperties':false}"))
        .validate(json("{'a':1,'b':2,'c':3,'d':4,'e':5,'f':6,'g':7}"));

    assertThat(result.summary())
        .startsWith("$.a: is not allowed")
        .contains("$.e: is not allowed")
        .doesNotContain("$.f")
        .endsWith("; and 2 more problems");
    assertThat(ValidationResult.VALID.summary()).isEqualTo("valid");
  }

  @Test
  void aValidDraft07SchemaWithTolerableSpellingOfSchemaCompiles() {
    assertThat(messages("{'$schema':'https://json-schema.org/draft-07/schema',"
        + "'type':'string'}", "1")).containsExactly("$: must be a string, got integer 1");
  }

  @Test
  void aTolerableSpellingOfSchemaIsCachedLikeAnyOther() {
    JsonNode schema = json("{'$schema':'http://json-schema.org/draft-07/schema','type':'object'}");

    assertThat(JsonSchemaValidator.compile(schema)).isSameAs(JsonSchemaValidator.compile(schema));
    assertThat(schema.get("$schema").asText()).isEqualTo("http://json-schema.org/draft-07/schema");
  }

  @Test
  void draft2019SchemasAreSupported() {
    assertThat(messages("{'$schema':'https://json-schema.org/draft/2019-09/schema',"
        + "'$defs':{'n':{'type':'number'}},'$ref':'#/$defs/n'}", "'x'"))
        .containsExactly("$: must be a number, got string \"x\"");
  }

  @Test
  void compilingTheSameSchemaTwiceReusesTheCompiledValidator() {
    JsonSchemaValidator first = JsonSchemaValidator.compile(resource("weather-2020-12.json"));
    JsonSchemaValidator second = JsonSchemaValidator.compile(resource("weather-2020-12.json"));

    assertThat(second).isSameAs(first);
  }

  @Test
  void aRemoteReferenceProblemPointsAtTheReferenceAndSaysHowToFixIt() {
    assertThatThrownBy(() -> JsonSchemaValidator.compile(json("{'$id':'https://example.com/t',"
        + "'properties':{'a':{'$ref':'other.json'}}}")))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessage("invalid JSON Schema: $.properties.a.$ref: refers to"
            + " \"https://example.com/other.json\", outside this schema; references are never"
            + " fetched: copy that schema under \"$defs\" and refer to it as"
            + " \"#/$defs/<name>\"");
  }

  @Test
  void aReferenceToTheSchemasOwnIdIsLocal() {
    assertThat(messages("{'$id':'https://example.com/tool','$defs':{'n':{'type':'integer'}},"
        + "'properties':{'a':{'$ref':'https://example.com/tool#/$defs/n'}}}", "{'a':'x'}"))
        .containsExactly("$.a: must be an integer, got string \"x\"");
  }

  @Test
  void twoSchemasWithTheSameIdDoNotSeeEachOther() {
    String template = "{'$id':'https://example.com/same','$defs':{'n':{'type':'%s'}},"
        + "'properties':{'a':{'$ref':'#/$defs/n'}}}";

    assertThat(messages(String.format(template, "integer"), "{'a':1}")).isEmpty();
    assertThat(messages(String.format(template, "string"), "{'a':'x'}")).isEmpty();
  }

  @Test
  void classpathResourcesOtherThanMetaSchemasAreNotReadable() {
    assertThatThrownBy(() -> JsonSchemaValidator.compile(
        json("{'$ref':'classpath:jsonschema/weather-2020-12.json'}")))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessageContaining("outside this schema");
  }

  @Test
  void aReferenceToAMetaSchemaIsServedFromTheJar() {
    JsonSchemaValidator schemaOfSchemas = JsonSchemaValidator.compile(
        json("{'$ref':'https://json-schema.org/draft/2020-12/schema'}"));

    assertThat(schemaOfSchemas.validate(json("{'type':'object'}")).isValid()).isTrue();
    assertThat(schemaOfSchemas.validate(json("{'type':'strnig'}")).isValid()).isFalse();
  }

  @Test
  void anUnsupportedDialectProblemListsTheSupportedOnes() {
    assertThatThrownBy(() -> JsonSchemaValidator.compile(
        json("{'$schema':'https://json-schema.org/draft/next/schema'}")))
        .hasMessageContaining("$.$schema: names an unsupported dialect")
        .hasMessageContaining("http://json-schema.org/draft-07/schema#");
  }
}
