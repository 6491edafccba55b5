package dev.mcpkit.core.jsonrpc;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The codec writes plain trees itself and hands anything else to the mapper; the bytes must be the
 * mapper's own, byte for byte, for every kind of node: random trees, the number node types the
 * codec leaves to the mapper, and a tool result held as a POJO node inside a tree.
 */
class TreeEncodingTest {

  @Test
  void randomTreesAreWrittenAsTheMapperWritesThem() throws Exception {
    Random random = new Random(7);
    for (int i = 0; i < 3_000; i++) {
      String text = ParamsTreeTest.value(random, 0);
      assertSameBytes(McpJson.mapper().readTree(text.startsWith("{") ? text : "[" + text + "]"));
    }
  }

  @Test
  void nodesTheCodecLeavesToTheMapperAreWrittenAsTheMapperWritesThem() throws Exception {
    ObjectNode tree = McpJson.object();
    tree.put("decimal", new BigDecimal("1.50"));
    tree.put("float", 1.25f);
    tree.put("short", (short) 7);
    tree.put("binary", new byte[] {1, 2, 3});
    tree.putPOJO("result", CallToolResult.text("hi"));
    tree.set("missing", null);
    tree.putRawValue("raw", new com.fasterxml.jackson.databind.util.RawValue("{\"r\":1}"));
    tree.putArray("mixed").add(JsonNodeFactory.instance.pojoNode(CallToolResult.text("x")))
        .add(new BigDecimal("1E+3")).addNull();

    assertSameBytes(tree);
  }

  private static void assertSameBytes(JsonNode tree) throws Exception {
    String expected = "{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":"
        + new String(McpJson.mapper().writeValueAsBytes(tree), StandardCharsets.UTF_8) + "}";

    String written = JsonRpcCodec.instance().encodeToString(
        JsonRpcResponse.result(RequestId.of(1), tree));

    assertThat(written).isEqualTo(expected);
  }
}
