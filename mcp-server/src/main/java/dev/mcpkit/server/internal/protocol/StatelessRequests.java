package dev.mcpkit.server.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.ErrorCodes;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.jsonrpc.JsonRpcNotification;
import dev.mcpkit.core.jsonrpc.JsonRpcRequest;
import dev.mcpkit.server.internal.StatelessMeta;
import java.util.Set;

/** The per-request metadata of the 2026-07-28 protocol, on any transport. */
public final class StatelessRequests {
  public static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";
  public static final String META_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
  public static final String META_CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
  public static final String META_LOG_LEVEL = "io.modelcontextprotocol/logLevel";
  private static final Set<String> LOG_LEVELS =
      Set.of("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency");

  private StatelessRequests() {}

  /** Whether a message carries 2026-07-28 metadata (its {@code _meta} names a version). */
  public static boolean carriesMeta(JsonRpcMessage message) {
    JsonNode params = message instanceof JsonRpcRequest r ? r.params()
        : message instanceof JsonRpcNotification n ? n.params() : null;
    JsonNode meta = params == null ? null : params.get("_meta");
    return meta != null && meta.has(META_VERSION);
  }

  /**
   * Reads a request's {@code _meta}; the version is not checked yet ({@link #checkVersion}).
   *
   * @throws McpProtocolException -32602 naming the missing or malformed field
   */
  public static StatelessMeta read(JsonRpcRequest request) {
    JsonNode metaNode = request.params() == null ? null : request.params().get("_meta");
    if (!(metaNode instanceof ObjectNode meta)) {
      throw invalid("params._meta is missing; every " + Revisions.STATELESS.id()
          + " request carries " + META_VERSION + " and " + META_CAPABILITIES + " in params._meta");
    }
    JsonNode version = meta.get(META_VERSION);
    if (version == null || !version.isTextual()) {
      throw invalid("params._meta." + META_VERSION + " must be a string naming the protocol"
          + " version, e.g. \"" + Revisions.STATELESS.id() + "\"");
    }
    JsonNode caps = meta.get(META_CAPABILITIES);
    if (!(caps instanceof ObjectNode capabilities)) {
      throw invalid("params._meta." + META_CAPABILITIES + " must be an object ({} when the client"
          + " supports no optional capability)");
    }
    JsonNode level = meta.get(META_LOG_LEVEL);
    if (level != null && !(level.isTextual() && LOG_LEVELS.contains(level.textValue()))) {
      throw invalid("params._meta." + META_LOG_LEVEL + " must be a log level such as \"info\","
          + " got " + level);
    }
    JsonNode info = meta.get(META_CLIENT_INFO);
    return new StatelessMeta(version.textValue(), capabilities,
        info instanceof ObjectNode o ? o : null, level == null ? null : level.textValue());
  }

  /** @throws McpProtocolException -32022 listing the supported versions */
  public static void checkVersion(StatelessMeta meta) {
    if (Revisions.namesStateless(meta.protocolVersion())) {
      return;
    }
    ObjectNode data = McpJson.object();
    ArrayNode supported = data.putArray("supported");
    Revisions.idList(r -> true).forEach(supported::add);
    data.put("requested", meta.protocolVersion());
    throw new McpProtocolException(ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION,
        "Unsupported protocol version: '" + meta.protocolVersion() + "'; this server supports "
            + Revisions.ids(r -> true), data);
  }

  /** @throws McpProtocolException -32601 for methods the stateless revision does not have */
  public static void checkMethod(ServerCore core, String method) {
    boolean extension = TaskMethods.EXTENSION_METHODS.contains(method);
    boolean known = Revisions.anyDefines(method);
    if (!extension && known && !Revisions.STATELESS.defines(method)) {
      throw new McpProtocolException(ErrorCodes.METHOD_NOT_FOUND, "Method not found: " + method
          + " does not exist in protocol " + Revisions.STATELESS.id());
    }
    if (core.methods(Revisions.STATELESS).request(method) == null) {
      throw McpProtocolException.methodNotFound(method);
    }
  }

  private static McpProtocolException invalid(String why) {
    return McpProtocolException.invalidParams("Invalid params: " + why);
  }
}
