package dev.mcpkit.server.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.auth.McpPrincipal;
import dev.mcpkit.core.engine.Attributes;
import dev.mcpkit.core.engine.ProtocolEngine;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.ErrorCodes;
import dev.mcpkit.core.jsonrpc.JsonRpcError;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.jsonrpc.JsonRpcNotification;
import dev.mcpkit.core.jsonrpc.JsonRpcRequest;
import dev.mcpkit.core.jsonrpc.JsonRpcResponse;
import dev.mcpkit.core.jsonrpc.RequestId;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpOptions;
import dev.mcpkit.server.internal.Keys;
import dev.mcpkit.server.internal.ServerAccess;
import dev.mcpkit.server.internal.StatelessMeta;
import dev.mcpkit.server.internal.protocol.ServerCore;
import dev.mcpkit.server.internal.protocol.Versions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The 2026-07-28 protocol on the MCP endpoint: every POST is a self-contained request carrying its
 * version and client capabilities in {@code _meta}, checked against the {@code MCP-Protocol-Version},
 * {@code Mcp-Method} and {@code Mcp-Name} headers, and answered without any session.
 */
final class StatelessHttp {
  static final String META_VERSION = "io.modelcontextprotocol/protocolVersion";
  static final String META_CAPABILITIES = "io.modelcontextprotocol/clientCapabilities";
  static final String META_CLIENT_INFO = "io.modelcontextprotocol/clientInfo";
  static final String META_LOG_LEVEL = "io.modelcontextprotocol/logLevel";
  private static final Set<String> LOG_LEVELS =
      Set.of("debug", "info", "notice", "warning", "error", "critical", "alert", "emergency");

  private final McpHttpOptions options;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Set<ListenStream> listeners = ConcurrentHashMap.newKeySet();

  StatelessHttp(McpHttpOptions options) {
    this.options = options;
  }

  int inFlight() {
    return inFlight.get();
  }

  /** Whether a POST speaks the stateless protocol: by its version header or its {@code _meta}. */
  static boolean isStateless(String versionHeader, JsonRpcMessage message) {
    if (Versions.isStatelessVersion(versionHeader)) {
      return true;
    }
    JsonNode params = message instanceof JsonRpcRequest r ? r.params()
        : message instanceof JsonRpcNotification n ? n.params() : null;
    JsonNode meta = params == null ? null : params.get("_meta");
    return meta != null && meta.has(META_VERSION);
  }

  static boolean isStatelessVersion(String versionHeader) {
    return Versions.isStatelessVersion(versionHeader);
  }

  /** GET and DELETE do not exist in the stateless protocol. */
  void methodNotAllowed(HttpCall call) {
    call.setHeader("Allow", "POST");
    HttpResponses.error(call, 405, null, ErrorCodes.INVALID_REQUEST, "Method not allowed: protocol "
        + Versions.STATELESS + " has no sessions and no GET stream; POST each request (use"
        + " subscriptions/listen for notifications)");
  }

