package dev.mcpkit.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.jsonrpc.ErrorCodes;
import dev.mcpkit.core.jsonrpc.JsonRpcError;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One protocol revision and everything that differs in it: how a connection opens, which methods,
 * notifications and HTTP headers exist, how results, params and errors are shaped for it, and
 * whether it has multi-round-trip input. A client picks one at negotiation, a server per session
 * or per stateless request; both send every message through it, so a peer only ever sees what its
 * revision defines.
 *
 * <p>There is one subclass per revision; adding a revision is one new subclass (plus its field
 * ranges in the shape tables and its tests). Instances are immutable and shared; all methods are
 * thread-safe and never modify their arguments.
 */
public abstract sealed class ProtocolRevision permits Revision2024_11_05, Revision2025_03_26,
    Revision2025_06_18, Revision2025_11_25, Revision2026_07_28 {
  /** The session id header (sessions over Streamable HTTP, 2025-03-26 to 2025-11-25). */
  public static final String SESSION_ID = "Mcp-Session-Id";
  /** The protocol version header (2025-06-18 on). */
  public static final String PROTOCOL_VERSION = "MCP-Protocol-Version";
  /** The SSE resumption header (2025-03-26 to 2025-11-25). */
  public static final String LAST_EVENT_ID = "Last-Event-ID";
  /** 2026-07-28: the request's method, mirrored from the body. */
  public static final String METHOD = "Mcp-Method";
  /** 2026-07-28: the tool or prompt name or resource URI, mirrored from the body. */
  public static final String NAME = "Mcp-Name";
  /** 2026-07-28: prefix of the headers that mirror tool arguments marked for it. */
  public static final String PARAM_PREFIX = "Mcp-Param-";

  private static final Map<ProtocolVersion, ProtocolRevision> BY_VERSION = byVersion();
  private static final List<ProtocolRevision> ALL = List.copyOf(BY_VERSION.values());
  private static final List<ProtocolRevision> SESSION_NEWEST_FIRST = sessionNewestFirst();

  ProtocolRevision() {}

  private static Map<ProtocolVersion, ProtocolRevision> byVersion() {
    Map<ProtocolVersion, ProtocolRevision> m = new EnumMap<>(ProtocolVersion.class);
    for (ProtocolRevision r : List.of(new Revision2024_11_05(), new Revision2025_03_26(),
        new Revision2025_06_18(), new Revision2025_11_25(), new Revision2026_07_28())) {
      m.put(r.version(), r);
    }
    if (m.size() != ProtocolVersion.values().length) {
      throw new IllegalStateException("a protocol version has no revision object");
    }
    return m;
  }

  private static List<ProtocolRevision> sessionNewestFirst() {
    List<ProtocolRevision> list = new ArrayList<>();
    ALL.stream().filter(r -> !r.isStateless()).forEach(list::add);
    Collections.reverse(list);
    return List.copyOf(list);
  }

  /** The revision of {@code version}. */
  public static ProtocolRevision of(ProtocolVersion version) {
    return BY_VERSION.get(version);
  }

  /** The revision with this wire form, or empty for one this SDK does not speak. */
  public static Optional<ProtocolRevision> parse(String id) {
    return ProtocolVersion.parse(id).map(BY_VERSION::get);
  }

  /** Every revision, oldest first. */
  public static List<ProtocolRevision> all() {
    return ALL;
  }

  /** The revisions negotiated with {@code initialize}, newest first. */
  public static List<ProtocolRevision> sessionRevisions() {
    return SESSION_NEWEST_FIRST;
  }

  /** The newest revision. */
  public static ProtocolRevision latest() {
    return of(ProtocolVersion.latest());
  }

  /** The newest revision negotiated with {@code initialize}. */
  public static ProtocolRevision latestSession() {
    return SESSION_NEWEST_FIRST.get(0);
  }

  /**
   * The session revision to answer {@code initialize} with: the one the client asked for if this
   * SDK speaks it, else the newest session revision (the client then decides whether to go on).
   */
  public static ProtocolRevision negotiate(String requested) {
    for (ProtocolRevision r : SESSION_NEWEST_FIRST) {
      if (r.id().equals(requested)) {
        return r;
      }
    }
    return latestSession();
  }

  /** The version this revision is. */
  public abstract ProtocolVersion version();

  /** The wire form, e.g. {@code "2025-06-18"}. */
  public final String id() {
    return version().id();
  }

  /** The method that opens a connection: {@code initialize} or {@code server/discover}. */
  public abstract String opensWith();

  /** Whether there are no sessions: every request stands alone and carries its own {@code _meta}. */
  public final boolean isStateless() {
    return Methods.SERVER_DISCOVER.equals(opensWith());
  }

  /** Whether the revision has this request or notification method (unknown names: false). */
  public boolean defines(String method) {
    return version().definesMethod(method);
  }

  /**
   * The HTTP headers the revision defines; {@link #PARAM_PREFIX} stands for the {@code
   * Mcp-Param-*} family. Empty for the HTTP+SSE transport of 2024-11-05.
   */
  public abstract Set<String> headers();

  /** Whether the revision defines this header (case-insensitive; {@code Mcp-Param-*} included). */
  public final boolean definesHeader(String name) {
    for (String h : headers()) {
      boolean prefix = h.endsWith("-") && name.regionMatches(true, 0, h, 0, h.length());
      if (prefix || h.equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /**
   * The headers a request or notification of {@code method} mirrors from its body ({@code
   * Mcp-Method}, {@code Mcp-Name}), unencoded; empty where the revision mirrors nothing. The
   * {@code Mcp-Param-*} headers depend on the tool's schema and are added by the caller.
   */
  public Map<String, String> mirroredHeaders(String method, JsonNode params) {
    return Map.of();
  }

  /** JSON-RPC batches (2025-03-26 only). */
  public boolean allowsBatches() {
    return false;
  }

  /** Whether clients understand an SSE priming event (an id and empty data) first on a stream. */
  public boolean primesStreams() {
    return false;
  }

  /** Input-required results and retries with {@code inputResponses} and {@code requestState}. */
  public boolean hasInputRequired() {
    return false;
  }

  /**
   * A result of {@code method} fit to this revision: fields it does not define are removed at any
   * depth, content blocks it does not know become text, and what it requires is added (2026-07-28:
   * {@code resultType}, cache hints). The input is not modified.
   *
   * @throws IllegalArgumentException when {@code result} is not an object, or for an
   *     input-required result in a revision without them
   */
  public ObjectNode shapeResult(String method, JsonNode result) {
    return Shapes.adaptResult(version(), method, result);
  }

  /**
   * As {@link #shapeResult}, for a tree built for this one message: {@code result} may be changed
   * in place and returned, so nothing is copied. The caller must own every node of it (a subtree
   * shared with other messages, such as a cached server identity, must be added after shaping).
   *
   * @throws IllegalArgumentException as {@link #shapeResult} does
   */
  public ObjectNode shapeOwnedResult(String method, ObjectNode result) {
    if (result == null) {
      throw new IllegalArgumentException("result of " + method + " must be a JSON object, got null");
    }
    return Shapes.adaptOwnedResult(version(), method, result);
  }

  /**
   * Whether every result names the server in its {@code _meta} ({@code
   * io.modelcontextprotocol/serverInfo}): true where no {@code initialize} tells the client once.
   */
  public boolean namesServerInResults() {
    return false;
  }

  /**
   * Whether results of {@code method} carry cache hints ({@code ttlMs}, {@code cacheScope}): the
   * list, read and discover results of 2026-07-28.
   */
  public boolean cachesResults(String method) {
    return version().requiresResultType() && WireShapes.method(method).cacheable();
  }

  /**
   * Params of a request or notification of {@code method} fit to this revision; {@code null} stays
   * {@code null} unless the revision requires params (2026-07-28 client requests carry {@code
   * _meta}). The input is not modified.
   */
  public ObjectNode shapeParams(String method, JsonNode params) {
    return Shapes.adaptParams(version(), method, params);
  }

  /**
   * An error fit to this revision: a code it does not define becomes the nearest one it does
   * (the message and data are kept). Returns {@code error} itself when nothing changes.
   */
  public final JsonRpcError shapeError(JsonRpcError error) {
    int code = errorCode(error.code());
    return code == error.code() ? error : new JsonRpcError(code, error.message(), error.data());
  }

  /** The code to send for {@code code} in this revision. */
  public int errorCode(int code) {
    return switch (code) {
      case ErrorCodes.HEADER_MISMATCH -> ErrorCodes.INVALID_REQUEST;
      case ErrorCodes.MISSING_REQUIRED_CLIENT_CAPABILITY, ErrorCodes.UNSUPPORTED_PROTOCOL_VERSION ->
          ErrorCodes.INVALID_PARAMS;
      default -> code;
    };
  }

  @Override
  public String toString() {
    return id();
  }
}
