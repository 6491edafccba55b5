package dev.mcpkit.server.explorer.internal;

import static dev.mcpkit.server.explorer.internal.Html.escape;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.server.explorer.RejectedTool;
import dev.mcpkit.server.explorer.ToolView;
import java.util.List;
import java.util.Map;

/** The Tools section: one card per exposed tool, and the rejected tools with their reasons. */
final class ToolCards {
  private ToolCards() {}

  static void rejected(List<RejectedTool> rejected, StringBuilder out) {
    if (rejected.isEmpty()) {
      return;
    }
    out.append("<div class=\"callout warn\" id=\"rejected\"><h3>")
        .append(rejected.size() == 1 ? "1 tool was" : rejected.size() + " tools were")
        .append(" rejected and is not visible to clients</h3><ul>");
    for (RejectedTool tool : rejected) {
      out.append("<li><code>").append(escape(tool.name())).append("</code> <span>")
          .append(escape(tool.reason())).append("</span></li>");
    }
    out.append("</ul></div>\n");
  }

  static void card(ToolView tool, List<FormField> fields, StringBuilder out) {
    String title = tool.title() != null ? tool.title()
        : tool.annotations() == null ? null : tool.annotations().path("title").asText(null);
    out.append("<article class=\"tool card\" data-tool=\"").append(escape(tool.name()))
        .append("\">\n<div class=\"tool-head\"><h3><code>").append(escape(tool.name()))
        .append("</code></h3>");
    if (title != null) {
      out.append("<span class=\"tool-title\">").append(escape(title)).append("</span>");
    }
    badges(tool.annotations(), out);
    out.append("<button type=\"button\" class=\"run-link\" data-run=\"")
        .append(escape(tool.name())).append("\">Run test</button></div>\n");
    if (tool.description() != null && !tool.description().isBlank()) {
      out.append("<p class=\"desc\">").append(escape(tool.description().strip())).append("</p>\n");
    }
    parameters(fields, out);
    out.append("<div class=\"schemas\">");
    schema("Input schema", tool.inputSchema(), out);
    if (tool.outputSchema() != null) {
      schema("Output schema", tool.outputSchema(), out);
    } else {
      out.append("<span class=\"muted small\">No output schema: results are content only.</span>");
    }
    out.append("</div>\n</article>\n");
  }

  private static void parameters(List<FormField> fields, StringBuilder out) {
    if (fields.isEmpty()) {
      out.append("<p class=\"muted small\">Takes no parameters.</p>\n");
      return;
    }
    out.append("<table class=\"params\"><thead><tr><th>Parameter</th><th>Type</th>"
        + "<th>Description</th></tr></thead><tbody>\n");
    for (FormField f : fields) {
      out.append("<tr><td><code>").append(escape(f.name())).append("</code>");
      if (f.required()) {
        out.append(" <span class=\"req\">required</span>");
      }
      out.append("</td><td><span class=\"type\">").append(escape(f.typeLabel()))
          .append("</span></td><td>");
      if (f.title() != null) {
        out.append("<strong>").append(escape(f.title())).append("</strong> ");
      }
      if (f.description() != null) {
        out.append(escape(f.description()));
      } else if (f.title() == null && f.enumValues().isEmpty() && f.defaultValue() == null) {
        out.append("<span class=\"muted\">\u2014</span>");
      }
      if (!f.enumValues().isEmpty()) {
        out.append("<div class=\"meta\">One of ");
        for (int i = 0; i < f.enumValues().size(); i++) {
          out.append(i == 0 ? "" : " ").append("<code>")
              .append(escape(f.enumValues().get(i).toString())).append("</code>");
        }
        out.append("</div>");
      }
      if (f.defaultValue() != null) {
        out.append("<div class=\"meta\">Default <code>").append(escape(f.defaultValue().toString()))
            .append("</code></div>");
      }
      out.append("</td></tr>\n");
    }
    out.append("</tbody></table>\n");
  }

  private static void badges(JsonNode annotations, StringBuilder out) {
    if (annotations == null || !annotations.isObject()) {
      return;
    }
    out.append("<span class=\"badges\">");
    for (Map.Entry<String, JsonNode> e : annotations.properties()) {
      String key = e.getKey();
      JsonNode value = e.getValue();
      String label = switch (key) {
        case "title" -> null;
        case "readOnlyHint" -> value.asBoolean() ? "read-only" : "writes";
        case "destructiveHint" -> value.asBoolean() ? "destructive" : "non-destructive";
        case "idempotentHint" -> value.asBoolean() ? "idempotent" : "not idempotent";
        case "openWorldHint" -> value.asBoolean() ? "open world" : "closed world";
        default -> key + ": " + (value.isTextual() ? value.asText() : value.toString());
      };
      if (label == null) {
        continue;
      }
      String tone = "destructive".equals(label) ? "bad" : "read-only".equals(label) ? "good" : "";
      out.append("<span class=\"badge ").append(tone).append("\" title=\"")
          .append(escape(key + " = " + value)).append("\">").append(escape(label))
          .append("</span>");
    }
    out.append("</span>");
  }

  private static void schema(String label, JsonNode schema, StringBuilder out) {
    out.append("<details><summary>").append(label).append("</summary><pre class=\"json\">")
        .append(escape(schema.toPrettyString()))
        .append("</pre></details>");
  }
}