  void post(HttpCall call, McpEndpoint endpoint, McpPrincipal principal, JsonRpcMessage message,
      boolean acceptsSse) {
    if (message instanceof JsonRpcResponse r) {
      HttpResponses.error(call, 400, r.id(), ErrorCodes.INVALID_REQUEST, "Invalid request: clients"
          + " do not send responses in protocol " + Versions.STATELESS
          + "; answer input requests by retrying the original request with inputResponses");
      return;
    }
    if (message instanceof JsonRpcNotification) {
      HttpResponses.empty(call, 202);
      return;
    }
    JsonRpcRequest request = (JsonRpcRequest) message;
    RequestId id = request.id();
    JsonNode metaNode = request.params() == null ? null : request.params().get("_meta");
    if (!(metaNode instanceof ObjectNode meta)) {
      invalidMeta(call, id, "params._meta is missing; every " + Versions.STATELESS + " request"
          + " carries " + META_VERSION + " and " + META_CAPABILITIES + " in params._meta");
      return;
    }
    JsonNode version = meta.get(META_VERSION);
    if (version == null || !version.isTextual()) {
      invalidMeta(call, id, "params._meta." + META_VERSION + " must be a string naming the"
          + " protocol version, e.g. \"" + Versions.STATELESS + "\"");
      return;
    }
    JsonNode caps = meta.get(META_CAPABILITIES);
    if (!(caps instanceof ObjectNode capabilities)) {
      invalidMeta(call, id, "params._meta." + META_CAPABILITIES + " must be an object ({} when"
          + " the client supports no optional capability)");
      return;
    }
    JsonNode info = meta.get(META_CLIENT_INFO);
    JsonNode level = meta.get(META_LOG_LEVEL);
    if (level != null && !(level.isTextual() && LOG_LEVELS.contains(level.textValue()))) {
      invalidMeta(call, id, "params._meta." + META_LOG_LEVEL + " must be a log level such as"
          + " \"info\", got " + level);
      return;
    }
    String header = call.header(Wire.PROTOCOL_VERSION);
    if (header == null) {
      headerMismatch(call, id, "the MCP-Protocol-Version header is missing; it must equal"
          + " params._meta." + META_VERSION + " (\"" + version.textValue() + "\")");
      return;
    }
    if (!header.trim().equals(version.textValue())) {
      headerMismatch(call, id, "MCP-Protocol-Version header '" + header + "' does not match"
          + " params._meta." + META_VERSION + " '" + version.textValue() + "'");
      return;
    }
    if (!Versions.isStatelessVersion(version.textValue())) {
      unsupportedVersion(call, id, version.textValue());
      return;
    }
    String mismatch = checkMethodHeaders(call, request);
    if (mismatch != null) {
      headerMismatch(call, id, mismatch);
      return;
    }
    ServerCore core = ServerAccess.core(endpoint.server());
    StatelessMeta statelessMeta = new StatelessMeta(version.textValue(), capabilities,
        info instanceof ObjectNode o ? o : null, level == null ? null : level.textValue());
    if ("subscriptions/listen".equals(request.method())) {
      listen(call, core, endpoint, request, acceptsSse);
      return;
    }
    if (Versions.SESSION_ONLY_METHODS.contains(request.method())
        || core.methods(true).request(request.method()) == null) {
      HttpResponses.error(call, 404, id, ErrorCodes.METHOD_NOT_FOUND, "Method not found: "
          + request.method() + (Versions.SESSION_ONLY_METHODS.contains(request.method())
          ? " does not exist in protocol " + Versions.STATELESS : ""));
      return;
    }
    run(call, core, endpoint, principal, request, statelessMeta, acceptsSse);
  }

  private void run(HttpCall call, ServerCore core, McpEndpoint endpoint, McpPrincipal principal,
      JsonRpcRequest request, StatelessMeta meta, boolean acceptsSse) {
    EventStream stream = new EventStream(null, "s", null, false, 0).answering(call, acceptsSse);
    Attributes attrs = new Attributes()
        .put(Keys.ENDPOINT, endpoint)
        .put(Keys.PRINCIPAL, principal)
        .put(Keys.STATELESS, meta);
    ProtocolEngine engine = core.newEngine("stateless", (message, related) -> {
      if (message instanceof JsonRpcRequest r) {
        throw new IOException("protocol " + Versions.STATELESS + " has no server-to-client"
            + " requests; " + r.method() + " must be asked with an input_required result");
      }
      if (related == null || !stream.send(message)) {
        McpHttpHandler.LOG.debug("stateless request: a message with no stream was dropped");
      }
    }, attrs, true);
    inFlight.incrementAndGet();
    JsonRpcResponse response;
    try {
      response = engine.handle(request, new Attributes(attrs));
    } finally {
      inFlight.decrementAndGet();
      engine.close();
    }
    if (response == null) {
      stream.abandon();
    } else {
      stream.complete(response, statusOf(response));
    }
  }

  private static int statusOf(JsonRpcResponse response) {
    if (response instanceof JsonRpcResponse.Error e) {
      return switch (e.error().code()) {
        case ErrorCodes.METHOD_NOT_FOUND -> 404;
        case ErrorCodes.HEADER_MISMATCH, ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY,
            ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION -> 400;
        default -> 200;
      };
    }
    return 200;
  }

