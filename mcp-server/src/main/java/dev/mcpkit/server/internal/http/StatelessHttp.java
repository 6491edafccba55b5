package dev.mcpkit.server.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.auth.McpPrincipal;
import dev.mcpkit.core.engine.Attributes;
import dev.mcpkit.core.engine.ProtocolEngine;
import dev.mcpkit.core.jsonrpc.ErrorCodes;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.jsonrpc.JsonRpcNotification;
import dev.mcpkit.core.jsonrpc.JsonRpcRequest;
import dev.mcpkit.core.jsonrpc.JsonRpcResponse;
import dev.mcpkit.core.jsonrpc.RequestId;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpOptions;
import dev.mcpkit.server.internal.Keys;
import dev.mcpkit.server.internal.ServerAccess;
import dev.mcpkit.server.internal.ServerPeer;
import dev.mcpkit.server.internal.StatelessMeta;
import dev.mcpkit.server.internal.protocol.HeaderParams;
import dev.mcpkit.server.internal.protocol.Revisions;
import dev.mcpkit.server.internal.protocol.ServerCore;
import dev.mcpkit.server.internal.protocol.StatelessRequests;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The 2026-07-28 protocol on the MCP endpoint: every POST is a self-contained request carrying its
 * version and client capabilities in {@code _meta}, checked against the {@code MCP-Protocol-Version},
 * {@code Mcp-Method} and {@code Mcp-Name} headers, and answered without any session.
 */
final class StatelessHttp {

  private final McpHttpOptions options;
  private final AtomicInteger inFlight = new AtomicInteger();
  private final Set<ListenStream> listeners = ConcurrentHashMap.newKeySet();
  private final OpenStreams streams;
  private final Admission admission;
  private final HandlerPool pool;

  StatelessHttp(McpHttpOptions options, OpenStreams streams, Admission admission,
      HandlerPool pool) {
    this.pool = pool;
    this.options = options;
    this.streams = streams;
    this.admission = admission;
  }

  int inFlight() {
    return inFlight.get();
  }

  /** Whether a POST speaks the stateless protocol: by its version header or its {@code _meta}. */
  static boolean isStateless(String versionHeader, JsonRpcMessage message) {
    return Revisions.namesStateless(versionHeader) || StatelessRequests.carriesMeta(message);
  }

  /** GET and DELETE do not exist in the stateless protocol. */
  void methodNotAllowed(HttpCall call) {
    McpHttpHandler.closeUnread(call);
    call.setHeader("Allow", "POST");
    HttpResponses.error(call, 405, null, ErrorCodes.INVALID_REQUEST, "Method not allowed: protocol "
        + Revisions.STATELESS.id() + " has no sessions and no GET stream; POST each request (use"
        + " subscriptions/listen for notifications)");
  }

  void post(HttpCall call, McpEndpoint endpoint, McpPrincipal principal, JsonRpcMessage message,
      boolean acceptsSse) {
    if (message instanceof JsonRpcResponse r) {
      HttpResponses.error(call, 400, r.id(), ErrorCodes.INVALID_REQUEST, "Invalid request: clients"
          + " do not send responses in protocol " + Revisions.STATELESS.id()
          + "; answer input requests by retrying the original request with inputResponses");
      return;
    }
    if (message instanceof JsonRpcNotification) {
      HttpResponses.empty(call, 202);
      return;
    }
    JsonRpcRequest request = (JsonRpcRequest) message;
    RequestId id = request.id();
    ServerCore core = ServerAccess.core(endpoint.server());
    StatelessMeta meta;
    try {
      meta = StatelessRequests.read(request);
    } catch (McpProtocolException e) {
      HttpResponses.message(call, 400, JsonRpcResponse.error(id, e.error()));
      return;
    }
    String header = call.header(Wire.PROTOCOL_VERSION);
    if (header == null) {
      headerMismatch(call, id, "the MCP-Protocol-Version header is missing; it must equal"
          + " params._meta." + StatelessRequests.META_VERSION + " (\"" + meta.protocolVersion()
          + "\")");
      return;
    }
    if (!header.trim().equals(meta.protocolVersion())) {
      headerMismatch(call, id, "MCP-Protocol-Version header '" + header + "' does not match"
          + " params._meta." + StatelessRequests.META_VERSION + " '" + meta.protocolVersion() + "'");
      return;
    }
    String mismatch = checkMethodHeaders(call, request);
    if (mismatch == null && "tools/call".equals(request.method())) {
      mismatch = core.checkParamHeaders(request.params(), call::header);
    }
    if (mismatch != null) {
      headerMismatch(call, id, mismatch);
      return;
    }
    try {
      StatelessRequests.checkVersion(meta);
      if (!"subscriptions/listen".equals(request.method())) {
        StatelessRequests.checkMethod(core, request.method());
      }
    } catch (McpProtocolException e) {
      JsonRpcResponse.Error error = new JsonRpcResponse.Error(id, e.error());
      HttpResponses.message(call, statusOf(error), error);
      return;
    }
    if ("subscriptions/listen".equals(request.method())) {
      listen(call, core, endpoint, principal, request, acceptsSse);
      return;
    }
    if (!admission.enter(call, id)) {
      return;
    }
    inFlight.incrementAndGet(); // counted from here, so a shutdown waits for an offloaded request
    pool.run(call, request.method(), () -> {
      try {
        run(call, core, endpoint, principal, request, meta, acceptsSse);
      } finally {
        inFlight.decrementAndGet();
        admission.exit();
      }
    });
  }

