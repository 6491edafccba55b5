package dev.mcpkit.server.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.auth.McpPrincipal;
import dev.mcpkit.core.engine.Attributes;
import dev.mcpkit.core.jsonrpc.Decoded;
import dev.mcpkit.core.jsonrpc.ErrorCodes;
import dev.mcpkit.core.jsonrpc.JsonRpcCodec;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.jsonrpc.JsonRpcParseException;
import dev.mcpkit.core.jsonrpc.JsonRpcRequest;
import dev.mcpkit.core.jsonrpc.JsonRpcResponse;
import dev.mcpkit.core.schema.ProtocolRevision;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpOptions;
import dev.mcpkit.server.internal.Keys;
import dev.mcpkit.server.internal.protocol.Revisions;
import dev.mcpkit.server.internal.session.HttpSessions;
import dev.mcpkit.server.internal.session.LiveSession;
import dev.mcpkit.server.spi.EventStore;
import java.util.ArrayList;
import java.util.List;

/**
 * The MCP endpoint itself: Streamable HTTP with sessions (2025-03-26 to 2025-11-25) on POST, GET
 * and DELETE, handing 2026-07-28 requests to {@link StatelessHttp} and session-less GETs of old
 * clients to {@link LegacySse}.
 */
final class SessionHttp {
  private final McpHttpOptions options;
  private final HttpSessions sessions;
  private final StatelessHttp stateless;
  private final LegacySse legacy;
  private final OpenStreams streams;
  private final Admission admission;
  private final HandlerPool pool;

  SessionHttp(McpHttpOptions options, HttpSessions sessions, StatelessHttp stateless,
      LegacySse legacy, OpenStreams streams, Admission admission,
      HandlerPool pool) {
    this.pool = pool;
    this.options = options;
    this.sessions = sessions;
    this.stateless = stateless;
    this.legacy = legacy;
    this.streams = streams;
    this.admission = admission;
  }

  void serve(HttpCall call, McpEndpoint endpoint, McpPrincipal principal) {
    switch (call.method()) {
      case "POST" -> post(call, endpoint, principal);
      case "GET" -> get(call, endpoint, principal);
      case "DELETE" -> delete(call, endpoint, principal);
      default -> {
        McpHttpHandler.closeUnread(call);
        call.setHeader("Allow", "GET, POST, DELETE");
        HttpResponses.error(call, 405, null, ErrorCodes.INVALID_REQUEST,
            "Method not allowed: the MCP endpoint takes POST, GET and DELETE");
      }
    }
  }

  // ------------------------------------------------------------------ POST

  private void post(HttpCall call, McpEndpoint endpoint, McpPrincipal principal) {
    String accept = call.header("Accept");
    boolean acceptsJson = Wire.accepts(accept, "application/json");
    boolean acceptsSse = Wire.accepts(accept, "text/event-stream");
    if (!acceptsJson || !acceptsSse) {
      McpHttpHandler.refuseUnread(call, options, 406, "Not acceptable: the"
          + " Accept header must list both application/json and text/event-stream, got "
          + (accept == null ? "none" : "'" + accept + "'"));
      return;
    }
    if (!Wire.isJson(call.header("Content-Type"))) {
      McpHttpHandler.refuseUnread(call, options, 415, "Unsupported media type:"
          + " the body must be JSON (Content-Type: application/json), got "
          + (call.header("Content-Type") == null ? "none" : call.header("Content-Type")));
      return;
    }
    byte[] body = McpHttpHandler.readBody(call, options);
    if (body == null) {
      return;
    }
    if (startsAsBatch(body)) {
      // session and version first: a batch is decoded only where one may be served
      batch(call, endpoint, principal, body);
      return;
    }
    Decoded decoded = McpHttpHandler.decode(call, body, false);
    if (decoded == null) {
      return;
    }
    String sessionId = call.header(Wire.SESSION_ID);
    String version = call.header(Wire.PROTOCOL_VERSION);
    if (StatelessHttp.isStateless(version, decoded.messages().get(0))) {
      stateless.post(call, endpoint, principal, decoded.messages().get(0), acceptsSse);
      return;
    }
    if (decoded.messages().get(0) instanceof JsonRpcRequest r && "initialize".equals(r.method())) {
      initialize(call, endpoint, principal, r);
      return;
    }
    if (sessionId == null) {
      HttpResponses.error(call, 400, requestId(decoded), ErrorCodes.INVALID_REQUEST, "Bad request:"
          + " the Mcp-Session-Id header is missing; send initialize first and then the session id"
          + " it returns with every request");
      return;
    }
    ProtocolRevision named = Revisions.named(version);
    if (version != null && (named == null || named.isStateless())) {
      HttpResponses.error(call, 400, requestId(decoded), ErrorCodes.INVALID_REQUEST,
          "Bad request: unsupported MCP-Protocol-Version '" + version + "'; supported: "
              + Revisions.ids(r -> !r.isStateless()));
      return;
    }
    LiveSession session = findSession(call, endpoint, principal, sessionId, requestId(decoded));
    if (session == null) {
      return;
    }
    JsonRpcMessage message = decoded.messages().get(0);
    if (message instanceof JsonRpcRequest request) {
      request(call, session, principal, request, acceptsSse);
    } else {
      sessions.delivery().fromClient(session, message);
      HttpResponses.empty(call, 202);
    }
  }

