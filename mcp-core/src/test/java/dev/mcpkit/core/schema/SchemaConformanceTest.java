package dev.mcpkit.core.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.MessageCatalog.Case;
import dev.mcpkit.core.schema.MessageCatalog.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For each protocol version, every message the SDK writes that exists in that version is
 * serialised, passed through {@link ProtocolRevision}, wrapped in a JSON-RPC envelope where that
 * version's schema defines the message as one, and validated against the official schema of that
 * version: once as published, once in the strict form that rejects fields the version does not
 * define (see {@link Spec}).
 */
class SchemaConformanceTest {

  static Stream<Arguments> messagesPerVersion() {
    List<Arguments> arguments = new ArrayList<>();
    for (ProtocolVersion version : ProtocolVersion.all()) {
      for (Case message : MessageCatalog.ALL) {
        if (appliesTo(message, version)) {
          arguments.add(Arguments.of(version, message));
        }
      }
    }
    return arguments.stream();
  }

  static boolean appliesTo(Case message, ProtocolVersion version) {
    if (!version.definesMethod(message.method()) || !message.onlyIn().test(version)) {
      return false;
    }
    return message.kind() == Kind.RESULT
        ? Spec.hasDefinition(version, message.definition())
        : !Spec.definitionsForMethod(version, message.method()).isEmpty();
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("messagesPerVersion")
  void everyMessageWeWriteIsValidInEveryVersionThatHasIt(ProtocolVersion version, Case message) {
    for (Map.Entry<String, JsonNode> check : wireForms(version, message).entrySet()) {
      assertThat(Spec.validate(version, check.getKey(), check.getValue(), false))
          .as("%s as %s in %s:%n%s", message, check.getKey(), version, check.getValue())
          .isEmpty();
    }
  }

  @ParameterizedTest(name = "{0}: {1}")
  @MethodSource("messagesPerVersion")
  void adaptedMessagesCarryOnlyFieldsTheirVersionDefines(ProtocolVersion version, Case message) {
    for (Map.Entry<String, JsonNode> check : wireForms(version, message).entrySet()) {
      assertThat(Spec.validate(version, check.getKey(), check.getValue(), true))
          .as("%s as %s in %s (strict):%n%s", message, check.getKey(), version, check.getValue())
          .isEmpty();
    }
  }

  @Test
  void everyCatalogueMessageExistsInAtLeastOneVersion() {
    for (Case message : MessageCatalog.ALL) {
      assertThat(ProtocolVersion.all().stream().anyMatch(v -> appliesTo(message, v)))
          .as(message.name()).isTrue();
    }
  }

  @Test
  void everyMethodOfEveryVersionIsCoveredByTheCatalogue() {
    for (ProtocolVersion version : ProtocolVersion.all()) {
      List<String> uncovered = Spec.methods(version).stream()
          .filter(method -> MessageCatalog.ALL.stream()
              .noneMatch(c -> c.method().equals(method) && appliesTo(c, version)))
          .sorted().toList();
      assertThat(uncovered).as("methods of %s without a message in the catalogue", version)
          .isEmpty();
    }
  }

  @Test
  void theStrictCheckCatchesFieldsAVersionDoesNotDefine() {
    JsonNode tool = McpJson.toTree(Samples.tool());

    assertThat(Spec.validate(ProtocolVersion.V2024_11_05, "Tool", tool, false)).isEmpty();
    assertThat(Spec.validate(ProtocolVersion.V2024_11_05, "Tool", tool, true))
        .anyMatch(message -> message.contains("title"))
        .anyMatch(message -> message.contains("icons"));
  }

  @Test
  void theSchemaCheckCatchesA2026ResultWithoutResultType() {
    JsonNode result = McpJson.toTree(Tools.CallToolResult.text("hi"));

    assertThat(Spec.validate(ProtocolVersion.V2026_07_28, "CallToolResult", result, false))
        .anyMatch(message -> message.contains("resultType"));
  }

  /** Definition name to the JSON to validate against it. */
  static Map<String, JsonNode> wireForms(ProtocolVersion version, Case message) {
    JsonNode tree = McpJson.toTree(message.value());
    Map<String, JsonNode> forms = new TreeMap<>();
    if (message.kind() == Kind.RESULT) {
      ObjectNode result = ProtocolRevision.of(version).shapeResult(message.method(), tree);
      String envelope = message.envelope() != null ? message.envelope()
          : message.definition() + "Response";
      if (Spec.hasDefinition(version, envelope)) {
        forms.put(envelope, envelope(version, envelope, null, result));
      } else {
        forms.put(message.definition(), result);
      }
      return forms;
    }
    ObjectNode params = ProtocolRevision.of(version).shapeParams(message.method(), tree);
    for (String definition : Spec.definitionsForMethod(version, message.method())) {
      forms.put(definition, envelope(version, definition, message.method(), params));
    }
    return forms;
  }

  /** A message with just the envelope fields the definition declares. */
  private static ObjectNode envelope(
      ProtocolVersion version, String definition, String method, ObjectNode body) {
    var declared = Spec.properties(version, definition);
    ObjectNode message = McpJson.object();
    if (declared.contains("jsonrpc")) {
      message.put("jsonrpc", "2.0");
    }
    if (declared.contains("id")) {
      message.put("id", 1);
    }
    if (method == null) {
      message.set("result", body);
      return message;
    }
    message.put("method", method);
    if (body != null) {
      message.set("params", body);
    }
    return message;
  }
}
