package dev.mcpkit.server.internal.protocol;

import dev.mcpkit.core.schema.ProtocolRevision;
import java.util.ArrayList;
import java.util.List;

/**
 * The wire strings of the server's {@link ProtocolRevision}s, for the HTTP layer, which checks
 * headers before a request reaches a revision. Every answer here comes from the revision objects;
 * nothing compares versions itself.
 */
public final class Versions {
  /** The stateless revision. */
  public static final String STATELESS = ProtocolRevision.latest().id();
  /** Versions negotiated with {@code initialize}, newest first. */
  public static final List<String> SESSION = sessionIds();
  /** The newest version negotiated with {@code initialize}. */
  public static final String LATEST_SESSION = ProtocolRevision.latestSession().id();
  /** Every version, newest first (what {@code server/discover} lists). */
  public static final List<String> ALL = allIds();

  private Versions() {}

  private static List<String> sessionIds() {
    List<String> ids = new ArrayList<>();
    ProtocolRevision.sessionRevisions().forEach(r -> ids.add(r.id()));
    return List.copyOf(ids);
  }

  private static List<String> allIds() {
    List<String> ids = new ArrayList<>();
    ProtocolRevision.all().forEach(r -> ids.add(0, r.id()));
    return List.copyOf(ids);
  }

  public static boolean isSessionVersion(String version) {
    return ProtocolRevision.parse(version).map(r -> !r.isStateless()).orElse(false);
  }

  public static boolean isStatelessVersion(String version) {
    return ProtocolRevision.parse(version).map(ProtocolRevision::isStateless).orElse(false);
  }

  /** Whether the stateless revision has {@code method}; names no revision knows pass. */
  public static boolean statelessDefines(String method) {
    if (ProtocolRevision.latest().defines(method)) {
      return true;
    }
    for (ProtocolRevision r : ProtocolRevision.all()) {
      if (r.defines(method)) {
        return false;
      }
    }
    return true;
  }

  /** Whether sessions of {@code version} may send JSON-RPC batches. */
  public static boolean allowsBatches(String version) {
    return ProtocolRevision.parse(version).map(ProtocolRevision::allowsBatches).orElse(false);
  }

  /** Whether clients of {@code version} understand SSE priming events. */
  public static boolean primes(String version) {
    return ProtocolRevision.parse(version).map(ProtocolRevision::primesStreams).orElse(false);
  }

  /** The version to answer {@code initialize} with: the client's if we speak it, else our newest. */
  public static String negotiate(String requested) {
    return ProtocolRevision.negotiate(requested).id();
  }
}
