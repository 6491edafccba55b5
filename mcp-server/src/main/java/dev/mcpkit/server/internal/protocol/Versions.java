package dev.mcpkit.server.internal.protocol;

import dev.mcpkit.core.schema.ProtocolVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The protocol versions the server speaks (all of mcp-core's {@link ProtocolVersion}s), as the
 * strings the wire carries, and how the server picks one.
 */
public final class Versions {
  private static final ProtocolVersion STATELESS_VERSION = stateless();
  /** The stateless revision. */
  public static final String STATELESS = STATELESS_VERSION.id();
  /** Versions negotiated with {@code initialize}, newest first. */
  public static final List<String> SESSION = ids(ProtocolVersion.sessionVersions());
  /** The newest version negotiated with {@code initialize}. */
  public static final String LATEST_SESSION = SESSION.get(0);
  /** Every version, newest first (what {@code server/discover} lists). */
  public static final List<String> ALL = ids(ProtocolVersion.all());
  // asked on every request: answered from sets made once rather than by parsing the version
  private static final Set<String> PRIMING = ids(ProtocolVersion.all(),
      v -> v.isAtLeast(ProtocolVersion.V2025_11_25));
  private static final Set<String> BATCHING = ids(ProtocolVersion.all(),
      ProtocolVersion::supportsBatches);

  private Versions() {}

  private static ProtocolVersion stateless() {
    return ProtocolVersion.all().stream().filter(ProtocolVersion::isStateless).findFirst()
        .orElseThrow();
  }

  private static Set<String> ids(List<ProtocolVersion> versions, Predicate<ProtocolVersion> which) {
    Set<String> ids = new HashSet<>();
    versions.stream().filter(which).forEach(v -> ids.add(v.id()));
    return Set.copyOf(ids);
  }

  private static List<String> ids(List<ProtocolVersion> versions) {
    List<String> ids = new ArrayList<>();
    versions.forEach(v -> ids.add(v.id()));
    Collections.reverse(ids);
    return List.copyOf(ids);
  }

  public static boolean isSessionVersion(String version) {
    return SESSION.contains(version);
  }

  public static boolean isStatelessVersion(String version) {
    return STATELESS.equals(version);
  }

  /** Whether the stateless revision has {@code method} (it removed ping, initialize, ...). */
  public static boolean statelessDefines(String method) {
    return STATELESS_VERSION.definesMethod(method) || !isKnownMethod(method);
  }

  private static boolean isKnownMethod(String method) {
    for (ProtocolVersion v : ProtocolVersion.all()) {
      if (v.definesMethod(method)) {
        return true;
      }
    }
    return false;
  }

  /** Whether sessions of {@code version} may send JSON-RPC batches. */
  public static boolean allowsBatches(String version) {
    return version != null && BATCHING.contains(version);
  }

  /** Whether clients of {@code version} understand SSE priming events (2025-11-25 and later). */
  public static boolean primes(String version) {
    return version != null && PRIMING.contains(version);
  }

  /** The version to answer {@code initialize} with: the client's if we speak it, else our newest. */
  public static String negotiate(String requested) {
    for (String v : SESSION) {
      if (v.equals(requested)) {
        return v; // the constant, not the request's copy: sessions share it
      }
    }
    return LATEST_SESSION;
  }
}
