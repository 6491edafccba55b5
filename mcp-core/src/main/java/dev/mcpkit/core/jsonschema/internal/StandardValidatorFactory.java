package dev.mcpkit.core.jsonschema.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.AnnotationKeyword;
import com.networknt.schema.JsonMetaSchema;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.KeywordFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.resource.AllowSchemaLoader;
import dev.mcpkit.core.jsonschema.InvalidSchemaException;
import dev.mcpkit.core.jsonschema.JsonSchemaValidator;
import dev.mcpkit.core.jsonschema.ValidationProblem;
import dev.mcpkit.core.jsonschema.ValidationResult;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The standard {@link JsonSchemaValidator.Factory}, on networknt json-schema-validator.
 *
 * <p>Compiling a schema: find its dialect from {@code $schema} (2020-12 when absent), validate it
 * against that dialect's meta-schema (bundled in the library's jar), build the validator and
 * resolve every {@code $ref} eagerly, so that a bad reference fails here rather than on the first
 * call, and the compiled validator is never mutated while validating (which makes it safe to share
 * between threads). The only resources ever loaded are the library's bundled meta-schemas; any
 * other reference fails with a message that says to inline the schema.
 *
 * <p>Unknown keywords (such as {@code x-mcp-header}) are annotations: kept, not logged.
 * {@code format} asserts the formats JSON Schema defines and ignores any other (OpenAPI's
 * {@code int32}, {@code password}...); the library's own extras such as {@code phone} are off,
 * because their rules are the library's, not the specification's.
 */
public final class StandardValidatorFactory implements JsonSchemaValidator.Factory {
  /** The formats JSON Schema 2020-12 defines; all earlier dialects define a subset. */
  private static final Set<String> STANDARD_FORMATS = Set.of("date-time", "date", "time",
      "duration", "email", "idn-email", "hostname", "idn-hostname", "ipv4", "ipv6", "uri",
      "uri-reference", "iri", "iri-reference", "uuid", "uri-template", "json-pointer",
      "relative-json-pointer", "regex");

  /** Where networknt maps json-schema.org IRIs: its bundled meta-schemas and vocabularies. */
  private static final Pattern BUNDLED_META_SCHEMA = Pattern.compile(
      "classpath:(draft-0[467]/schema|draft/(2019-09|2020-12)/(schema|meta/[a-z-]+))");

  private static final KeywordFactory UNKNOWN_KEYWORDS_ARE_ANNOTATIONS =
      (keyword, context) -> new AnnotationKeyword(keyword);

  /** The shared instance (declared after the constants its constructor reads). */
  public static final StandardValidatorFactory INSTANCE = new StandardValidatorFactory(256);

  private final JsonSchemaFactory factory;
  private final SchemaValidatorsConfig config;
  private final Map<Dialect, JsonSchema> metaSchemas = new EnumMap<>(Dialect.class);
  private final Map<JsonNode, JsonSchemaValidator> recent;

  StandardValidatorFactory(int cacheSize) {
    List<JsonMetaSchema> dialects = new ArrayList<>();
    for (Dialect dialect : Dialect.values()) {
      dialects.add(JsonMetaSchema.builder(dialect.iri(), dialect.metaSchema)
          .unknownKeywordFactory(UNKNOWN_KEYWORDS_ARE_ANNOTATIONS)
          .formats(formats -> formats.keySet().retainAll(STANDARD_FORMATS))
          .build());
    }
    this.factory = JsonSchemaFactory.builder()
        .defaultMetaSchemaIri(Dialect.DEFAULT.iri())
        .metaSchemas(dialects)
        .schemaLoaders(loaders -> loaders.add(new AllowSchemaLoader(
            iri -> BUNDLED_META_SCHEMA.matcher(iri.toString()).matches())))
        .build();
    this.config = SchemaValidatorsConfig.builder()
        .formatAssertionsEnabled(true)
        .pathType(PathType.JSON_POINTER)
        .locale(Locale.ROOT)
        .build();
    this.recent = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<JsonNode, JsonSchemaValidator> eldest) {
        return size() > cacheSize;
      }
    });
  }

  @Override
  public JsonSchemaValidator compile(JsonNode schema) {
    Objects.requireNonNull(schema, "schema");
    JsonSchemaValidator cached = recent.get(schema);
    if (cached != null) {
      return cached;
    }
    JsonNode copy = schema.deepCopy(); // the caller may change its node later; the key must not
    JsonSchemaValidator compiled = compileUncached(copy);
    recent.put(copy, compiled);
    return compiled;
  }

  private JsonSchemaValidator compileUncached(JsonNode schema) {
    if (schema.isBoolean()) {
      return build(schema);
    }
    if (!schema.isObject()) {
      throw invalid(Location.ROOT, "type",
          "a schema must be an object or a boolean, got " + Values.describe(schema));
    }
    Dialect dialect = dialectOf(schema);
    JsonNode canonical = withCanonicalIri(schema, dialect);
    List<ValidationProblem> problems =
        ProblemMessages.ofSchema(metaSchema(dialect).validate(canonical));
    if (!problems.isEmpty()) {
      throw new InvalidSchemaException(new ValidationResult(problems));
    }
    return build(canonical);
  }

  private JsonSchemaValidator build(JsonNode schema) {
    try {
      JsonSchema compiled = factory.getSchema(schema, config);
      compiled.initializeValidators(); // resolve every $ref now
      return new NetworkntValidator(compiled, schema);
    } catch (RuntimeException e) {
      throw new InvalidSchemaException(
          new ValidationResult(List.of(References.problem(e, schema))));
    }
  }

  /** The dialect {@code $schema} names; 2020-12 when it is absent. */
  private static Dialect dialectOf(JsonNode schema) {
    JsonNode declared = schema.get("$schema");
    if (declared == null) {
      return Dialect.DEFAULT;
    }
    Location at = Location.ROOT.property("$schema");
    if (!declared.isTextual()) {
      throw invalid(at, "$schema", "must be a string naming the dialect, got "
          + Values.describe(declared));
    }
    return Dialect.forIri(declared.textValue()).orElseThrow(() -> invalid(at, "$schema",
        "names an unsupported dialect " + Values.json(declared) + "; leave $schema out for"
            + " JSON Schema 2020-12 (the MCP default) or use one of " + supportedIris()));
  }

  /** The library recognises dialects only by their exact IRI: fix a tolerated spelling. */
  private static JsonNode withCanonicalIri(JsonNode schema, Dialect dialect) {
    JsonNode declared = schema.get("$schema");
    if (declared == null || dialect.iri().equals(declared.textValue())) {
      return schema;
    }
    ObjectNode canonical = (ObjectNode) schema.deepCopy();
    canonical.put("$schema", dialect.iri());
    return canonical;
  }

  private JsonSchema metaSchema(Dialect dialect) {
    synchronized (metaSchemas) {
      return metaSchemas.computeIfAbsent(dialect, d -> {
        JsonSchema meta = factory.getSchema(SchemaLocation.of(d.iri()), config);
        meta.initializeValidators();
        return meta;
      });
    }
  }

  private static String supportedIris() {
    List<String> iris = new ArrayList<>();
    for (Dialect dialect : Dialect.values()) {
      iris.add(dialect.iri());
    }
    return String.join(", ", iris);
  }

  static InvalidSchemaException invalid(Location at, String keyword, String detail) {
    return new InvalidSchemaException(new ValidationResult(List.of(
        new ValidationProblem(at.pointer(), at.path(), keyword, at.path() + ": " + detail))));
  }
}