  private void initialize(HttpCall call, McpEndpoint endpoint, McpPrincipal principal,
      JsonRpcRequest request) {
    String client = Admission.client(call, principal);
    HttpSessions.Refusal refused = sessions.reserve(client);
    if (refused != null) {
      call.setHeader("Retry-After", Long.toString(refused.retryAfterSeconds()));
      HttpResponses.error(call, refused.status(), request.id(), ErrorCodes.INTERNAL_ERROR,
          refused.message());
      return;
    }
    boolean added = false;
    try {
      JsonNode requested = request.params() == null ? null
          : request.params().get("protocolVersion");
      LiveSession session = sessions.open(endpoint, principal.subject(),
          requested != null && requested.isTextual() ? requested.textValue()
              : Revisions.SESSIONS.id(), client);
      JsonRpcResponse response = session.engine().handle(request,
          ClientAddresses.attach(session.requestAttributes(principal), call, endpoint));
      if (response instanceof JsonRpcResponse.Result) {
        sessions.add(session);
        added = true;
        session.shed(); // nothing runs yet: an unused session keeps only its record
        call.setHeader(Wire.SESSION_ID, session.id());
        HttpResponses.message(call, 200, response);
      } else {
        session.close();
        HttpResponses.message(call, 200, response == null
            ? JsonRpcResponse.error(request.id(), ErrorCodes.INTERNAL_ERROR, "initialize cancelled")
            : response);
      }
    } finally {
      if (!added) {
        sessions.unreserve(client);
      }
    }
  }

  private void request(HttpCall call, LiveSession session, McpPrincipal principal,
      JsonRpcRequest request, boolean acceptsSse) {
    session.markUsed();
    if (!session.enter(options.maxRequestsInFlightPerSession())) {
      call.setHeader("Retry-After", "1");
      HttpResponses.error(call, 429, request.id(), ErrorCodes.INTERNAL_ERROR, "Too many requests:"
          + " this session already has " + options.maxRequestsInFlightPerSession()
          + " requests running (McpHttpOptions.maxRequestsInFlightPerSession)");
      return;
    }
    if (!admission.enter(call, request.id())) {
      session.exit();
      return;
    }
    EventStream stream = new EventStream(session.id(), 'p', session.newStreamNumber(),
        options.eventStore(), sessions.primes(session.protocolVersion()), sessions.retryMillis())
        .answering(call, acceptsSse);
    session.register(request.id(), stream);
    Attributes attrs = ClientAddresses.attach(session.requestAttributes(principal), call,
        session.endpoint()).put(Keys.RESPONSE, stream::closeConnection);
    pool.run(call, request.method(), () -> answer(session, attrs, request, stream));
  }

  /** Runs an admitted request and writes its answer, on whichever thread the pool chose. */
  private void answer(LiveSession session, Attributes attrs, JsonRpcRequest request,
      EventStream stream) {
    try {
      JsonRpcResponse response;
      try {
        response = session.engine().handle(request, attrs);
      } finally {
        session.unregister(request.id(), stream);
        // done for the session once answered: a client that has the answer and comes back finds
        // no request of its own still running (the idle expiry spares sessions with one)
        session.exit();
      }
      if (response == null) {
        stream.abandon();
      } else {
        stream.complete(response);
      }
    } finally {
      admission.exit(); // after the answer is written, so a shutdown waits for it
    }
  }

  /** Whether the body's first character after white space opens a JSON array. */
  private static boolean startsAsBatch(byte[] body) {
    for (byte b : body) {
      if (b != ' ' && b != '\t' && b != '\r' && b != '\n') {
        return b == '[';
      }
    }
    return false;
  }

