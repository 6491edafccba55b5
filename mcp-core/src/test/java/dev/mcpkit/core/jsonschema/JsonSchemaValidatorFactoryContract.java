package dev.mcpkit.core.jsonschema;

import static dev.mcpkit.core.jsonschema.Json.json;
import static dev.mcpkit.core.jsonschema.Json.resource;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every {@link JsonSchemaValidator.Factory} must do. A host that plugs in its own factory
 * extends this class and implements {@link #factory()}.
 */
public abstract class JsonSchemaValidatorFactoryContract {
  /** The factory under test. */
  protected abstract JsonSchemaValidator.Factory factory();

  private JsonSchemaValidator compile(JsonNode schema) {
    return factory().compile(schema);
  }

  private static List<String> pointers(ValidationResult result) {
    return result.problems().stream().map(ValidationProblem::pointer).toList();
  }

  @Test
  void aValidInstanceHasNoProblems() {
    ValidationResult result = compile(resource("weather-2020-12.json"))
        .validate(json("{'city':'Paris','days':3,'units':'metric'}"));

    assertThat(result.isValid()).isTrue();
    assertThat(result.problems()).isEmpty();
  }

  @Test
  void wrongTypeIsReportedAtThePointerOfTheValue() {
    ValidationResult result = compile(resource("weather-2020-12.json"))
        .validate(json("{'city':'Paris','days':'x'}"));

    assertThat(result.isValid()).isFalse();
    assertThat(pointers(result)).containsExactly("/days");
    assertThat(result.problems().get(0).path()).isEqualTo("$.days");
    assertThat(result.problems().get(0).keyword()).isEqualTo("type");
  }

  @Test
  void missingRequiredPropertyIsReportedAtThePropertyItself() {
    ValidationResult result = compile(resource("weather-2020-12.json"))
        .validate(json("{'days':3}"));

    assertThat(result.problems()).singleElement().satisfies(problem -> {
      assertThat(problem.pointer()).isEqualTo("/city");
      assertThat(problem.keyword()).isEqualTo("required");
      assertThat(problem.message()).startsWith("$.city: ");
    });
  }

  @Test
  void problemsInsideArraysAndNestedObjectsCarryTheFullPath() {
    JsonSchemaValidator validator = compile(json("{'type':'object','properties':{'order':{"
        + "'type':'object','properties':{'lines':{'type':'array','items':{'type':'object',"
        + "'properties':{'qty':{'type':'integer'}},'required':['sku']}}}}}}"));

    ValidationResult result = validator.validate(
        json("{'order':{'lines':[{'sku':'a','qty':1},{'qty':'two'}]}}"));

    assertThat(pointers(result)).containsExactlyInAnyOrder("/order/lines/1/qty",
        "/order/lines/1/sku");
    assertThat(result.problems()).extracting(ValidationProblem::path)
        .contains("$.order.lines[1].qty");
  }

  @Test
  void enumRejectsValuesOutsideTheList() {
    ValidationResult result = compile(resource("weather-2020-12.json"))
        .validate(json("{'city':'Paris','days':3,'units':'kelvin'}"));

    assertThat(result.problems()).singleElement()
        .satisfies(problem -> assertThat(problem.keyword()).isEqualTo("enum"))
        .satisfies(problem -> assertThat(problem.pointer()).isEqualTo("/units"));
  }

  @Test
  void additionalPropertiesFalseRejectsUnknownPropertiesByName() {
    ValidationResult result = compile(resource("weather-2020-12.json"))
        .validate(json("{'city':'Paris','days':3,'unit':'metric'}"));

    assertThat(result.problems()).singleElement()
        .satisfies(problem -> assertThat(problem.keyword()).isEqualTo("additionalProperties"))
        .satisfies(problem -> assertThat(problem.pointer()).isEqualTo("/unit"));
  }

  @Test
  void localReferencesIntoDefsAreFollowed() {
    JsonSchemaValidator validator = compile(json("{'$defs':{'qty':{'type':'integer',"
        + "'minimum':1}},'type':'object','properties':{'a':{'$ref':'#/$defs/qty'},"
        + "'b':{'$ref':'#/$defs/qty'}}}"));

    assertThat(validator.validate(json("{'a':1,'b':2}")).isValid()).isTrue();
    assertThat(pointers(validator.validate(json("{'a':0,'b':'x'}"))))
        .containsExactlyInAnyOrder("/a", "/b");
  }

  @Test
  void recursiveLocalReferencesValidateNestedInstances() {
    JsonSchemaValidator validator = compile(json("{'$defs':{'node':{'type':'object',"
        + "'properties':{'value':{'type':'integer'},'next':{'$ref':'#/$defs/node'}}}},"
        + "'$ref':'#/$defs/node'}"));

    ValidationResult result = validator.validate(
        json("{'value':1,'next':{'value':2,'next':{'value':'three'}}}"));

    assertThat(pointers(result)).containsExactly("/next/next/value");
  }

  @Test
  void draft07SchemasAreValidatedByDraft07Rules() {
    JsonSchemaValidator validator = compile(resource("order-draft-07.json"));

    assertThat(validator.validate(json("{'id':'A-1','items':[{'sku':'x','qty':2}]}")).isValid())
        .isTrue();
    // draft-07 "items" with a single schema applies to every element
    assertThat(pointers(validator.validate(json("{'id':'A-1','items':[{'sku':'x','qty':0}]}"))))
        .containsExactly("/items/0/qty");
    // "definitions" + "$ref"
    assertThat(pointers(validator.validate(json("{'id':7,'items':[]}"))))
        .containsExactly("/id");
  }

  @Test
  void aSchemaWithoutDollarSchemaFollowsDraft2020_12() {
    JsonSchemaValidator tuple = compile(json("{'type':'array','prefixItems':[{'type':'integer'}],"
        + "'items':false}"));
    JsonSchemaValidator dependent = compile(json("{'type':'object',"
        + "'dependentRequired':{'card':['expiry']}}"));

    assertThat(tuple.validate(json("[1]")).isValid()).isTrue();
    assertThat(pointers(tuple.validate(json("['one']")))).containsExactly("/0");
    assertThat(tuple.validate(json("[1,2]")).isValid()).as("items: false after the prefix")
        .isFalse();
    assertThat(dependent.validate(json("{'card':'4242'}")).isValid()).isFalse();
    assertThat(dependent.validate(json("{'card':'4242','expiry':'12/30'}")).isValid()).isTrue();
  }

  @Test
  void aDraft07SchemaUsesDraft07TupleItemsAndIgnoresLaterKeywords() {
    JsonSchemaValidator tuple = compile(json("{'$schema':'http://json-schema.org/draft-07/schema#',"
        + "'type':'array','items':[{'type':'integer'}],'additionalItems':false}"));
    JsonSchemaValidator later = compile(json("{'$schema':'http://json-schema.org/draft-07/schema#',"
        + "'type':'array','prefixItems':[{'type':'integer'}]}"));

    assertThat(tuple.validate(json("[1]")).isValid()).isTrue();
    assertThat(pointers(tuple.validate(json("['one']")))).containsExactly("/0");
    assertThat(tuple.validate(json("[1,2]")).isValid()).as("additionalItems: false").isFalse();
    assertThat(later.validate(json("['one']")).isValid())
        .as("prefixItems is not a draft-07 keyword").isTrue();
  }

  @Test
  void draft07TupleItemsAreNotValid2020_12() {
    assertThatThrownBy(() -> compile(json("{'type':'array','items':[{'type':'integer'}]}")))
        .isInstanceOf(InvalidSchemaException.class);
  }

  @Test
  void aNullInstanceIsJsonNull() {
    ValidationResult result = compile(json("{'type':'object'}")).validate(null);

    assertThat(pointers(result)).containsExactly("");
  }

  @Test
  void booleanSchemasAcceptEverythingOrNothing() {
    assertThat(compile(json("true")).validate(json("{'a':1}")).isValid()).isTrue();
    assertThat(compile(json("false")).validate(json("{'a':1}")).isValid()).isFalse();
  }

  @Test
  @Timeout(10)
  void aRemoteReferenceFailsAtCompileTimeWithoutTouchingTheNetwork() {
    // 192.0.2.0/24 is TEST-NET-1: a connection attempt would hang, not fail fast
    JsonNode schema = json("{'type':'object','properties':{'a':"
        + "{'$ref':'http://192.0.2.1/schemas/a.json'}}}");

    assertThatThrownBy(() -> compile(schema))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessageContaining("http://192.0.2.1/schemas/a.json");
  }

  @Test
  void aReferenceToAFileFailsAtCompileTime() {
    assertThatThrownBy(() -> compile(json("{'$ref':'file:///etc/passwd'}")))
        .isInstanceOf(InvalidSchemaException.class);
  }

  @Test
  void aReferenceToNothingInTheSchemaFailsAtCompileTime() {
    assertThatThrownBy(() -> compile(json("{'properties':{'a':{'$ref':'#/$defs/missing'}}}")))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessageContaining("#/$defs/missing");
  }

  @Test
  void anUnknownDialectIsRejectedRatherThanFetched() {
    assertThatThrownBy(() -> compile(json("{'$schema':'https://example.com/my-dialect',"
        + "'type':'object'}")))
        .isInstanceOf(InvalidSchemaException.class)
        .hasMessageContaining("https://example.com/my-dialect");
  }

  @Test
  void aSchemaInvalidAgainstItsMetaSchemaIsRejected() {
    assertThatThrownBy(() -> compile(json("{'type':'object','properties':{'a':"
        + "{'type':'strnig'}}}")))
        .isInstanceOf(InvalidSchemaException.class)
        .satisfies(e -> assertThat(((InvalidSchemaException) e).result().problems())
            .extracting(ValidationProblem::pointer).containsExactly("/properties/a/type"));
  }

  @Test
  void oneCompiledValidatorServesManyThreadsAtOnce() throws Exception {
    JsonSchemaValidator validator = compile(json("{'$defs':{'n':{'type':'integer'}},"
        + "'type':'object','properties':{'a':{'$ref':'#/$defs/n'},'b':{'type':'string'}},"
        + "'required':['a']}"));
    int threads = 8;
    int rounds = 2_000;
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    CountDownLatch start = new CountDownLatch(1);
    try {
      List<Future<Integer>> wrong = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        int seed = t;
        wrong.add(pool.submit(() -> {
          start.await();
          int mistakes = 0;
          for (int i = 0; i < rounds; i++) {
            boolean valid = (i + seed) % 2 == 0;
            JsonNode instance = valid ? json("{'a':" + i + ",'b':'x'}") : json("{'a':'" + i + "'}");
            ValidationResult result = validator.validate(instance);
            if (result.isValid() != valid
                || (!valid && !pointers(result).equals(List.of("/a")))) {
              mistakes++;
            }
          }
          return mistakes;
        }));
      }
      start.countDown();
      for (Future<Integer> future : wrong) {
        assertThat(future.get()).isZero();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void validatingDoesNotDependOnTheCallerKeepingTheSchemaUnchanged() {
    com.fasterxml.jackson.databind.node.ObjectNode schema =
        (com.fasterxml.jackson.databind.node.ObjectNode) json("{'type':'string'}");
    JsonSchemaValidator validator = compile(schema);

    schema.put("type", "integer");

    assertThat(validator.validate(json("'text'")).isValid()).isTrue();
  }

  /** A bound a thousand times what it takes, to catch per-call schema parsing, not to time. */
  @Test
  void validatingASmallArgumentsObjectDoesNotReparseTheSchema() {
    JsonSchemaValidator validator = compile(resource("weather-2020-12.json"));
    JsonNode arguments = json("{'city':'Paris','days':3,'units':'metric'}");
    for (int i = 0; i < 20_000; i++) {
      validator.validate(arguments);
    }
    long start = System.nanoTime();
    int calls = 20_000;
    for (int i = 0; i < calls; i++) {
      validator.validate(arguments);
    }
    Duration perCall = Duration.ofNanos((System.nanoTime() - start) / calls);

    assertThat(perCall).isLessThan(Duration.ofMillis(1));
  }
}
