package dev.mcpkit.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.mcpkit.core.json.McpJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The official MCP schemas and examples in {@code shared/spec}, and validation against them that
 * never touches the network: each schema is served to the validator from memory under a
 * {@code urn:} name and every other loader is removed.
 *
 * <p>"Strict" schemas are the official ones with {@code additionalProperties: false} (draft-07) or
 * {@code unevaluatedProperties: false} (2020-12) added to every object shape that lists its
 * properties, so a field the version does not define is an error. Left open: tools' {@code
 * inputSchema} and {@code outputSchema} (JSON Schema documents), {@code _meta} objects, and
 * definitions used as {@code allOf} parts. Request and notification {@code params}
 * always admit {@code _meta}, which the JSON-RPC base types allow in every version.
 */
final class Spec {
  private static final Map<String, JsonSchema> VALIDATORS = new ConcurrentHashMap<>();
  private static final Map<ProtocolVersion, JsonNode> SCHEMAS = new ConcurrentHashMap<>();
  private static final Map<String, JsonSchemaFactory> FACTORIES = new ConcurrentHashMap<>();
  private static final Set<String> OPEN = Set.of("_meta", "inputSchema", "outputSchema");

  private Spec() {}

  static Path dir() {
    String configured = System.getProperty("mcp.spec.dir");
    Path dir = configured != null ? Path.of(configured) : Path.of("../../shared/spec");
    if (!Files.isDirectory(dir.resolve("schema"))) {
      throw new IllegalStateException("official MCP schemas not found in " + dir.toAbsolutePath()
          + "; set -Dmcp.spec.dir=<path to shared/spec>");
    }
    return dir;
  }

  static Path examples() {
    return dir().resolve("schema").resolve(ProtocolVersion.latest().id()).resolve("examples");
  }

  static JsonNode schema(ProtocolVersion version) {
    return SCHEMAS.computeIfAbsent(version, v -> read(
        dir().resolve("schema").resolve(v.id()).resolve("schema.json")));
  }

  static boolean isDraft07(ProtocolVersion version) {
    return schema(version).path("$schema").asText().contains("draft-07");
  }

  static ObjectNode definitions(ProtocolVersion version) {
    JsonNode schema = schema(version);
    return (ObjectNode) (schema.has("$defs") ? schema.get("$defs") : schema.get("definitions"));
  }

  static Optional<JsonNode> definition(ProtocolVersion version, String name) {
    return Optional.ofNullable(definitions(version).get(name));
  }

  static boolean hasDefinition(ProtocolVersion version, String name) {
    return definitions(version).has(name);
  }

  /** Properties a definition lists (empty for unions and references). */
  static Set<String> properties(ProtocolVersion version, String name) {
    Set<String> names = new HashSet<>();
    definition(version, name).map(d -> d.path("properties"))
        .ifPresent(p -> p.fieldNames().forEachRemaining(names::add));
    return names;
  }

  /** Names of the definitions whose {@code method} is the constant {@code method}. */
  static List<String> definitionsForMethod(ProtocolVersion version, String method) {
    return stream(definitions(version).fields())
        .filter(e -> method.equals(e.getValue().path("properties").path("method")
            .path("const").asText(null)))
        .map(Map.Entry::getKey)
        .collect(Collectors.toList());
  }

  /** Every {@code method} constant the schema defines. */
  static Set<String> methods(ProtocolVersion version) {
    return stream(definitions(version).fields())
        .map(e -> e.getValue().path("properties").path("method").path("const").asText(null))
        .filter(m -> m != null)
        .collect(Collectors.toSet());
  }

  /** Validation messages for {@code instance} against {@code #/$defs/<definition>}. */
  static Set<String> validate(
      ProtocolVersion version, String definition, JsonNode instance, boolean strict) {
    if (!hasDefinition(version, definition)) {
      throw new IllegalArgumentException(version + " defines no " + definition);
    }
    JsonSchema schema = VALIDATORS.computeIfAbsent(version + "/" + strict + "/" + definition,
        key -> load(version, definition, strict));
    return schema.validate(instance).stream()
        .map(ValidationMessage::toString)
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  static JsonNode read(Path file) {
    try {
      return McpJson.mapper().readTree(Files.readString(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonSchema load(ProtocolVersion version, String definition, boolean strict) {
    String iri = "urn:mcp:schema:" + version.id() + (strict ? ":strict" : "");
    JsonSchemaFactory factory =
        FACTORIES.computeIfAbsent(iri, key -> factory(version, strict, key));
    String pointer = "#/" + (isDraft07(version) ? "definitions" : "$defs") + "/" + definition;
    return factory.getSchema(SchemaLocation.of(iri + pointer),
        SchemaValidatorsConfig.builder().build());
  }

  /** A factory that knows one schema document, under {@code iri}, and can load nothing else. */
  private static JsonSchemaFactory factory(ProtocolVersion version, boolean strict, String iri) {
    boolean draft07 = isDraft07(version);
    String text = McpJson.write(strict ? strict(schema(version), draft07) : schema(version));
    return JsonSchemaFactory.getInstance(
        draft07 ? SpecVersion.VersionFlag.V7 : SpecVersion.VersionFlag.V202012,
        builder -> builder.schemaLoaders(loaders -> loaders.values(List::clear)
            .schemas(Map.of(iri, text))));
  }

  /** The schema with undeclared properties forbidden (see the class comment). */
  static JsonNode strict(JsonNode schema, boolean draft07) {
    ObjectNode copy = schema.deepCopy();
    ObjectNode defs =
        (ObjectNode) (copy.has("$defs") ? copy.get("$defs") : copy.get("definitions"));
    Set<String> allOfParts = new HashSet<>();
    collectAllOfParts(copy, allOfParts);
    defs.fields().forEachRemaining(e -> {
      if (!allOfParts.contains(e.getKey()) && !e.getKey().endsWith("MetaObject")) {
        close(e.getValue(), draft07, false);
      }
    });
    return copy;
  }

  private static void close(JsonNode node, boolean draft07, boolean isParams) {
    if (node instanceof ArrayNode array) {
      array.forEach(item -> close(item, draft07, false));
      return;
    }
    if (!(node instanceof ObjectNode object)) {
      return;
    }
    if (object.get("properties") instanceof ObjectNode props) {
      if (isParams && !props.has("_meta")) {
        props.putObject("_meta");
      }
      if (!object.has("additionalProperties") && !object.has("unevaluatedProperties")) {
        object.put(draft07 ? "additionalProperties" : "unevaluatedProperties", false);
      }
      props.fields().forEachRemaining(p -> {
        if (!OPEN.contains(p.getKey())) {
          close(p.getValue(), draft07, p.getKey().equals("params"));
        }
      });
    }
    for (String keyword : List.of("items", "anyOf", "oneOf", "additionalProperties")) {
      if (object.has(keyword)) {
        close(object.get(keyword), draft07, false);
      }
    }
  }

  private static void collectAllOfParts(JsonNode node, Set<String> parts) {
    if (node.has("allOf")) {
      node.get("allOf").forEach(part -> {
        String ref = part.path("$ref").asText("");
        if (!ref.isEmpty()) {
          parts.add(ref.substring(ref.lastIndexOf('/') + 1));
        }
      });
    }
    node.forEach(child -> collectAllOfParts(child, parts));
  }

  static <T> Stream<T> stream(Iterator<T> iterator) {
    Iterable<T> iterable = () -> iterator;
    return java.util.stream.StreamSupport.stream(iterable.spliterator(), false);
  }
}