  /**
   * A 2025-03-26 batch: refused before it is decoded unless it comes in a session of that
   * version, then decoded up to {@link McpHttpOptions#maxBatchElements()}; requests run one
   * after another and their answers go back as one JSON array.
   */
  private void batch(HttpCall call, McpEndpoint endpoint, McpPrincipal principal, byte[] body) {
    String sessionId = call.header(Wire.SESSION_ID);
    String version = call.header(Wire.PROTOCOL_VERSION);
    ProtocolRevision named = Revisions.named(version);
    if (sessionId == null || (version != null && (named == null || !named.allowsBatches()))) {
      HttpResponses.error(call, 400, null, ErrorCodes.INVALID_REQUEST, "Invalid request: JSON-RPC"
          + " batches are only allowed in a session of protocol "
          + Revisions.ids(ProtocolRevision::allowsBatches)
          + (sessionId == null ? " (this request has no Mcp-Session-Id)"
              : " (this request's MCP-Protocol-Version names another)")
          + "; send one message per request");
      return;
    }
    LiveSession session = findSession(call, endpoint, principal, sessionId, null);
    if (session == null) {
      return;
    }
    ProtocolRevision negotiated = Revisions.named(session.protocolVersion());
    if (negotiated == null || !negotiated.allowsBatches()) {
      HttpResponses.error(call, 400, null, ErrorCodes.INVALID_REQUEST, "Invalid request: JSON-RPC"
          + " batches are only allowed in protocol " + Revisions.ids(ProtocolRevision::allowsBatches)
          + "; this session uses "
          + session.protocolVersion());
      return;
    }
    Decoded decoded;
    try {
      decoded = JsonRpcCodec.instance().decode(body, options.maxBatchElements());
    } catch (JsonRpcParseException e) {
      HttpResponses.message(call, 400, e.toResponse());
      return;
    }
    if (!session.enter(options.maxRequestsInFlightPerSession())) {
      HttpResponses.error(call, 429, null, ErrorCodes.INTERNAL_ERROR, "Too many requests:"
          + " this session already has " + options.maxRequestsInFlightPerSession()
          + " requests running (McpHttpOptions.maxRequestsInFlightPerSession)");
      return;
    }
    try {
      answerBatch(call, session, principal, decoded);
    } finally {
      session.exit();
    }
  }

  private void answerBatch(HttpCall call, LiveSession session, McpPrincipal principal,
      Decoded decoded) {
    List<JsonRpcResponse> answers = new ArrayList<>(decoded.rejected());
    for (JsonRpcMessage m : decoded.messages()) {
      if (m instanceof JsonRpcRequest r) {
        JsonRpcResponse response = session.engine().handle(r,
            ClientAddresses.attach(session.requestAttributes(principal), call, session.endpoint()));
        if (response != null) {
          answers.add(response);
        }
      } else {
        sessions.delivery().fromClient(session, m);
      }
    }
    if (answers.isEmpty()) {
      HttpResponses.empty(call, 202);
    } else {
      HttpResponses.json(call, 200, JsonRpcCodec.instance().encodeBatch(answers));
    }
  }

  // ------------------------------------------------------------------ GET

  private void get(HttpCall call, McpEndpoint endpoint, McpPrincipal principal) {
    if (Revisions.namesStateless(call.header(Wire.PROTOCOL_VERSION))) {
      stateless.methodNotAllowed(call);
      return;
    }
    if (!Wire.accepts(call.header("Accept"), "text/event-stream")) {
      HttpResponses.error(call, 406, null, ErrorCodes.INVALID_REQUEST, "Not acceptable: a GET"
          + " opens an event stream; the Accept header must list text/event-stream");
      return;
    }
    String sessionId = call.header(Wire.SESSION_ID);
    if (sessionId == null) {
      // an HTTP+SSE (2024-11-05) client probing the URL: give it the old transport
      legacy.open(call, endpoint, principal, endpoint.path() + "/message");
      return;
    }
    LiveSession session = findSession(call, endpoint, principal, sessionId, null);
    if (session == null) {
      return;
    }
    String lastEventId = call.header("Last-Event-ID");
    if (lastEventId != null && resume(call, session, lastEventId)) {
      return;
    }
    EventStream standalone = session.standalone();
    if (standalone.isConnected()) {
      oneGetStreamOnly(call);
      return;
    }
    if (!streams.reserve(call, session.id(), null)) {
      return;
    }
    if (!standalone.connect(options.maxStreamBacklogBytes())) { // another GET got there first
      streams.release(session.id());
      oneGetStreamOnly(call);
      return;
    }
    session.markUsed();
    SseChannel channel;
    try {
      // from here the client may see the headers and act; what the session sends before the
      // connection is attached waits in the stream (connect), so none of it is lost
      channel = SseChannel.open(call, options.maxStreamBacklogBytes());
    } catch (java.io.IOException | RuntimeException e) {
      standalone.connectFailed();
      streams.release(session.id());
      call.close();
      return;
    }
    standalone.attach(channel);
    streams.track(channel, session.id(), () -> { });
  }

