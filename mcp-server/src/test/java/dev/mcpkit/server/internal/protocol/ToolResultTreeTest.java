package dev.mcpkit.server.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ToolResultTreeTest {
  @Test
  void textResultsAreBuiltAsDataBindingWouldWriteThem() {
    for (CallToolResult r : List.of(
        CallToolResult.text("hello"),
        CallToolResult.text("quotes \" and \\ and \n and é"),
        CallToolResult.error("it failed"),
        CallToolResult.of(new Content.Text("a"), new Content.Text("b")),
        new CallToolResult(List.of(new Content.Text("x")), null, false))) {
      assertThat(ToolMethods.tree(r)).isEqualTo(McpJson.toTree(r));
      assertThat(McpJson.write(ToolMethods.tree(r))).isEqualTo(McpJson.write(McpJson.toTree(r)));
    }
  }

  @Test
  void resultsBeyondPlainTextStillGoThroughDataBinding() {
    ObjectNode structured = McpJson.object().put("sum", 5);
    ObjectNode meta = McpJson.object().put("k", "v");
    for (CallToolResult r : List.of(
        CallToolResult.structured(structured),
        new CallToolResult(List.of(new Content.Text("x")), null, null, null, meta, null),
        new CallToolResult(List.of(new Content.Text("x", null, meta, null)), null, null))) {
      assertThat(ToolMethods.tree(r)).isEqualTo(McpJson.toTree(r));
    }
  }
}
