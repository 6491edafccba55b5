package dev.mcpkit.server.internal.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.auth.AuthResult;
import dev.mcpkit.core.auth.McpAuthenticator;
import dev.mcpkit.core.auth.McpPrincipal;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.jsonrpc.Decoded;
import dev.mcpkit.core.jsonrpc.ErrorCodes;
import dev.mcpkit.core.jsonrpc.JsonRpcCodec;
import dev.mcpkit.core.jsonrpc.JsonRpcParseException;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpOptions;
import dev.mcpkit.server.internal.session.HttpSessions;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Serves MCP over HTTP for a set of endpoints, whatever HTTP server calls it: routes a request to
 * its endpoint, checks Host/Origin and authentication, and hands it to the Streamable HTTP session
 * protocol, the 2026-07-28 stateless protocol or the legacy HTTP+SSE transport. Thread-safe; one
 * instance per HTTP server.
 */
public final class McpHttpHandler {
  static final Logger LOG = LoggerFactory.getLogger(McpHttpHandler.class);
  private static final String PRM = "/.well-known/oauth-protected-resource";

  private final McpHttpOptions options;
  private final List<McpEndpoint> endpoints = new CopyOnWriteArrayList<>();
  private final OriginPolicy origins;
  private final HttpSessions sessions;
  private final SessionHttp sessionHttp;
  private final StatelessHttp statelessHttp;
  private final ClusterBroadcast broadcast;
  private final LegacySse legacy;
  private final OpenStreams streams;
  private final Admission admission;
  private final HandlerPool pool;
  private final boolean explorerByDefault;
  private volatile boolean shuttingDown;

  /** A handler that serves the explorer page only on endpoints that ask for it. */
  public McpHttpHandler(McpHttpOptions options, List<McpEndpoint> endpoints) {
    this(options, endpoints, false);
  }

  /**
   * @param explorerByDefault whether endpoints that neither ask for the explorer page nor refuse
   *     it serve it (the embedded server on a loopback address)
   */
  public McpHttpHandler(McpHttpOptions options, List<McpEndpoint> endpoints,
      boolean explorerByDefault) {
    this.explorerByDefault = explorerByDefault;
    this.options = Objects.requireNonNull(options, "options");
    this.origins = new OriginPolicy(options);
    this.sessions = new HttpSessions(options);
    this.streams = new OpenStreams(options);
    this.admission = new Admission(options);
    this.pool = new HandlerPool(options);
    this.statelessHttp = new StatelessHttp(options, streams, admission, pool);
    this.broadcast = new ClusterBroadcast(sessions.delivery(), statelessHttp, this::endpoints);
    this.legacy = new LegacySse(options, streams, admission, pool,
        sessions.delivery());
    this.sessionHttp = new SessionHttp(options, sessions, statelessHttp, legacy, streams,
        admission, pool);
    endpoints.forEach(this::addEndpoint);
  }

  public McpHttpOptions options() {
    return options;
  }

  /** Starts serving an endpoint; its path must not clash with another's. */
  public void addEndpoint(McpEndpoint endpoint) {
    Objects.requireNonNull(endpoint, "endpoint");
    for (McpEndpoint e : endpoints) {
      if (e.id().equals(endpoint.id())) {
        throw new IllegalArgumentException("an endpoint with id '" + endpoint.id()
            + "' is already served; give each endpoint its own id");
      }
      if (!e.isCapabilityUrl() && !endpoint.isCapabilityUrl() && e.path().equals(endpoint.path())) {
        throw new IllegalArgumentException("two endpoints at path " + endpoint.path()
            + "; give each its own path");
      }
    }
    endpoints.add(endpoint);
    broadcast.serve(endpoint);
  }

  /** Stops serving an endpoint (its path gets 404). */
  public boolean removeEndpoint(McpEndpoint endpoint) {
    broadcast.stop(endpoint);
    return endpoints.remove(endpoint);
  }

  public List<McpEndpoint> endpoints() {
    return List.copyOf(endpoints);
  }

  /** Live sessions served here. */
  public int sessionCount() {
    return sessions.size();
  }

  /** Event streams open now (GET streams, legacy SSE, {@code subscriptions/listen}). */
  public int openStreamCount() {
    return streams.size();
  }

  /**
   * Whether {@code call} is refused from its headers alone, without its body being read: a bad
   * Host, an unknown or disabled path, a server shutting down, a refused Origin, a method the path
   * does not take. A host that reads bodies ahead of the handler leaves these bodies unread.
   */
  public boolean refusesFromHeaders(HttpCall call) {
    String host = call.header("Host");
    String path = call.path();
    if (!HostHeader.isValid(host) || path.startsWith(PRM) || shuttingDown) {
      return true;
    }
    Route route = route(path);
    if (route == null || !route.endpoint.isEnabled() || origins.check(call, host) != null) {
      return true;
    }
    return route.kind == Kind.LEGACY_SSE || !"POST".equals(call.method());
  }

