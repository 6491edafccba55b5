package dev.mcpkit.server.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.engine.MethodHandlers;
import dev.mcpkit.core.engine.RequestContext;
import dev.mcpkit.core.engine.RequestHandler;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.ErrorCodes;
import dev.mcpkit.core.schema.Methods;
import dev.mcpkit.core.schema.ProtocolRevision;
import dev.mcpkit.core.schema.Resources.ResourceContents;
import dev.mcpkit.server.ResourceDefinition;
import dev.mcpkit.server.internal.Keys;
import dev.mcpkit.server.internal.SessionState;
import java.util.List;
import java.util.Map;

/** {@code resources/list}, {@code resources/templates/list}, {@code resources/read}, subscriptions. */
final class ResourceMethods {
  private ResourceMethods() {}

  /** The resource methods {@code revision} has (subscriptions only where it defines them). */
  static void register(MethodHandlers.Builder b, ServerCore core, ProtocolRevision revision) {
    if (!core.config().resourcesCapability()) {
      return;
    }
    int pageSize = core.config().pageSize();
    RequestHandler list = (ctx, params) -> Results.page(core.resources().all(), params, pageSize,
        "resources", ResourceDefinition::uri, r -> McpJson.toTree(r.resource()));
    RequestHandler templates = (ctx, params) -> Results.page(core.templates().all(), params,
        pageSize, "resourceTemplates", ResourceDefinition::uri,
        r -> McpJson.toTree(r.resourceTemplate()));
    RequestHandler read = (ctx, params) -> read(core, ctx, params);
    b.onRequest("resources/list", list);
    b.onRequest("resources/templates/list", templates);
    b.onRequest("resources/read", read);
    if (!revision.defines(Methods.RESOURCES_SUBSCRIBE)) {
      return;
    }
    b.onRequest("resources/subscribe", (ctx, params) -> {
      SessionState session = ctx.attributes().get(Keys.SESSION);
      if (session != null) {
        session.subscribe(uri(params));
      }
      return McpJson.object();
    });
    b.onRequest("resources/unsubscribe", (ctx, params) -> {
      SessionState session = ctx.attributes().get(Keys.SESSION);
      if (session != null) {
        session.unsubscribe(uri(params));
      }
      return McpJson.object();
    });
  }

  private static String uri(JsonNode params) {
    JsonNode uri = params == null ? null : params.get("uri");
    if (uri == null || !uri.isTextual()) {
      throw McpProtocolException.invalidParams("Invalid params: params.uri, the resource URI, is"
          + " required");
    }
    return uri.textValue();
  }

  private static JsonNode read(ServerCore core, RequestContext ctx, JsonNode params)
      throws Exception {
    String uri = uri(params);
    ResourceDefinition found = core.resources().get(uri);
    Map<String, String> vars = Map.of();
    if (found == null) {
      for (ResourceDefinition t : core.templates().all()) {
        Map<String, String> match = UriTemplates.match(t.uri(), uri);
        if (match != null) {
          found = t;
          vars = match;
          break;
        }
      }
    }
    if (found == null) {
      throw notFound(uri);
    }
    ResourceDefinition resource = found;
    Map<String, String> variables = vars;
    return InputFlow.run(core, ctx, "resources/read", uri, null, null, context -> {
      List<ResourceContents> contents = resource.reader().read(uri, variables, context);
      if (contents == null || contents.isEmpty()) {
        throw notFound(uri);
      }
      ObjectNode result = McpJson.object();
      ArrayNode array = result.putArray("contents");
      for (ResourceContents c : contents) {
        array.add(McpJson.toTree(c));
      }
      return result;
    });
  }

  /** -32002; the revision maps it where it has no such code (2026-07-28: invalid params). */
  private static McpProtocolException notFound(String uri) {
    ObjectNode data = McpJson.object().put("uri", uri);
    return new McpProtocolException(ErrorCodes.RESOURCE_NOT_FOUND, "Resource not found: " + uri,
        data);
  }
}