  /** {@code subscriptions/listen}: an SSE response that stays open and carries change notices. */
  private void listen(HttpCall call, ServerCore core, McpEndpoint endpoint, JsonRpcRequest request,
      boolean acceptsSse) {
    JsonNode filter = request.params().get("notifications");
    if (!(filter instanceof ObjectNode requested)) {
      HttpResponses.error(call, 200, request.id(), ErrorCodes.INVALID_PARAMS, "Invalid params:"
          + " subscriptions/listen needs params.notifications, the notification types to receive");
      return;
    }
    if (!acceptsSse) {
      HttpResponses.error(call, 406, request.id(), ErrorCodes.INVALID_REQUEST,
          "Not acceptable: subscriptions/listen answers with an event stream");
      return;
    }
    SseChannel channel;
    try {
      channel = SseChannel.open(call);
    } catch (IOException e) {
      call.close();
      return;
    }
    ListenStream listener = new ListenStream(core, endpoint, request.id(), channel,
        core.honoredSubscriptions(requested));
    listeners.add(listener);
    core.addPeer(listener);
    try {
      listener.acknowledge();
      long every = options.keepAliveInterval().toMillis();
      while (!channel.awaitClose(every)) {
        if (!channel.keepAlive()) {
          break;
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      core.removePeer(listener);
      listeners.remove(listener);
      channel.close();
    }
  }

  /** Ends every listen stream with its result (server shutdown). */
  void close() {
    for (ListenStream l : listeners) {
      l.end();
    }
  }

  /** Checks {@code Mcp-Method} and {@code Mcp-Name} against the body; null when they match. */
  static String checkMethodHeaders(HttpCall call, JsonRpcRequest request) {
    String method = call.header("Mcp-Method");
    if (method == null) {
      return "the Mcp-Method header is missing; it must equal the body's method '"
          + request.method() + "'";
    }
    if (!method.trim().equals(request.method())) {
      return "Mcp-Method header '" + method + "' does not match the body's method '"
          + request.method() + "'";
    }
    String field = switch (request.method()) {
      case "tools/call", "prompts/get" -> "name";
      case "resources/read" -> "uri";
      default -> null;
    };
    if (field == null) {
      return null;
    }
    JsonNode value = request.params() == null ? null : request.params().get(field);
    if (value == null || !value.isTextual()) {
      return null; // the handler reports the missing parameter
    }
    String name = call.header("Mcp-Name");
    if (name == null) {
      return "the Mcp-Name header is missing; for " + request.method() + " it must carry params."
          + field + " ('" + value.textValue() + "')";
    }
    String decoded = decodeHeaderValue(name.trim());
    if (decoded == null) {
      return "Mcp-Name header is not valid: a =?base64?...?= value must hold valid base64";
    }
    if (!decoded.equals(value.textValue())) {
      return "Mcp-Name header '" + name + "' does not match params." + field + " '"
          + value.textValue() + "'";
    }
    return null;
  }

  /** A header value, with the {@code =?base64?...?=} sentinel decoded; null if invalid base64. */
  static String decodeHeaderValue(String value) {
    if (value.startsWith("=?base64?") && value.endsWith("?=") && value.length() >= 11) {
      String b64 = value.substring("=?base64?".length(), value.length() - 2);
      if (b64.length() % 4 != 0) {
        return null;
      }
      try {
        return new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return value;
  }

  private static void invalidMeta(HttpCall call, RequestId id, String why) {
    HttpResponses.error(call, 400, id, ErrorCodes.INVALID_PARAMS, "Invalid params: " + why);
  }

  private static void headerMismatch(HttpCall call, RequestId id, String why) {
    HttpResponses.error(call, 400, id, ErrorCodes.HEADER_MISMATCH, "Header mismatch: " + why);
  }

  private static void unsupportedVersion(HttpCall call, RequestId id, String requested) {
    ObjectNode data = McpJson.object();
    ArrayNode supported = data.putArray("supported");
    Versions.ALL.forEach(supported::add);
    data.put("requested", requested);
    HttpResponses.message(call, 400, new JsonRpcResponse.Error(id, new JsonRpcError(
        ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION, "Unsupported protocol version: '" + requested
        + "'; this server supports " + String.join(", ", Versions.ALL), data)));
  }
}
