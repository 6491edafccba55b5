package dev.mcpkit.core.schema;

import static dev.mcpkit.core.schema.ProtocolVersion.V2024_11_05;
import static dev.mcpkit.core.schema.ProtocolVersion.V2025_03_26;
import static dev.mcpkit.core.schema.ProtocolVersion.V2025_06_18;
import static dev.mcpkit.core.schema.ProtocolVersion.V2025_11_25;
import static dev.mcpkit.core.schema.ProtocolVersion.V2026_07_28;
import static dev.mcpkit.core.schema.Samples.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RevisionShapingTest {

  private static ObjectNode listTools(ProtocolVersion version) {
    return ProtocolRevision.of(version).shapeResult(Methods.TOOLS_LIST,
        McpJson.toTree(new Tools.ListToolsResult(List.of(Samples.tool()), null)));
  }

  @Test
  void eachOlderVersionLosesTheToolFieldsItDoesNotDefine() {
    assertThat(fieldNames(listTools(V2024_11_05).at("/tools/0")))
        .containsExactlyInAnyOrder("name", "description", "inputSchema");
    assertThat(fieldNames(listTools(V2025_03_26).at("/tools/0")))
        .containsExactlyInAnyOrder("name", "description", "inputSchema", "annotations");
    assertThat(fieldNames(listTools(V2025_06_18).at("/tools/0"))).containsExactlyInAnyOrder(
        "name", "title", "description", "inputSchema", "outputSchema", "annotations", "_meta");
    assertThat(fieldNames(listTools(V2025_11_25).at("/tools/0"))).contains("icons", "execution");
    assertThat(fieldNames(listTools(V2026_07_28).at("/tools/0")))
        .contains("icons").doesNotContain("execution");
  }

  @Test
  void resultsGetResultTypeIn2026AndLoseItBefore() {
    JsonNode result = McpJson.toTree(new Tools.CallToolResult(List.of(new Content.Text("hi")),
        null, null, "complete", null, null));

    assertThat(ProtocolRevision.of(V2025_11_25).shapeResult(Methods.TOOLS_CALL, result)
        .has("resultType")).isFalse();
    assertThat(ProtocolRevision.of(V2026_07_28).shapeResult(Methods.TOOLS_CALL,
        McpJson.toTree(Tools.CallToolResult.text("hi"))).get("resultType").asText())
        .isEqualTo("complete");
    assertThat(ProtocolRevision.of(V2026_07_28).shapeResult("vendor/custom", json("{}"))
        .get("resultType").asText()).isEqualTo("complete");
  }

  @Test
  void cacheableResultsIn2026GetConservativeHintsOnlyWhenNoneWereSet() {
    ObjectNode defaulted = listTools(V2026_07_28);
    assertThat(defaulted.get("ttlMs").asLong()).isZero();
    assertThat(defaulted.get("cacheScope").asText()).isEqualTo("private");

    ObjectNode explicit = ProtocolRevision.of(V2026_07_28).shapeResult(Methods.RESOURCES_READ,
        McpJson.toTree(new Resources.ReadResourceResult(List.of(), 60_000L,
            Base.CacheScope.PUBLIC, null, null, null)));
    assertThat(explicit.get("ttlMs").asLong()).isEqualTo(60_000L);
    assertThat(explicit.get("cacheScope").asText()).isEqualTo("public");
    assertThat(listTools(V2025_11_25).has("ttlMs")).isFalse();
  }

  @Test
  void contentBlocksAVersionPredatesBecomeText() {
    JsonNode result = McpJson.toTree(Tools.CallToolResult.of(
        new Content.ResourceLink("file:///a.csv", "a.csv"),
        new Content.Audio("UklGRg==", "audio/wav")));

    JsonNode v2025 = ProtocolRevision.of(V2025_03_26).shapeResult(Methods.TOOLS_CALL, result);
    assertThat(v2025.at("/content/0"))
        .isEqualTo(json("{\"type\":\"text\",\"text\":\"a.csv <file:///a.csv>\"}"));
    assertThat(v2025.at("/content/1/type").asText()).isEqualTo("audio");

    JsonNode v2024 = ProtocolRevision.of(V2024_11_05).shapeResult(Methods.TOOLS_CALL, result);
    assertThat(v2024.at("/content/1/type").asText()).isEqualTo("text");
    assertThat(v2024.at("/content/1/text").asText()).contains("audio", "2024-11-05");
    assertThat(ProtocolRevision.of(V2025_06_18).shapeResult(Methods.TOOLS_CALL, result))
        .isEqualTo(result);
  }

  @Test
  void structuredContentAndOutputSchemasThatAreNotObjectsWaitFor2026() {
    JsonNode array = OfficialExamplesTest.reparse("[1, 2]");
    JsonNode result = McpJson.toTree(Tools.CallToolResult.structured(array));
    Tools.Tool tool = new Tools.Tool("list", null, null, json("{\"type\":\"object\"}"),
        json("{\"type\":\"array\"}"), null, null, null, null, null);
    JsonNode tools = McpJson.toTree(new Tools.ListToolsResult(List.of(tool), null));

    assertThat(ProtocolRevision.of(V2025_11_25).shapeResult(Methods.TOOLS_CALL, result)
        .has("structuredContent")).isFalse();
    assertThat(ProtocolRevision.of(V2025_11_25).shapeResult(Methods.TOOLS_LIST, tools)
        .at("/tools/0").has("outputSchema")).isFalse();
    assertThat(ProtocolRevision.of(V2026_07_28).shapeResult(Methods.TOOLS_CALL, result)
        .get("structuredContent")).isEqualTo(array);
    assertThat(ProtocolRevision.of(V2026_07_28).shapeResult(Methods.TOOLS_LIST, tools)
        .at("/tools/0/outputSchema/type").asText()).isEqualTo("array");
  }

  @Test
  void clientRequestsIn2026CarryTheRequiredMetaKeys() {
    ObjectNode listParams = ProtocolRevision.of(V2026_07_28).shapeParams(Methods.TOOLS_LIST, null);
    assertThat(listParams.at("/_meta/io.modelcontextprotocol~1protocolVersion").asText())
        .isEqualTo("2026-07-28");
    assertThat(listParams.at("/_meta/io.modelcontextprotocol~1clientCapabilities"))
        .isEqualTo(json("{}"));

    ObjectNode given = Meta.Request.of(V2026_07_28, new Lifecycle.ClientCapabilities(
        new Lifecycle.RootsCapability(true), null, null, null, null, null, null)).toMeta();
    ObjectNode call = ProtocolRevision.of(V2026_07_28).shapeParams(Methods.TOOLS_CALL,
        McpJson.toTree(new Tools.CallToolParams("x", null, null, null, null, given, null)));
    assertThat(call.at("/_meta/io.modelcontextprotocol~1clientCapabilities"))
        .as("roots.listChanged does not exist in 2026-07-28").isEqualTo(json("{\"roots\":{}}"));
    assertThat(ProtocolRevision.of(V2026_07_28).shapeParams(Methods.NOTIFICATIONS_PROGRESS, null))
        .isNull();
  }

  @Test
  void olderVersionsLoseThe2026MetaKeysButKeepTheirOwn() {
    ObjectNode meta = new Meta.Request("2026-07-28", Lifecycle.ClientCapabilities.NONE,
        new Lifecycle.Implementation("c", "1"), Logging.LoggingLevel.INFO,
        McpJson.toTree("tok")).toMeta();
    JsonNode params = McpJson.toTree(new Tools.CallToolParams("x", null, null, null, null, meta,
        null));

    assertThat(ProtocolRevision.of(V2025_06_18).shapeParams(Methods.TOOLS_CALL, params).get("_meta"))
        .isEqualTo(json("{\"progressToken\":\"tok\"}"));
    ObjectNode onlyVersion =
        json("{\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"x\"}}");
    assertThat(ProtocolRevision.of(V2025_06_18).shapeParams(Methods.TOOLS_LIST, onlyVersion))
        .isEqualTo(json("{}"));
    JsonNode result = McpJson.toTree(new Tools.CallToolResult(List.of(), null, null, null,
        Meta.withServerInfo(null, new Lifecycle.Implementation("s", "1")), null));
    assertThat(ProtocolRevision.of(V2025_11_25).shapeResult(Methods.TOOLS_CALL, result).has("_meta"))
        .isFalse();
  }

  @Test
  void anInputRequiredResultCannotGoToAnOlderVersion() {
    JsonNode result = McpJson.toTree(new Inputs.InputRequiredResult(null, "state"));

    assertThatThrownBy(() -> ProtocolRevision.of(V2025_11_25).shapeResult(Methods.TOOLS_CALL, result))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("input_required")
        .hasMessageContaining("2025-11-25");
    assertThat(ProtocolRevision.of(V2026_07_28).shapeResult(Methods.TOOLS_CALL, result)
        .get("requestState").asText()).isEqualTo("state");
  }

  @Test
  void requestsNestedInAnInputRequiredResultAreAdaptedToo() {
    Elicitation.UrlParams url = new Elicitation.UrlParams("Key?", "https://example.com/k", "e-1",
        new Tasks.TaskMetadata(5L), Samples.meta(), null);
    JsonNode result = McpJson.toTree(new Inputs.InputRequiredResult(
        Map.of("key", new Inputs.ElicitRequest(url)), null));

    JsonNode adapted = ProtocolRevision.of(V2026_07_28).shapeResult(Methods.TOOLS_CALL, result);
    assertThat(fieldNames(adapted.at("/inputRequests/key/params")))
        .containsExactlyInAnyOrder("mode", "message", "url");
  }

  @Test
  void theInputIsNeverModified() {
    JsonNode tool = McpJson.toTree(new Tools.ListToolsResult(List.of(Samples.tool()), null));
    JsonNode before = tool.deepCopy();

    ProtocolRevision.of(V2024_11_05).shapeResult(Methods.TOOLS_LIST, tool);
    ProtocolRevision.of(V2026_07_28).shapeParams(Methods.TOOLS_LIST, tool);

    assertThat(tool).isEqualTo(before);
  }

  @Test
  void paramsAndResultsMustBeObjects() {
    assertThatThrownBy(() -> ProtocolRevision.of(V2026_07_28).shapeResult(Methods.TOOLS_LIST,
        OfficialExamplesTest.reparse("[]")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("result of tools/list must be a JSON object");
  }

  private static List<String> fieldNames(JsonNode node) {
    List<String> names = new java.util.ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
