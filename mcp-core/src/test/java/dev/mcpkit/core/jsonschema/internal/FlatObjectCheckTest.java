package dev.mcpkit.core.jsonschema.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mcpkit.core.jsonschema.ValidationResult;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The quick check of flat object schemas says "valid" only where the general validator does, and
 * a validator with it answers every value exactly as the general validator alone.
 */
class FlatObjectCheckTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final List<String> QUICK = List.of(
      "{\"type\":\"object\",\"properties\":{\"message\":{\"type\":\"string\"}},"
          + "\"required\":[\"message\"]}",
      "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\",\"description\":\"count\"},"
          + "\"x\":{\"type\":\"number\"},\"b\":{\"type\":\"boolean\"},\"o\":{\"type\":\"object\"},"
          + "\"a\":{\"type\":\"array\"},\"z\":{\"type\":\"null\"}},\"additionalProperties\":false}",
      "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"type\":\"object\","
          + "\"title\":\"t\",\"properties\":{\"s\":{\"type\":\"string\",\"default\":\"d\"}},"
          + "\"required\":[\"s\",\"t\"],\"additionalProperties\":true}",
      "{\"type\":\"object\"}");

  private static final List<String> GENERAL = List.of(
      "{\"type\":\"object\",\"properties\":{\"s\":{\"type\":\"string\",\"minLength\":3}}}",
      "{\"type\":\"object\",\"properties\":{\"s\":{\"type\":[\"string\",\"null\"]}}}",
      "{\"type\":\"object\",\"properties\":{\"s\":{\"type\":\"string\",\"format\":\"email\"}}}",
      "{\"type\":\"object\",\"properties\":{\"s\":{\"enum\":[\"a\"]}}}",
      "{\"type\":\"object\",\"additionalProperties\":{\"type\":\"string\"}}",
      "{\"type\":\"object\",\"properties\":{\"s\":{\"$ref\":\"#/$defs/s\"}},"
          + "\"$defs\":{\"s\":{\"type\":\"string\"}}}",
      "{\"properties\":{\"s\":{\"type\":\"string\"}}}",
      "{\"type\":\"object\",\"minProperties\":1}");

  private static final List<String> VALUES = List.of("{}", "{\"message\":\"hi\"}",
      "{\"message\":1}", "{\"message\":null}", "{\"n\":1}", "{\"n\":1.0}", "{\"n\":1.5}",
      "{\"n\":\"1\"}", "{\"x\":2.5}", "{\"x\":true}", "{\"b\":false}", "{\"o\":{}}",
      "{\"o\":[]}", "{\"a\":[1]}", "{\"z\":null}", "{\"z\":0}", "{\"extra\":1}",
      "{\"s\":\"abcd\",\"t\":1}", "{\"s\":\"ab\"}", "{\"s\":\"a@b.c\"}", "[]", "\"text\"", "null",
      "{\"message\":\"hi\",\"n\":9007199254740993,\"x\":1e400,\"b\":true,\"a\":[],\"o\":{},"
          + "\"z\":null}");

  @Test
  void flatObjectSchemasGetTheQuickCheckAndOthersDoNot() throws Exception {
    for (String schema : QUICK) {
      assertThat(FlatObjectCheck.of(JSON.readTree(schema))).as(schema).isNotNull();
      assertThat(((NetworkntValidator) StandardValidatorFactory.INSTANCE.compile(
          JSON.readTree(schema))).hasQuickCheck()).as(schema).isTrue();
    }
    for (String schema : GENERAL) {
      assertThat(FlatObjectCheck.of(JSON.readTree(schema))).as(schema).isNull();
    }
  }

  @Test
  void answersExactlyAsTheGeneralValidator() throws Exception {
    List<String> schemas = new ArrayList<>(QUICK);
    schemas.addAll(GENERAL);
    int quickYes = 0;
    int quickNo = 0;
    for (String schemaText : schemas) {
      JsonNode schema = JSON.readTree(schemaText);
      NetworkntValidator validator =
          (NetworkntValidator) StandardValidatorFactory.INSTANCE.compile(schema);
      FlatObjectCheck quick = FlatObjectCheck.of(schema);
      for (String valueText : VALUES) {
        JsonNode value = JSON.readTree(valueText);
        ValidationResult full = validator.validateFully(value);
        assertThat(validator.validate(value)).as("%s against %s", valueText, schemaText)
            .isEqualTo(full);
        if (quick != null && quick.surelyValid(value)) {
          assertThat(full.isValid()).as("%s against %s", valueText, schemaText).isTrue();
          quickYes++;
        } else if (quick != null) {
          quickNo++;
        }
      }
    }
    // both ways were taken: values vouched for, and values left to the general validator
    assertThat(quickYes).isGreaterThan(10);
    assertThat(quickNo).isGreaterThan(10);
  }

  @Test
  void aFloatWithAnIntegralValueIsLeftToTheValidator() throws Exception {
    FlatObjectCheck quick = FlatObjectCheck.of(JSON.readTree(
        "{\"type\":\"object\",\"properties\":{\"n\":{\"type\":\"integer\"}}}"));
    assertThat(quick.surelyValid(JSON.readTree("{\"n\":3}"))).isTrue();
    assertThat(quick.surelyValid(JSON.readTree("{\"n\":3.0}"))).isFalse();
  }
}
