package dev.mcpkit.server.explorer.internal;

import dev.mcpkit.server.explorer.Snippet;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.server.explorer.AuthHint;
import dev.mcpkit.server.explorer.ExplorerModel;
import dev.mcpkit.server.explorer.ToolView;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The JSON the page's script reads: form fields per tool, the URL, the snippets. */
final class PageData {
  /** What stands in for the capability token until the operator reveals it. */
  static final String MASK = "\u2022".repeat(8);

  private PageData() {}

  static String json(ExplorerModel model, Map<String, List<FormField>> forms,
      List<Snippet> snippets) {
    ObjectNode data = McpJson.object();
    data.put("serverName", model.serverName());
    data.put("endpoint", model.endpointUrl());
    data.put("maskedEndpoint", mask(model, model.endpointUrl()));
    data.put("protocolVersion", Snippets.PROTOCOL_VERSION);
    ObjectNode auth = data.putObject("auth");
    if (model.auth() instanceof AuthHint.ApiKeyHeader apiKey) {
      auth.put("kind", "header").put("header", apiKey.headerName());
    } else if (model.auth() instanceof AuthHint.Bearer) {
      auth.put("kind", "bearer").put("header", "Authorization");
    } else {
      auth.put("kind", "none");
    }
    ArrayNode tools = data.putArray("tools");
    for (ToolView tool : model.tools()) {
      ObjectNode t = tools.addObject().put("name", tool.name());
      ArrayNode fields = t.putArray("fields");
      forms.get(tool.name()).forEach(f -> fields.add(field(f)));
    }
    ArrayNode snippetArray = data.putArray("snippets");
    for (Snippet s : snippets) {
      snippetArray.addObject().put("id", s.id()).put("text", s.text())
          .put("masked", mask(model, s.text()));
    }
    return Html.scriptJson(McpJson.write(data));
  }

  /** {@code text} with the model's capability token replaced by {@link #MASK}. */
  static String mask(ExplorerModel model, String text) {
    return model.capabilityToken() == null ? text : text.replace(model.capabilityToken(), MASK);
  }

  private static ObjectNode field(FormField f) {
    ObjectNode node = McpJson.object().put("name", f.name())
        .put("kind", f.kind().name().toLowerCase(Locale.ROOT))
        .put("type", f.typeLabel())
        .put("required", f.required());
    if (f.title() != null) {
      node.put("title", f.title());
    }
    if (f.description() != null) {
      node.put("description", f.description());
    }
    if (f.defaultValue() != null) {
      node.set("default", f.defaultValue());
    }
    if (!f.enumValues().isEmpty()) {
      ArrayNode values = node.putArray("enum");
      f.enumValues().forEach(values::add);
      ArrayNode labels = node.putArray("enumLabels");
      f.enumLabels().forEach(labels::add);
    }
    if (f.itemKind() != null) {
      node.put("itemKind", f.itemKind().name().toLowerCase(Locale.ROOT));
    }
    return node;
  }
}
