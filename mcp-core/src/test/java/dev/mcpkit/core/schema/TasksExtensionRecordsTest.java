package dev.mcpkit.core.schema;

import static dev.mcpkit.core.schema.Samples.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Tasks.DetailedTask;
import dev.mcpkit.core.schema.Tasks.TaskStatus;
import dev.mcpkit.core.schema.Tasks.UpdateTaskParams;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The 2026-07-28 tasks extension has no JSON schema in the specification (it is an extension);
 * these records follow SEP-2663 as the pinned conformance suite checks it.
 */
class TasksExtensionRecordsTest {

  @Test
  void aTaskHandleIsFlatWithMillisecondFieldsAndNoInlinedPayload() {
    DetailedTask handle = new DetailedTask("task", "t-1", TaskStatus.WORKING, null,
        "2026-07-28T10:00:00Z", "2026-07-28T10:00:00Z", 60_000L, 500L, null, null, null, null,
        null);

    JsonNode wire = McpJson.toTree(handle);

    assertThat(wire.get("resultType").asText()).isEqualTo("task");
    assertThat(wire.get("ttlMs").asLong()).isEqualTo(60_000L);
    assertThat(wire.get("pollIntervalMs").asLong()).isEqualTo(500L);
    assertThat(fields(wire)).doesNotContain("task", "ttl", "pollInterval", "result", "error",
        "inputRequests", "requestState");
    assertThat(handle.isHandle()).isTrue();
  }

  @Test
  void anUnlimitedTtlIsWrittenAsNull() {
    DetailedTask task = new DetailedTask("complete", "t-1", TaskStatus.WORKING, null,
        "2026-07-28T10:00:00Z", "2026-07-28T10:00:00Z", null, null, null, null, null, null, null);

    assertThat(McpJson.toTree(task).get("ttlMs").isNull()).isTrue();
  }

  @Test
  void aCompletedTaskFromTheWireKeepsItsInlinedResult() {
    JsonNode wire = json("""
        {"resultType": "complete", "taskId": "t-2", "status": "completed",
         "createdAt": "2026-07-28T10:00:00Z", "lastUpdatedAt": "2026-07-28T10:00:05Z",
         "ttlMs": 3600000, "result": {"content": [{"type": "text", "text": "done"}]},
         "x-extra": 1}""");

    DetailedTask task = McpJson.fromTree(wire, DetailedTask.class);

    assertThat(task.status().isTerminal()).isTrue();
    assertThat(task.isHandle()).isFalse();
    Tools.CallToolResult result = McpJson.fromTree(task.result(), Tools.CallToolResult.class);
    assertThat(((Content.Text) result.content().get(0)).text()).isEqualTo("done");
    assertThat(OfficialExamplesTest.reparse(McpJson.write(task))).isEqualTo(wire);
  }

  @Test
  void updateParamsCarryTheTaskIdAndTheAnswers() {
    ObjectNode answers = (ObjectNode) json("{\"k1\": {\"action\": \"accept\"}}");

    JsonNode wire = McpJson.toTree(new UpdateTaskParams("t-3", answers));

    assertThat(wire).isEqualTo(json("{\"taskId\": \"t-3\", \"inputResponses\":"
        + " {\"k1\": {\"action\": \"accept\"}}}"));
  }

  private static List<String> fields(JsonNode node) {
    List<String> names = new ArrayList<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }
}
