package dev.mcpkit.server.internal.protocol;

import dev.mcpkit.core.schema.ProtocolRevision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The server's one way from a version string (a header, a session's negotiated version) to its
 * {@link ProtocolRevision}, for the HTTP layer, which reads headers before a request reaches a
 * method table. Callers then ask the revision itself (batches, priming, sessions); nothing here
 * or there compares versions.
 */
public final class Revisions {
  private static final Map<String, ProtocolRevision> BY_ID = byId();

  /** The revision a connection without sessions opens as: the newest opened by discovery. */
  public static final ProtocolRevision STATELESS = newest(ProtocolRevision::isStateless);
  /** The revision a session is served as until {@code initialize} names one. */
  public static final ProtocolRevision SESSIONS = ProtocolRevision.latestSession();

  private Revisions() {}

  /**
   * The revision {@code version} names, or null when it is null or names none this SDK speaks. A
   * map lookup: it runs for every request and result.
   */
  public static ProtocolRevision named(String version) {
    return version == null ? null : BY_ID.get(version);
  }

  private static Map<String, ProtocolRevision> byId() {
    Map<String, ProtocolRevision> m = new HashMap<>();
    ProtocolRevision.all().forEach(r -> m.put(r.id(), r));
    return Map.copyOf(m);
  }

  /** Whether {@code version} names a revision that has no sessions. */
  public static boolean namesStateless(String version) {
    ProtocolRevision r = named(version);
    return r != null && r.isStateless();
  }

  /** The wire ids of the revisions {@code which} selects, newest first, comma-separated. */
  public static String ids(Predicate<ProtocolRevision> which) {
    return String.join(", ", idList(which));
  }

  /** The wire ids of the revisions {@code which} selects, newest first. */
  /** Whether any revision defines {@code method}. */
  public static boolean anyDefines(String method) {
    for (ProtocolRevision r : ProtocolRevision.all()) {
      if (r.defines(method)) {
        return true;
      }
    }
    return false;
  }

  public static List<String> idList(Predicate<ProtocolRevision> which) {
    List<String> ids = new ArrayList<>();
    for (ProtocolRevision r : ProtocolRevision.all()) {
      if (which.test(r)) {
        ids.add(0, r.id());
      }
    }
    return ids;
  }

  private static ProtocolRevision newest(Predicate<ProtocolRevision> which) {
    ProtocolRevision found = null;
    for (ProtocolRevision r : ProtocolRevision.all()) {
      if (which.test(r)) {
        found = r;
      }
    }
    if (found == null) {
      throw new IllegalStateException("no protocol revision fits");
    }
    return found;
  }
}
