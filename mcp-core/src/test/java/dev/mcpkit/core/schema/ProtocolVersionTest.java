package dev.mcpkit.core.schema;

import static dev.mcpkit.core.schema.ProtocolVersion.V2024_11_05;
import static dev.mcpkit.core.schema.ProtocolVersion.V2025_06_18;
import static dev.mcpkit.core.schema.ProtocolVersion.V2026_07_28;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class ProtocolVersionTest {

  @Test
  void parsesTheFiveWireFormsAndNothingElse() {
    assertThat(ProtocolVersion.all()).extracting(ProtocolVersion::id).containsExactly(
        "2024-11-05", "2025-03-26", "2025-06-18", "2025-11-25", "2026-07-28");
    for (ProtocolVersion version : ProtocolVersion.all()) {
      assertThat(ProtocolVersion.parse(version.id())).contains(version);
    }
    assertThat(ProtocolVersion.parse("1900-01-01")).isEmpty();
    assertThat(ProtocolVersion.parse(null)).isEmpty();
  }

  @Test
  void rejectingAVersionNamesTheSupportedOnes() {
    assertThatThrownBy(() -> ProtocolVersion.of("2024-10-07"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("'2024-10-07'")
        .hasMessageContaining("2024-11-05, 2025-03-26, 2025-06-18, 2025-11-25, 2026-07-28");
  }

  @Test
  void versionsAreOrderedOldestFirstAndTheLatestIsTheStatelessOne() {
    assertThat(V2024_11_05.isBefore(V2025_06_18)).isTrue();
    assertThat(V2026_07_28.isAtLeast(V2025_06_18)).isTrue();
    assertThat(ProtocolVersion.all()).isSorted();
    assertThat(ProtocolVersion.latest()).isEqualTo(V2026_07_28);
    assertThat(ProtocolVersion.latest().isStateless()).isTrue();
  }

  @Test
  void sessionVersionsAreExactlyThoseWhoseSchemaHasInitialize() {
    assertThat(ProtocolVersion.sessionVersions()).containsExactlyElementsOf(
        ProtocolVersion.all().stream().filter(v -> Spec.hasDefinition(v, "InitializeRequest"))
            .toList());
    assertThat(ProtocolVersion.sessionVersions()).hasSize(4);
  }

  @ParameterizedTest
  @EnumSource(ProtocolVersion.class)
  void everyVersionRuleAgreesWithThatVersionsSchema(ProtocolVersion version) {
    Map<String, Boolean> ours = new LinkedHashMap<>();
    Map<String, Boolean> schema = new LinkedHashMap<>();
    for (Map.Entry<String, Rule> rule : rules().entrySet()) {
      ours.put(rule.getKey(), rule.getValue().ours().test(version));
      schema.put(rule.getKey(), rule.getValue().schema().test(version));
    }
    assertThat(ours).as("rules of %s", version).isEqualTo(schema);
  }

  @ParameterizedTest
  @EnumSource(ProtocolVersion.class)
  void theMethodsOfAVersionAreExactlyTheOnesItsSchemaDefines(ProtocolVersion version) {
    Set<String> ours = Methods.all().stream().filter(version::definesMethod)
        .collect(Collectors.toSet());
    assertThat(ours).isEqualTo(Spec.methods(version));
  }

  @Test
  void methodsNamesEveryMethodOfEveryVersion() {
    Set<String> union = new HashSet<>();
    ProtocolVersion.all().forEach(v -> union.addAll(Spec.methods(v)));
    assertThat(Methods.all()).isEqualTo(union);
    assertThat(V2026_07_28.definesMethod("no/such/method")).isFalse();
  }

  private record Rule(Predicate<ProtocolVersion> ours, Predicate<ProtocolVersion> schema) {}

  /** Each rule of {@link ProtocolVersion}, next to the schema fact it stands for. */
  private static Map<String, Rule> rules() {
    Map<String, Rule> rules = new LinkedHashMap<>();
    rules.put("supportsBatches", new Rule(ProtocolVersion::supportsBatches,
        v -> Spec.hasDefinition(v, "JSONRPCBatchRequest")));
    rules.put("isStateless", new Rule(ProtocolVersion::isStateless,
        v -> !Spec.hasDefinition(v, "InitializeRequest")));
    rules.put("hasInitialize", new Rule(ProtocolVersion::hasInitialize,
        v -> Spec.hasDefinition(v, "InitializeRequest")));
    rules.put("hasDiscover", new Rule(ProtocolVersion::hasDiscover,
        v -> Spec.hasDefinition(v, "DiscoverRequest")));
    rules.put("hasAudioContent", new Rule(ProtocolVersion::hasAudioContent,
        v -> Spec.hasDefinition(v, "AudioContent")));
    rules.put("hasToolAnnotations", new Rule(ProtocolVersion::hasToolAnnotations,
        v -> Spec.properties(v, "Tool").contains("annotations")));
    rules.put("hasCompletionsCapability", new Rule(ProtocolVersion::hasCompletionsCapability,
        v -> Spec.properties(v, "ServerCapabilities").contains("completions")));
    rules.put("hasProgressMessage", new Rule(ProtocolVersion::hasProgressMessage,
        v -> paramsProperties(v, "ProgressNotification").contains("message")));
    rules.put("hasTitles", new Rule(ProtocolVersion::hasTitles,
        v -> Spec.properties(v, "Implementation").contains("title")
            && Spec.properties(v, "Tool").contains("title")));
    rules.put("hasOutputSchema", new Rule(ProtocolVersion::hasOutputSchema,
        v -> Spec.properties(v, "Tool").contains("outputSchema")));
    rules.put("hasStructuredContent", new Rule(ProtocolVersion::hasStructuredContent,
        v -> Spec.properties(v, "CallToolResult").contains("structuredContent")));
    rules.put("allowsNonObjectStructuredContent",
        new Rule(ProtocolVersion::allowsNonObjectStructuredContent, v -> Spec.properties(v,
            "CallToolResult").contains("structuredContent") && !Spec.definition(v,
            "CallToolResult").get().at("/properties/structuredContent").has("type")));
    rules.put("hasResourceLinks", new Rule(ProtocolVersion::hasResourceLinks,
        v -> Spec.hasDefinition(v, "ResourceLink")));
    rules.put("hasMetaOnEntities", new Rule(ProtocolVersion::hasMetaOnEntities,
        v -> Spec.properties(v, "Tool").contains("_meta")
            && Spec.properties(v, "TextContent").contains("_meta")));
    rules.put("hasCompletionContext", new Rule(ProtocolVersion::hasCompletionContext,
        v -> paramsProperties(v, "CompleteRequest").contains("context")));
    rules.put("hasIcons", new Rule(ProtocolVersion::hasIcons,
        v -> Spec.hasDefinition(v, "Icon") && Spec.properties(v, "Tool").contains("icons")));
    rules.put("hasTitleAndIcons", new Rule(ProtocolVersion::hasTitleAndIcons,
        v -> Spec.properties(v, "Prompt").containsAll(Set.of("title", "icons"))));
    rules.put("hasElicitation", new Rule(ProtocolVersion::hasElicitation,
        v -> Spec.hasDefinition(v, "ElicitRequest")));
    rules.put("hasUrlElicitation", new Rule(ProtocolVersion::hasUrlElicitation,
        v -> Spec.hasDefinition(v, "ElicitRequestURLParams")));
    rules.put("hasSamplingTools", new Rule(ProtocolVersion::hasSamplingTools,
        v -> Spec.hasDefinition(v, "ToolUseContent") && Spec.hasDefinition(v, "ToolChoice")));
    rules.put("hasTasks", new Rule(ProtocolVersion::hasTasks,
        v -> Spec.hasDefinition(v, "Task")));
    rules.put("requiresResultType", new Rule(ProtocolVersion::requiresResultType,
        v -> required(v, "Result").contains("resultType")));
    rules.put("hasInputRequired", new Rule(ProtocolVersion::hasInputRequired,
        v -> Spec.hasDefinition(v, "InputRequiredResult")));
    rules.put("hasCacheHints", new Rule(ProtocolVersion::hasCacheHints,
        v -> required(v, "ListToolsResult").containsAll(Set.of("ttlMs", "cacheScope"))));
    return rules;
  }

  private static Set<String> required(ProtocolVersion version, String definition) {
    Set<String> names = new HashSet<>();
    Spec.definition(version, definition).get().path("required")
        .forEach(name -> names.add(name.asText()));
    return names;
  }

  /** Properties of a request's or notification's params, inline or by reference. */
  private static Set<String> paramsProperties(ProtocolVersion version, String definition) {
    JsonNode params = Spec.definition(version, definition).get().at("/properties/params");
    String ref = params.path("$ref").asText("");
    String name = ref.substring(ref.lastIndexOf('/') + 1);
    JsonNode resolved = ref.isEmpty() ? params : Spec.definition(version, name).get();
    Set<String> names = new HashSet<>();
    resolved.path("properties").fieldNames().forEachRemaining(names::add);
    return names;
  }
}
