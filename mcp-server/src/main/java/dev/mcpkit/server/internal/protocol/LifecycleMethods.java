package dev.mcpkit.server.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.engine.MethodHandlers;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Completions.CompleteParams;
import dev.mcpkit.core.schema.Completions.Completion;
import dev.mcpkit.core.schema.Logging.LoggingLevel;
import dev.mcpkit.core.schema.Methods;
import dev.mcpkit.core.schema.ProtocolRevision;
import dev.mcpkit.server.internal.Keys;
import dev.mcpkit.server.internal.SessionState;
import java.util.List;

/** {@code initialize}, {@code server/discover}, {@code logging/setLevel}, completion. */
final class LifecycleMethods {
  private LifecycleMethods() {}

  /** What {@code revision} has of these: the methods that open its connections, levels, completion. */
  static void register(MethodHandlers.Builder b, ServerCore core, ProtocolRevision revision) {
    if (revision.defines(Methods.SERVER_DISCOVER)) {
      b.onRequest(Methods.SERVER_DISCOVER, (ctx, params) -> {
        ObjectNode result = McpJson.object();
        ArrayNode versions = result.putArray("supportedVersions");
        List<ProtocolRevision> all = ProtocolRevision.all();
        for (int i = all.size() - 1; i >= 0; i--) {
          versions.add(all.get(i).id());
        }
        result.set("capabilities", core.capabilities(revision));
        if (core.config().instructions() != null) {
          result.put("instructions", core.config().instructions());
        }
        return result;
      });
    }
    if (revision.defines(Methods.INITIALIZE)) {
      b.onRequest(Methods.INITIALIZE, (ctx, params) -> initialize(core,
          ctx.attributes().get(Keys.SESSION), params));
      b.onNotification(Methods.NOTIFICATIONS_INITIALIZED, (attrs, params) -> { });
    }
    if (revision.defines(Methods.LOGGING_SET_LEVEL)) {
      if (core.config().logging()) {
        b.onRequest("logging/setLevel", (ctx, params) -> {
          JsonNode level = params == null ? null : params.get("level");
          LoggingLevel parsed;
          try {
            parsed = LoggingLevel.fromWire(level == null ? null : level.asText(null));
          } catch (IllegalArgumentException | NullPointerException e) {
            throw McpProtocolException.invalidParams("Invalid params: level must be one of debug,"
                + " info, notice, warning, error, critical, alert, emergency; got " + level);
          }
          SessionState session = ctx.attributes().get(Keys.SESSION);
          if (session != null) {
            session.setLogLevel(parsed.wire());
          }
          return McpJson.object();
        });
      }
    }
    if (core.config().completions() != null) {
      dev.mcpkit.core.engine.RequestHandler complete = (ctx, params) -> {
        CompleteParams p;
        try {
          p = McpJson.fromTree(params, CompleteParams.class);
        } catch (IllegalArgumentException e) {
          throw McpProtocolException.invalidParams("Invalid params: " + e.getMessage());
        }
        if (p == null || p.ref() == null || p.argument() == null) {
          throw McpProtocolException.invalidParams("Invalid params: completion/complete needs ref"
              + " and argument");
        }
        Completion c = core.config().completions().complete(p,
            new CallContextImpl(core, ctx, null, null, null));
        if (c == null) {
          c = new Completion(List.of());
        }
        if (c.values().size() > 100) {
          c = new Completion(c.values().subList(0, 100), c.total(), true, null);
        }
        ObjectNode result = McpJson.object();
        result.set("completion", McpJson.toTree(c));
        return result;
      };
      b.onRequest(Methods.COMPLETION_COMPLETE, complete);
    }
  }

  private static JsonNode initialize(ServerCore core, SessionState session, JsonNode params) {
    JsonNode requested = params == null ? null : params.get("protocolVersion");
    if (requested == null || !requested.isTextual()) {
      throw McpProtocolException.invalidParams("Invalid params: initialize needs protocolVersion,"
          + " e.g. \"" + ProtocolRevision.latestSession().id() + "\"");
    }
    ProtocolRevision negotiated = ProtocolRevision.negotiate(requested.textValue());
    String version = negotiated.id();
    JsonNode caps = params.get("capabilities");
    JsonNode info = params.get("clientInfo");
    if (session != null) {
      session.initialized(version, caps instanceof ObjectNode o ? o : McpJson.object(),
          info instanceof ObjectNode i ? i : null);
    }
    ObjectNode result = McpJson.object();
    result.put("protocolVersion", version);
    result.set("capabilities", core.capabilities(negotiated));
    result.set("serverInfo", core.serverInfo().deepCopy()); // the answer is shaped in place
    if (core.config().instructions() != null) {
      result.put("instructions", core.config().instructions());
    }
    return result;
  }
}
