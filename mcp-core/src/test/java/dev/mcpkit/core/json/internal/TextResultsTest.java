package dev.mcpkit.core.json.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The quick writer of text results writes exactly what Jackson's bean serializer writes, for the
 * results it takes and for those it hands on.
 */
class TextResultsTest {
  /** McpJson's configuration without the quick writer. */
  private static final JsonMapper GENERAL = JsonMapper.builder()
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .addModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module())
      .addModule(new com.fasterxml.jackson.datatype.jsr310.JavaTimeModule())
      .defaultPropertyInclusion(JsonInclude.Value.construct(JsonInclude.Include.NON_NULL,
          JsonInclude.Include.NON_NULL))
      .build();

  @Test
  void writesEveryResultAsTheBeanSerializerDoes() throws Exception {
    ObjectNode meta = JsonNodeFactory.instance.objectNode().put("k", "v");
    ObjectNode structured = JsonNodeFactory.instance.objectNode().put("n", 1);
    Map<String, JsonNode> extra = Map.of("x-extra", JsonNodeFactory.instance.textNode("e"));
    List<CallToolResult> results = new ArrayList<>(List.of(
        CallToolResult.text("hello \"quoted\" \u00e9 \ud83d\ude00 \n"),
        CallToolResult.error("failed"),
        CallToolResult.of(new Content.Text("a"), new Content.Text("b")),
        new CallToolResult(List.of(), null, null),
        new CallToolResult(List.of(new Content.Text("s")), structured, false),
        new CallToolResult(List.of(new Content.Text("s")), NullNode.getInstance(), null),
        new CallToolResult(List.of(new Content.Text("t")), null, null, "complete", meta, null),
        new CallToolResult(List.of(new Content.Text("t")), null, null, null, null, extra),
        new CallToolResult(List.of(new Content.Text("t", null, meta, null)), null, null),
        new CallToolResult(List.of(new Content.Text("t", null, null, extra)), null, true)));
    int quick = 0;
    int plain = 0;
    for (CallToolResult result : results) {
      String expected = GENERAL.writeValueAsString(result);
      assertThat(McpJson.mapper().writeValueAsString(result)).isEqualTo(expected);
      // inside a tree, as the engine writes answers
      ObjectNode envelope = JsonNodeFactory.instance.objectNode();
      envelope.set("result", new POJONode(result));
      assertThat(McpJson.mapper().writeValueAsString(envelope))
          .isEqualTo(GENERAL.writeValueAsString(envelope));
      assertThat(McpJson.toTree(result)).isEqualTo(GENERAL.valueToTree(result));
      // as the codec writes an answer, where a plain text result skips the mapper altogether
      ObjectNode answer = JsonNodeFactory.instance.objectNode().put("jsonrpc", "2.0").put("id", 7);
      answer.set("result", new POJONode(result));
      assertThat(new String(dev.mcpkit.core.jsonrpc.JsonRpcCodec.instance().encode(
          new dev.mcpkit.core.jsonrpc.JsonRpcResponse.Result(
              dev.mcpkit.core.jsonrpc.RequestId.of(7), new POJONode(result))),
          java.nio.charset.StandardCharsets.UTF_8))
          .isEqualTo(new String(McpJson.mapper().writeValueAsBytes(answer),
              java.nio.charset.StandardCharsets.UTF_8)); // the same bytes as the mapper's
      quick += TextResults.quick(result) ? 1 : 0;
      java.io.StringWriter out = new java.io.StringWriter();
      try (com.fasterxml.jackson.core.JsonGenerator gen = GENERAL.createGenerator(out)) {
        plain += TextResults.writePlain(result, gen) ? 1 : 0;
      }
    }
    assertThat(quick).as("results the quick writer took").isEqualTo(7);
    assertThat(plain).as("results written without the mapper").isEqualTo(4);
    java.io.StringWriter out = new java.io.StringWriter();
    try (com.fasterxml.jackson.core.JsonGenerator gen = GENERAL.createGenerator(out)) {
      assertThat(TextResults.writePlain("not a result", gen)).isFalse();
    }
    assertThat(out.toString()).isEmpty();
  }
}
