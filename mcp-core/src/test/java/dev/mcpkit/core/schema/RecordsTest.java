package dev.mcpkit.core.schema;

import static dev.mcpkit.core.schema.OfficialExamplesTest.reparse;
import static dev.mcpkit.core.schema.Samples.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Content.ContentBlock;
import dev.mcpkit.core.schema.Content.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RecordsTest {

  @Test
  void unknownFieldsAreKeptAtEveryDepthAndWrittenBack() {
    JsonNode wire = json("""
        {"tools": [{"name": "t", "inputSchema": {"type": "object"}, "x-rank": 3,
                    "annotations": {"readOnlyHint": true, "x-cost": "low"}}],
         "nextCursor": "n", "x-page": {"size": 10}}""");

    Tools.ListToolsResult result = McpJson.fromTree(wire, Tools.ListToolsResult.class);

    assertThat(result.extra()).containsKey("x-page");
    assertThat(result.tools().get(0).extra()).containsEntry("x-rank", McpJson.toTree(3));
    assertThat(result.tools().get(0).annotations().extra()).containsKey("x-cost");
    assertThat(reparse(McpJson.write(result))).isEqualTo(wire);
  }

  @Test
  void unknownFieldsHoldingNullAndANullStructuredResultAreWrittenBack() {
    JsonNode wire = json("{\"content\": [], \"structuredContent\": null, \"x-trace\": null}");

    assertThat(reparse(McpJson.write(McpJson.fromTree(wire, Tools.CallToolResult.class))))
        .isEqualTo(wire);
  }

  @Test
  void aContentBlockOfAnUnknownTypeIsKeptWholeAndWrittenBack() {
    JsonNode wire = json(
        "{\"content\": [{\"type\": \"video\", \"url\": \"https://v\", \"seconds\": 9}]}");

    Tools.CallToolResult result = McpJson.fromTree(wire, Tools.CallToolResult.class);

    assertThat(result.content().get(0)).isInstanceOfSatisfying(Content.Unknown.class,
        block -> assertThat(block.type()).isEqualTo("video"));
    assertThat(reparse(McpJson.write(result))).isEqualTo(wire);
  }

  @Test
  void aRecordBuiltInCodeEqualsTheSameRecordReadFromTheWire() {
    Content.Text built = new Content.Text("hello");

    assertThat(McpJson.fromTree(json("{\"type\": \"text\", \"text\": \"hello\"}"),
        ContentBlock.class)).isEqualTo(built);
    assertThat(McpJson.write(built)).isEqualTo("{\"type\":\"text\",\"text\":\"hello\"}");
  }

  @Test
  void aWrongTypeIsRejectedWithAnErrorNamingTheType() {
    assertThatThrownBy(() -> McpJson.fromTree(json("{\"content\": 5}"),
        Tools.CallToolResult.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("CallToolResult");
    assertThatThrownBy(() -> McpJson.fromTree(json("{\"name\": {}, \"inputSchema\": {}}"),
        Tools.Tool.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Tool");
  }

  @Test
  void aMissingRequiredFieldIsNamed() {
    assertThatThrownBy(() -> McpJson.fromTree(json("{\"inputSchema\": {\"type\": \"object\"}}"),
        Tools.Tool.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("Tool.name is required");
    assertThatThrownBy(() -> new Resources.Resource(null, "n", null, null))
        .hasMessage("Resource.uri is required");
  }

  @Test
  void anUnknownEnumValueIsRejectedWithTheAllowedOnes() {
    assertThatThrownBy(() -> McpJson.fromTree(
        json("{\"role\": \"system\", \"content\": {\"type\": \"text\", \"text\": \"x\"}}"),
        Prompts.PromptMessage.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unknown Role 'system'; expected one of user, assistant");
  }

  @Test
  void factoriesBuildWhatTheirNamesSay() {
    assertThat(McpJson.toTree(Tools.CallToolResult.text("ok")))
        .isEqualTo(json("{\"content\": [{\"type\": \"text\", \"text\": \"ok\"}]}"));
    assertThat(McpJson.toTree(Tools.CallToolResult.error("boom"))).isEqualTo(
        json("{\"content\": [{\"type\": \"text\", \"text\": \"boom\"}], \"isError\": true}"));
    assertThat(Tools.CallToolResult.error("boom").failed()).isTrue();
    Tools.CallToolResult structured = Tools.CallToolResult.structured(json("{\"a\": 1}"));
    assertThat(((Content.Text) structured.content().get(0)).text()).isEqualTo("{\"a\":1}");
    assertThat(McpJson.toTree(Elicitation.ElicitResult.decline()))
        .isEqualTo(json("{\"action\": \"decline\"}"));
    assertThat(McpJson.toTree(Pagination.PaginatedParams.after("c")))
        .isEqualTo(json("{\"cursor\": \"c\"}"));
  }

  @Test
  void aTaskAlwaysWritesItsTtlEvenWhenUnlimited() {
    assertThat(McpJson.toTree(Samples.task(Tasks.TaskStatus.WORKING)).get("ttl").isNull())
        .isTrue();
    assertThat(Tasks.TaskStatus.CANCELLED.isTerminal()).isTrue();
    assertThat(Tasks.TaskStatus.INPUT_REQUIRED.isTerminal()).isFalse();
  }

  @Test
  void samplingContentIsOneBlockWhenThereIsOneAndAnArrayWhenThereAreMore() {
    assertThat(McpJson.toTree(Sampling.SamplingMessage.user("hi")).get("content").isObject())
        .isTrue();
    assertThat(McpJson.toTree(Samples.samplingToolUse()).get("content").isArray()).isTrue();
    Sampling.SamplingMessage single = McpJson.fromTree(
        json("{\"role\": \"user\", \"content\": {\"type\": \"text\", \"text\": \"hi\"}}"),
        Sampling.SamplingMessage.class);
    assertThat(single.content()).containsExactly(new Content.Text("hi"));
  }

  @Test
  void inputResponsesAreRecognisedByTheirFields() {
    Map<String, Inputs.InputResponse> responses = McpJson.mapper().convertValue(
        McpJson.toTree(Samples.inputResponses()),
        new TypeReference<Map<String, Inputs.InputResponse>>() {});

    assertThat(responses.get("login")).isInstanceOf(Elicitation.ElicitResult.class);
    assertThat(responses.get("capital")).isInstanceOf(Sampling.CreateMessageResult.class);
    assertThat(responses.get("roots")).isInstanceOf(Roots.ListRootsResult.class);
  }

  @Test
  void elicitationPropertiesAreReadByTypeAndKeywords() {
    ElicitationSchema.RequestedSchema schema = McpJson.fromTree(
        McpJson.toTree(Samples.enumForm()), ElicitationSchema.RequestedSchema.class);

    assertThat(schema).isEqualTo(Samples.enumForm());
    assertThat(McpJson.fromTree(McpJson.toTree(Samples.basicForm()),
        ElicitationSchema.RequestedSchema.class)).isEqualTo(Samples.basicForm());
    assertThatThrownBy(() -> McpJson.fromTree(json("{\"type\": \"object\"}"),
        ElicitationSchema.PrimitiveSchema.class))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("unsupported elicitation property type 'object'");
  }

  @Test
  void formModeIsTheDefaultWhenModeIsAbsent() {
    Elicitation.ElicitParams params = McpJson.fromTree(json(
        "{\"message\": \"Name?\","
            + " \"requestedSchema\": {\"type\": \"object\", \"properties\": {}}}"),
        Elicitation.ElicitParams.class);

    assertThat(params).isInstanceOf(Elicitation.FormParams.class);
    assertThat(params.mode()).isNull();
  }

  @Test
  void listsInRecordsCannotBeChangedAfterwards() {
    List<ContentBlock> content = new ArrayList<>(List.of(new Content.Text("a")));
    Tools.CallToolResult result = new Tools.CallToolResult(content, null, null);
    content.add(new Content.Text("b"));

    assertThat(result.content()).hasSize(1);
    assertThatThrownBy(() -> result.content().add(new Content.Text("c")))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void loggingLevelsAreOrderedBySeverity() {
    assertThat(Logging.LoggingLevel.ERROR.isAtLeast(Logging.LoggingLevel.WARNING)).isTrue();
    assertThat(Logging.LoggingLevel.DEBUG.isAtLeast(Logging.LoggingLevel.INFO)).isFalse();
    assertThat(McpJson.toTree(Logging.LoggingLevel.EMERGENCY))
        .isEqualTo(TextNode.valueOf("emergency"));
    assertThat(Role.fromWire("assistant")).isEqualTo(Role.ASSISTANT);
  }
}