  private static void oneGetStreamOnly(HttpCall call) {
    HttpResponses.error(call, 409, null, ErrorCodes.INVALID_REQUEST, "Conflict: this session"
        + " already has a GET stream open; only one is allowed per session");
  }

  /** Replays a broken stream after {@code lastEventId}; false when the id is unknown. */
  private boolean resume(HttpCall call, LiveSession session, String lastEventId) {
    EventStore.Replay replay;
    try {
      replay = options.eventStore().replayAfter(session.id(), lastEventId);
    } catch (RuntimeException e) {
      // by class only: a store's message may quote the event ids, which carry the session's
      McpHttpHandler.LOG.warn("event store {} failed to replay events ({})",
          options.eventStore().getClass().getName(), e.getClass().getName());
      call.setHeader("Retry-After", "1");
      HttpResponses.error(call, 503, null, ErrorCodes.INTERNAL_ERROR,
          "Service unavailable: the event store failed; reconnect later");
      return true;
    }
    if (replay == null) {
      return false;
    }
    if (!streams.reserve(call, session.id(), null)) {
      return true;
    }
    session.markUsed();
    SseChannel channel;
    try {
      channel = SseChannel.open(call, options.maxStreamBacklogBytes());
    } catch (java.io.IOException e) {
      streams.release(session.id());
      call.close();
      return true;
    }
    EventStream stream = session.runningStream(replay.streamId());
    if (stream != null) {
      // what the stream sends while the store is read again waits for this connection, so an
      // event between the first read and the attach is not lost
      stream.reconnecting(options.maxStreamBacklogBytes());
      EventStore.Replay now = replayOrNull(session, lastEventId);
      stream.attach(channel, now != null ? now.events() : replay.events());
    } else {
      for (EventStore.StoredEvent e : replay.events()) {
        if (e.data().length > 0) {
          channel.send(e.id(), null, e.data(), 0);
        }
      }
      channel.close();
      try {
        options.eventStore().dropStream(session.id(), replay.streamId());
      } catch (RuntimeException e) {
        McpHttpHandler.LOG.debug("event store failed to drop a replayed stream: {}", e.toString());
      }
    }
    streams.track(channel, session.id(), () -> { });
    return true;
  }

  /** The store's replay, or null when it fails now (the first read's events are used then). */
  private EventStore.Replay replayOrNull(LiveSession session, String lastEventId) {
    try {
      return options.eventStore().replayAfter(session.id(), lastEventId);
    } catch (RuntimeException e) {
      McpHttpHandler.LOG.warn("event store {} failed to replay events ({})",
          options.eventStore().getClass().getName(), e.getClass().getName());
      return null;
    }
  }

  // ------------------------------------------------------------------ DELETE

  private void delete(HttpCall call, McpEndpoint endpoint, McpPrincipal principal) {
    if (Revisions.namesStateless(call.header(Wire.PROTOCOL_VERSION))) {
      stateless.methodNotAllowed(call);
      return;
    }
    String sessionId = call.header(Wire.SESSION_ID);
    if (sessionId == null) {
      HttpResponses.error(call, 400, null, ErrorCodes.INVALID_REQUEST,
          "Bad request: DELETE ends a session; the Mcp-Session-Id header is missing");
      return;
    }
    LiveSession session = findSession(call, endpoint, principal, sessionId, null);
    if (session == null) {
      return;
    }
    sessions.terminate(session);
    HttpResponses.empty(call, 200);
  }

  // ------------------------------------------------------------------ helpers

  private LiveSession findSession(HttpCall call, McpEndpoint endpoint, McpPrincipal principal,
      String sessionId, dev.mcpkit.core.jsonrpc.RequestId id) {
    LiveSession session;
    try {
      session = sessions.find(sessionId, endpoint, principal.subject());
    } catch (RuntimeException e) {
      // the class only: a store's message may quote the session id (a database its row)
      McpHttpHandler.LOG.warn("session store {} failed ({})",
          options.sessionStore().getClass().getName(), e.getClass().getName());
      call.setHeader("Retry-After", "1");
      HttpResponses.error(call, 503, id, ErrorCodes.INTERNAL_ERROR,
          "Service unavailable: the session store failed; retry later");
      return null;
    }
    if (session == null) {
      HttpResponses.error(call, 404, id, ErrorCodes.INVALID_REQUEST, "Session not found: it"
          + " expired or was terminated; send initialize without Mcp-Session-Id to start a new"
          + " one");
    }
    return session;
  }

  private static dev.mcpkit.core.jsonrpc.RequestId requestId(Decoded decoded) {
    if (decoded.messages().get(0) instanceof JsonRpcRequest r) {
      return r.id();
    }
    return null;
  }
}
