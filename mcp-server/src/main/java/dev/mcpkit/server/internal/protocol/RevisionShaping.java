package dev.mcpkit.server.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.POJONode;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.engine.Attributes;
import dev.mcpkit.core.engine.MethodHandlers;
import dev.mcpkit.core.engine.Outbound;
import dev.mcpkit.core.engine.RequestHandler;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.JsonRpcError;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.jsonrpc.JsonRpcNotification;
import dev.mcpkit.core.jsonrpc.JsonRpcRequest;
import dev.mcpkit.core.jsonrpc.JsonRpcResponse;
import dev.mcpkit.core.schema.Base;
import dev.mcpkit.core.schema.ProtocolRevision;
import dev.mcpkit.server.internal.Keys;
import dev.mcpkit.server.internal.SessionState;
import dev.mcpkit.server.internal.StatelessMeta;

/**
 * Sends every answer and notification of the server through the revision of its session or
 * request: results and params lose what the revision does not define, error codes are mapped.
 * Handlers and transports build the full (newest) shape and know nothing of revisions.
 */
final class RevisionShaping {
  private RevisionShaping() {}

  /** The revision a request or connection speaks, from what its attributes carry. */
  static ProtocolRevision of(Attributes attributes) {
    return of(attributes, ProtocolRevision.latestSession());
  }

  /**
   * The revision a request or connection speaks: the one its {@code _meta} or its session names,
   * else {@code opening} (a session before {@code initialize}, a stateless connection).
   */
  static ProtocolRevision of(Attributes attributes, ProtocolRevision opening) {
    StatelessMeta meta = attributes.get(Keys.STATELESS);
    String version = meta != null ? meta.protocolVersion() : null;
    if (version == null) {
      SessionState session = attributes.get(Keys.SESSION);
      version = session == null ? null : session.protocolVersion();
    }
    ProtocolRevision named = Revisions.named(version);
    return named == null ? opening : named;
  }

  /**
   * Every request handler of {@code raw}, with its result and errors shaped to the revision of
   * the request. Handlers hand over the trees they return (built for this request), so results
   * are shaped in place; what the server shares between results (its identity) is added after.
   */
  static MethodHandlers shaped(MethodHandlers raw, ServerCore core, ProtocolRevision opening) {
    MethodHandlers.Builder b = raw.toBuilder();
    for (String method : raw.requestMethods()) {
      RequestHandler handler = raw.request(method);
      b.onRequest(method, (ctx, params) -> {
        JsonNode result;
        try {
          result = handler.handle(ctx, params);
        } catch (McpProtocolException e) {
          JsonRpcError shaped = of(ctx.attributes(), opening).shapeError(e.error());
          if (shaped == e.error()) {
            throw e;
          }
          McpProtocolException mapped = new McpProtocolException(shaped);
          mapped.initCause(e);
          throw mapped;
        }
        return shapeResult(core, method, result, of(ctx.attributes(), opening));
      });
    }
    return b.build();
  }

  /**
   * Whether a result for this request may be a record written straight to the wire (a {@link
   * POJONode}): only for the newest session revision, whose shape the records are.
   */
  static boolean takesRecords(Attributes attributes) {
    return of(attributes) == ProtocolRevision.latestSession();
  }

  private static JsonNode shapeResult(ServerCore core, String method, JsonNode result,
      ProtocolRevision target) {
    if (result instanceof POJONode pojo && target != ProtocolRevision.latestSession()) {
      // a record written straight to the wire is fit for the newest session revision only
      result = McpJson.toTree(pojo.getPojo());
    }
    if (result == null && target.namesServerInResults()) {
      result = McpJson.object();
    }
    if (!(result instanceof ObjectNode tree)) {
      return result;
    }
    ObjectNode shaped = target.shapeOwnedResult(method, tree);
    if (target.cachesResults(method)
        && Base.ResultType.COMPLETE.equals(shaped.path("resultType").asText())) {
      shaped.put("ttlMs", core.config().cacheTtlMillis());
      shaped.put("cacheScope", core.config().cacheScope().wire());
    }
    if (target.namesServerInResults()) {
      JsonNode meta = shaped.get("_meta");
      ObjectNode m = meta instanceof ObjectNode o ? o : shaped.putObject("_meta");
      m.set(Results.SERVER_INFO, core.serverInfo(target).deepCopy()); // small, and not shared
    }
    return shaped;
  }

  /**
   * {@code out}, with notifications, requests and errors shaped to the connection's revision
   * ({@code opening} until a session names one).
   */
  static Outbound shaped(Outbound out, Attributes connection, ProtocolRevision opening) {
    return (message, related) -> out.send(shape(message, of(connection, opening)), related);
  }

  private static JsonRpcMessage shape(JsonRpcMessage message, ProtocolRevision revision) {
    if (message instanceof JsonRpcNotification n) {
      return new JsonRpcNotification(n.method(), revision.shapeParams(n.method(), n.params()));
    }
    if (message instanceof JsonRpcRequest r) {
      return new JsonRpcRequest(r.id(), r.method(), revision.shapeParams(r.method(), r.params()));
    }
    if (message instanceof JsonRpcResponse.Error e) {
      JsonRpcError shaped = revision.shapeError(e.error());
      return shaped == e.error() ? e : JsonRpcResponse.error(e.id(), shaped);
    }
    return message;
  }
}