  /** Serves one request; never throws. */
  public void handle(HttpCall call) {
    try {
      dispatch(call);
    } catch (RuntimeException e) {
      LOG.warn("failed to serve {} {}", call.method(), safePath(call), e);
      call.setHeader("Connection", "close"); // whether the body was read is not known here
      HttpResponses.error(call, 500, null, ErrorCodes.INTERNAL_ERROR,
          "Internal error: the server failed to handle the request");
    }
  }

  private void dispatch(HttpCall call) {
    String host = call.header("Host");
    if (!HostHeader.isValid(host)) {
      closeUnread(call);
      HttpResponses.error(call, 400, null, ErrorCodes.INVALID_REQUEST, HostHeader.REFUSAL);
      return;
    }
    String path = call.path();
    if (path.startsWith(PRM)) {
      protectedResourceMetadata(call, path.substring(PRM.length()));
      return;
    }
    Route route = route(path);
    if (route == null || !route.endpoint.isEnabled()) {
      closeUnread(call);
      HttpResponses.notFound(call);
      return;
    }
    if (shuttingDown) {
      closeUnread(call);
      call.setHeader("Retry-After", "1");
      HttpResponses.error(call, 503, null, ErrorCodes.INTERNAL_ERROR,
          "Service unavailable: the server is shutting down");
      return;
    }
    String refused = origins.check(call, host);
    if (refused != null) {
      closeUnread(call);
      HttpResponses.error(call, 403, null, ErrorCodes.INVALID_REQUEST, refused);
      return;
    }
    McpPrincipal principal = authenticate(route.endpoint, call);
    if (principal == null) {
      return;
    }
    switch (route.kind) {
      case MAIN -> {
        if (ExplorerResponder.wants(call, route.endpoint, explorerByDefault)) {
          ExplorerResponder.respond(call, route.endpoint);
        } else {
          sessionHttp.serve(call, route.endpoint, principal);
        }
      }
      case LEGACY_SSE -> legacy.open(call, route.endpoint, principal,
          route.endpoint.isCapabilityUrl() || route.below ? route.endpoint.path() + "/message"
              : route.endpoint.sibling("message"));
      case LEGACY_MESSAGE -> legacy.post(call, route.endpoint, principal);
      default -> HttpResponses.notFound(call);
    }
  }

  private McpPrincipal authenticate(McpEndpoint endpoint, HttpCall call) {
    McpAuthenticator auth = endpoint.authenticator();
    if (auth == McpAuthenticator.NONE) {
      return McpPrincipal.ANONYMOUS;
    }
    AuthResult result;
    try {
      result = auth.authenticate(call);
    } catch (RuntimeException e) {
      LOG.warn("authenticator {} failed", auth.getClass().getName(), e);
      closeUnread(call);
      HttpResponses.error(call, 503, null, ErrorCodes.INTERNAL_ERROR,
          "Service unavailable: authentication failed on the server side");
      return null;
    }
    if (result instanceof AuthResult.Authenticated a) {
      return a.principal();
    }
    AuthResult.Denied denied = (AuthResult.Denied) result;
    if (denied.wwwAuthenticate() != null) {
      call.setHeader("WWW-Authenticate", denied.wwwAuthenticate());
    }
    denied.headers().forEach(call::setHeader);
    // the body is read first (within the body limit and deadline): a client that authenticates
    // and sends again on the same connection finds it usable
    refuseUnread(call, options, denied.status(),
        (denied.status() == 401 ? "Unauthorized: " : "Forbidden: ") + denied.message());
    return null;
  }

  private void protectedResourceMetadata(HttpCall call, String endpointPath) {
    closeUnread(call);
    if (!"GET".equals(call.method())) {
      HttpResponses.empty(call, 405);
      return;
    }
    JsonNode metadata = null;
    for (McpEndpoint e : endpoints) {
      if (!e.isEnabled()) {
        continue;
      }
      boolean matches = endpointPath.isEmpty() ? endpoints.size() == 1
          : "".equals(e.match(endpointPath));
      if (matches) {
        metadata = e.authenticator().protectedResourceMetadata();
        break;
      }
    }
    if (metadata == null) {
      HttpResponses.notFound(call);
      return;
    }
    try {
      HttpResponses.json(call, 200, McpJson.mapper().writeValueAsBytes(metadata));
    } catch (IOException e) {
      HttpResponses.empty(call, 500);
    }
  }

  private Route route(String path) {
    for (McpEndpoint e : endpoints) {
      String rest = e.match(path);
      if (rest != null) {
        switch (rest) {
          case "" -> {
            return new Route(e, Kind.MAIN, false);
          }
          case "/sse" -> {
            return new Route(e, Kind.LEGACY_SSE, true);
          }
          case "/message", "/messages" -> {
            return new Route(e, Kind.LEGACY_MESSAGE, true);
          }
          default -> {
            // not ours; another endpoint may match
          }
        }
      }
      if (!e.isCapabilityUrl()) {
        if (path.equals(e.sibling("sse"))) {
          return new Route(e, Kind.LEGACY_SSE, false);
        }
        if (path.equals(e.sibling("message")) || path.equals(e.sibling("messages"))) {
          return new Route(e, Kind.LEGACY_MESSAGE, false);
        }
      }
    }
    return null;
  }