  private void run(HttpCall call, ServerCore core, McpEndpoint endpoint, McpPrincipal principal,
      JsonRpcRequest request, StatelessMeta meta, boolean acceptsSse) {
    EventStream stream = new EventStream(null, 's', 0, null, false, 0).answering(call, acceptsSse);
    Attributes attrs = new Attributes()
        .put(Keys.ENDPOINT, endpoint)
        .put(Keys.PRINCIPAL, principal)
        .put(Keys.STATELESS, meta)
        .put(dev.mcpkit.core.engine.ConnectionInfo.KEY, dev.mcpkit.server.internal.StatelessInfo.HTTP);
    ClientAddresses.attach(attrs, call, endpoint);
    ProtocolEngine engine = core.newEngine("stateless", (message, related) -> {
      if (message instanceof JsonRpcRequest r) {
        throw new IOException("protocol " + Revisions.STATELESS.id() + " has no server-to-client"
            + " requests; " + r.method() + " must be asked with an input_required result");
      }
      if (related == null || !stream.send(message)) {
        McpHttpHandler.LOG.debug("stateless request: a message with no stream was dropped");
      }
    }, attrs, Revisions.STATELESS);
    JsonRpcResponse response;
    try {
      // the engine lives for this request only: the request can use its attributes as they are
      response = engine.handle(request, attrs);
    } finally {
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
  private void listen(HttpCall call, ServerCore core, McpEndpoint endpoint, McpPrincipal principal,
      JsonRpcRequest request, boolean acceptsSse) {
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
    String owner = Admission.client(call, principal);
    if (!streams.reserve(call, owner, request.id())) {
      return;
    }
    SseChannel channel;
    try {
      channel = SseChannel.open(call, options.maxStreamBacklogBytes());
    } catch (IOException e) {
      streams.release(owner);
      call.close();
      return;
    }
    ListenStream listener = new ListenStream(core, endpoint, request.id(), channel,
        core.honoredSubscriptions(requested));
    listeners.add(listener);
    core.addPeer(listener);
    listener.acknowledge();
    streams.track(channel, owner, () -> {
      core.removePeer(listener);
      listeners.remove(listener);
    });
  }

  /** Tells this JVM's listen streams of {@code core} about a change made on another instance. */
  void changedElsewhere(ServerCore core, java.util.function.Consumer<ServerPeer> change) {
    for (ListenStream l : listeners) {
      if (l.core() == core) {
        change.accept(l);
      }
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
      case "tasks/get", "tasks/update", "tasks/cancel" -> "taskId";
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
    String decoded = HeaderParams.decode(name.trim());
    if (decoded == null) {
      return "Mcp-Name header is not valid: a =?base64?...?= value must hold valid base64";
    }
    if (!decoded.equals(value.textValue())) {
      return "Mcp-Name header '" + name + "' does not match params." + field + " '"
          + value.textValue() + "'";
    }
    return null;
  }

  private static void headerMismatch(HttpCall call, RequestId id, String why) {
    HttpResponses.error(call, 400, id, ErrorCodes.HEADER_MISMATCH, "Header mismatch: " + why);
  }
}
