package dev.mcpkit.examples.conformance;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.server.McpHttpServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The conformance server offers every fixture the suites look for (docs/CONFORMANCE.md §4.2). */
class ConformanceServerTest {
  private static McpHttpServer http;
  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  @BeforeAll
  static void start() {
    http = ConformanceServer.start(0);
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  private static HttpResponse<String> post(String body, String... headers) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(http.url())
        .header("Accept", "application/json, text/event-stream")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    for (int i = 0; i < headers.length; i += 2) {
      b.header(headers[i], headers[i + 1]);
    }
    return CLIENT.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  private static JsonNode stateless(String method, String params) throws Exception {
    String meta = "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
        + "\"io.modelcontextprotocol/clientCapabilities\":{\"sampling\":{},\"elicitation\":{},"
        + "\"roots\":{}}}";
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"" + method + "\",\"params\":{"
        + (params.isEmpty() ? meta : params + "," + meta) + "}}";
    JsonNode sent = McpJson.mapper().readTree(body).path("params");
    String name = sent.has("name") ? sent.path("name").asText() : sent.path("uri").asText();
    return McpJson.mapper().readTree(post(body, "MCP-Protocol-Version", "2026-07-28",
        "Mcp-Method", method, "Mcp-Name", name.isEmpty() ? "-" : name).body()).path("result");
  }

  @Test
  void everyFixtureToolIsListedWithADescription() throws Exception {
    List<String> names = new ArrayList<>();
    JsonNode tools = stateless("tools/list", "").path("tools");
    tools.forEach(t -> {
      names.add(t.path("name").asText());
      assertThat(t.path("description").asText()).as(t.path("name").asText()).isNotEmpty();
    });

    assertThat(names).contains("test_simple_text", "test_image_content", "test_audio_content",
        "test_embedded_resource", "test_multiple_content_types", "test_tool_with_logging",
        "test_error_handling", "test_tool_with_progress", "test_sampling", "test_elicitation",
        "test_elicitation_sep1034_defaults", "test_elicitation_sep1330_enums",
        "json_schema_2020_12_tool", "test_reconnection", "test_missing_capability",
        "test_streaming_elicitation", "test_logging_tool", "test_trigger_tool_change",
        "test_trigger_prompt_change", "test_input_required_result_elicitation",
        "test_input_required_result_multi_round", "test_custom_headers");
  }

  @Test
  void jsonSchema2020KeywordsArePreservedVerbatim() throws Exception {
    JsonNode tool = null;
    for (JsonNode t : stateless("tools/list", "").path("tools")) {
      if (t.path("name").asText().equals("json_schema_2020_12_tool")) {
        tool = t;
      }
    }
    JsonNode schema = tool.path("inputSchema");

    assertThat(schema.path("$schema").asText()).isEqualTo(
        "https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.path("$defs").path("address").path("$anchor").asText())
        .isEqualTo("addressDef");
    assertThat(schema.has("if") && schema.has("then") && schema.has("else")).isTrue();
    assertThat(schema.path("additionalProperties").asBoolean(true)).isFalse();
  }

  @Test
  void resourcesPromptsAndTemplatesAreServed() throws Exception {
    assertThat(stateless("resources/read", "\"uri\":\"test://template/123/data\"")
        .path("contents").get(0).path("text").asText()).contains("123");
    assertThat(stateless("resources/read", "\"uri\":\"test://static-binary\"").path("contents")
        .get(0).path("blob").asText()).isNotEmpty();
    assertThat(stateless("prompts/get", "\"name\":\"test_prompt_with_arguments\",\"arguments\":"
        + "{\"arg1\":\"a\",\"arg2\":\"b\"}").toString()).contains("arg1='a'", "arg2='b'");
  }

  @Test
  void aMultiRoundCallAsksTwiceThenCompletes() throws Exception {
    JsonNode r1 = stateless("tools/call", "\"name\":\"test_input_required_result_multi_round\","
        + "\"arguments\":{}");
    JsonNode r2 = stateless("tools/call", "\"name\":\"test_input_required_result_multi_round\","
        + "\"arguments\":{},\"inputResponses\":{\"step1\":{\"action\":\"accept\",\"content\":{"
        + "\"name\":\"Alice\"}}},\"requestState\":\"" + r1.path("requestState").asText() + "\"");
    JsonNode r3 = stateless("tools/call", "\"name\":\"test_input_required_result_multi_round\","
        + "\"arguments\":{},\"inputResponses\":{\"step2\":{\"action\":\"accept\",\"content\":{"
        + "\"color\":\"blue\"}}},\"requestState\":\"" + r2.path("requestState").asText() + "\"");

    assertThat(r1.path("inputRequests").has("step1")).isTrue();
    assertThat(r2.path("inputRequests").has("step2")).isTrue();
    assertThat(r3.path("resultType").asText()).isEqualTo("complete");
    assertThat(r3.path("content").get(0).path("text").asText()).contains("Alice", "blue");
  }
}
