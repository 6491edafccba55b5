package dev.mcpkit.server.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
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
import dev.mcpkit.core.schema.ProtocolRevision;
import dev.mcpkit.server.internal.Keys;
import dev.mcpkit.server.internal.SessionState;
import dev.mcpkit.server.internal.StatelessMeta;
import java.util.function.Function;

/**
 * Sends every answer and notification of the server through the revision of its session or
 * request: results and params lose what the revision does not define, error codes are mapped.
 * Handlers and transports build the full (newest) shape and know nothing of revisions.
 */
final class RevisionShaping {
  private RevisionShaping() {}

  /** The revision a request or connection speaks, from what its attributes carry. */
  static ProtocolRevision of(Attributes attributes) {
    StatelessMeta meta = attributes.get(Keys.STATELESS);
    if (meta != null) {
      return ProtocolRevision.parse(meta.protocolVersion()).orElse(ProtocolRevision.latest());
    }
    SessionState session = attributes.get(Keys.SESSION);
    String version = session == null ? null : session.protocolVersion();
    return version == null ? ProtocolRevision.latestSession()
        : ProtocolRevision.parse(version).orElse(ProtocolRevision.latestSession());
  }

  /** Every request handler of {@code raw}, with its result and errors shaped to the revision. */
  static MethodHandlers shaped(MethodHandlers raw, Function<Attributes, ProtocolRevision> revision) {
    MethodHandlers.Builder b = raw.toBuilder();
    for (String method : raw.requestMethods()) {
      RequestHandler handler = raw.request(method);
      b.onRequest(method, (ctx, params) -> {
        JsonNode result;
        try {
          result = handler.handle(ctx, params);
        } catch (McpProtocolException e) {
          JsonRpcError shaped = revision.apply(ctx.attributes()).shapeError(e.error());
          if (shaped == e.error()) {
            throw e;
          }
          McpProtocolException mapped = new McpProtocolException(shaped);
          mapped.initCause(e);
          throw mapped;
        }
        ProtocolRevision target = revision.apply(ctx.attributes());
        if (result instanceof POJONode pojo && target != ProtocolRevision.latestSession()) {
          // a record written straight to the wire is fit for the newest session revision only
          result = McpJson.toTree(pojo.getPojo());
        }
        if (result == null || !result.isObject()) {
          return result;
        }
        return target.shapeResult(method, result);
      });
    }
    return b.build();
  }

  /** {@code out}, with notifications, requests and errors shaped to the connection's revision. */
  static Outbound shaped(Outbound out, Attributes connection, boolean stateless) {
    return (message, related) -> out.send(shape(message,
        stateless ? ProtocolRevision.latest() : of(connection)), related);
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
