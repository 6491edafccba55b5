package dev.mcpkit.server.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.engine.MethodHandlers;
import dev.mcpkit.core.engine.RequestContext;
import dev.mcpkit.core.engine.RequestHandler;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Prompts.GetPromptResult;
import dev.mcpkit.core.schema.Prompts.PromptArgument;
import dev.mcpkit.server.PromptDefinition;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code prompts/list} and {@code prompts/get}. */
final class PromptMethods {
  private PromptMethods() {}

  static void register(MethodHandlers.Builder b, ServerCore core) {
    if (!core.config().promptsCapability()) {
      return;
    }
    RequestHandler list = (ctx, params) -> Results.page(core.prompts().all(), params,
        core.config().pageSize(), "prompts", PromptDefinition::name,
        p -> McpJson.toTree(p.prompt()));
    RequestHandler get = (ctx, params) -> get(core, ctx, params);
    b.onRequest("prompts/list", list);
    b.onRequest("prompts/get", get);
  }

  private static JsonNode get(ServerCore core, RequestContext ctx, JsonNode params)
      throws Exception {
    JsonNode nameNode = params == null ? null : params.get("name");
    if (nameNode == null || !nameNode.isTextual()) {
      throw McpProtocolException.invalidParams("Invalid params: prompts/get needs params.name");
    }
    PromptDefinition prompt = core.prompts().get(nameNode.textValue());
    if (prompt == null) {
      throw McpProtocolException.invalidParams("Invalid params: unknown prompt '"
          + nameNode.textValue() + "'; call prompts/list for the prompts this server offers");
    }
    Map<String, String> arguments = new LinkedHashMap<>();
    JsonNode args = params.get("arguments");
    if (args != null && args.isObject()) {
      args.fields().forEachRemaining(e -> arguments.put(e.getKey(),
          e.getValue().isTextual() ? e.getValue().textValue() : e.getValue().toString()));
    }
    if (prompt.prompt().arguments() != null) {
      for (PromptArgument a : prompt.prompt().arguments()) {
        if (Boolean.TRUE.equals(a.required()) && !arguments.containsKey(a.name())) {
          throw McpProtocolException.invalidParams("Invalid params: prompt '" + prompt.name()
              + "' needs argument '" + a.name() + "'");
        }
      }
    }
    Map<String, String> frozen = Map.copyOf(arguments);
    return InputFlow.run(core, ctx, "prompts/get", prompt.name(), args, null, context -> {
      GetPromptResult result = prompt.handler().get(frozen, context);
      if (result == null) {
        throw new IllegalStateException("prompt '" + prompt.name() + "' returned null");
      }
      return McpJson.toTree(result);
    });
  }
}