  /**
   * Stops taking requests (503), waits up to the grace period for calls in flight, then cancels
   * what still runs and closes every stream.
   */
  public void shutdown(Duration grace) {
    shuttingDown = true;
    long deadline = System.nanoTime() + grace.toNanos();
    while (busy() && System.nanoTime() < deadline) {
      try {
        TimeUnit.MILLISECONDS.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    statelessHttp.close();
    broadcast.close();
    legacy.close();
    sessions.close();
    streams.close();
    pool.close();
    // the answers of cancelled calls that run off the server's threads are being sent: give them
    // a moment, so that the server does not end those requests itself while it stops
    long answered = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
    while (pool.pending() > 0 && System.nanoTime() < answered) {
      try {
        TimeUnit.MILLISECONDS.sleep(10);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
  }

  private boolean busy() {
    // admission counts every admitted request until its answer is written
    return admission.inFlight() > 0 || sessions.all().stream().anyMatch(s -> s.inFlight() > 0)
        || statelessHttp.inFlight() > 0 || legacy.inFlight() > 0 || pool.pending() > 0;
  }

  /** Decodes a body, answering a parse error with 400; null when answered. */
  static Decoded decode(HttpCall call, byte[] body, boolean allowBatch) {
    try {
      return JsonRpcCodec.instance().decode(body, allowBatch);
    } catch (JsonRpcParseException e) {
      HttpResponses.message(call, 400, e.toResponse());
      return null;
    }
  }

  /** Reads the body within the limit, answering 413 (or 400); null when answered. */
  static byte[] readBody(HttpCall call, McpHttpOptions options) {
    try {
      return Wire.readBody(call, options.maxBodyBytes());
    } catch (Wire.TooLarge e) {
      discardRest(call);
      HttpResponses.error(call, 413, null, ErrorCodes.INVALID_REQUEST, "Request body too large:"
          + " the limit is " + options.maxBodyBytes() + " bytes (McpHttpOptions.maxBodyBytes)");
      return null;
    } catch (IOException e) {
      HttpResponses.error(call, 400, null, ErrorCodes.PARSE_ERROR,
          "Parse error: could not read the request body: " + e.getMessage());
      return null;
    }
  }

  /**
   * For a refusal that does not read the request's body (a stranger's request: a bad Host or
   * Origin, an unknown path, a server shutting down): the answer says {@code Connection: close}
   * when a body may be left, so the client knows the connection ends with it. A container that
   * closes a connection with an unread body would otherwise close it unannounced, and the
   * client's next request on it would fail.
   */
  static void closeUnread(HttpCall call) {
    long declared = call.contentLength();
    if (declared > 0 || declared < 0 && call.header("Transfer-Encoding") != null) {
      call.setHeader("Connection", "close");
    }
  }

  /**
   * Answers an error before the body was read: the body is read and dropped first (within the
   * body limit and deadline), so the connection stays usable for the client's next request; a
   * larger body gets {@code Connection: close} instead.
   */
  static void refuseUnread(HttpCall call, McpHttpOptions options, int status, String message) {
    try {
      long declared = call.contentLength();
      if (declared > options.maxBodyBytes()) {
        call.setHeader("Connection", "close");
      } else if (declared != 0) {
        java.io.InputStream in = call.body();
        byte[] buf = new byte[8192];
        long left = options.maxBodyBytes();
        int n;
        while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
          left -= n;
        }
        if (left <= 0) {
          call.setHeader("Connection", "close");
        }
      }
    } catch (IOException | RuntimeException e) {
      call.setHeader("Connection", "close");
    }
    HttpResponses.error(call, status, null, ErrorCodes.INVALID_REQUEST, message);
  }

  /**
   * Reads and drops what is left of an oversize body, up to {@link #DISCARD_LIMIT} bytes, so the
   * client, still sending, reads the 413 instead of a connection reset (a server that answers and
   * closes with unread bytes makes the kernel reset the connection, and the answer is lost).
   */
  private static void discardRest(HttpCall call) {
    try {
      java.io.InputStream in = call.body();
      byte[] buf = new byte[8192];
      long left = DISCARD_LIMIT;
      int n;
      while (left > 0 && (n = in.read(buf, 0, (int) Math.min(buf.length, left))) > 0) {
        left -= n;
      }
    } catch (IOException | RuntimeException e) {
      // the client gave up; nothing to answer
    }
  }

  /** The most of an oversize body read (and dropped) before answering 413. */
  static final long DISCARD_LIMIT = 8L * 1024 * 1024;

  /** The path for a log line, every long segment masked: a token stays out wherever it sits. */
  private static String safePath(HttpCall call) {
    String p = call.path();
    p = p.length() > 200 ? p.substring(0, 200) + "..." : p;
    return LONG_SEGMENT.matcher(p).replaceAll("***");
  }

  private static final java.util.regex.Pattern LONG_SEGMENT =
      java.util.regex.Pattern.compile("[^/]{12,}");

  private enum Kind { MAIN, LEGACY_SSE, LEGACY_MESSAGE }

  private record Route(McpEndpoint endpoint, Kind kind, boolean below) {}
}
