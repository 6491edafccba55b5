package dev.mcpkit.client;

import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.core.schema.Tools.ListToolsResult;
import dev.mcpkit.core.schema.Tools.Tool;
import java.util.List;
import java.util.stream.Collectors;

/** Small readers for assertions on results. */
public final class ResultText {
  private ResultText() {}

  /** The text of the first content block (empty when it is not text). */
  public static String text(CallToolResult result) {
    return result.content().isEmpty() || !(result.content().get(0) instanceof Content.Text t)
        ? "" : t.text();
  }

  /** The text of every text content block, one per line. */
  public static String allText(CallToolResult result) {
    return result.content().stream().filter(c -> c instanceof Content.Text)
        .map(c -> ((Content.Text) c).text()).collect(Collectors.joining("\n"));
  }

  public static List<String> names(ListToolsResult result) {
    return result.tools().stream().map(Tool::name).collect(Collectors.toList());
  }
}
