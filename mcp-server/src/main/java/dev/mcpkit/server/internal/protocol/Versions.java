package dev.mcpkit.server.internal.protocol;

import java.util.List;

/** The protocol versions the server speaks and how it picks one. */
public final class Versions {
  /** The stateless revision. */
  public static final String STATELESS = "2026-07-28";
  /** The newest version negotiated with {@code initialize}. */
  public static final String LATEST_SESSION = "2025-11-25";
  /** Versions negotiated with {@code initialize}, newest first. */
  public static final List<String> SESSION =
      List.of("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");
  /** Every version, newest first (what {@code server/discover} lists). */
  public static final List<String> ALL =
      List.of(STATELESS, "2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");

  /** Methods of the session protocol that the stateless revision removed. */
  public static final java.util.Set<String> SESSION_ONLY_METHODS = java.util.Set.of("initialize",
      "ping", "logging/setLevel", "resources/subscribe", "resources/unsubscribe",
      "notifications/initialized", "notifications/roots/list_changed");

  private Versions() {}

  public static boolean isSessionVersion(String version) {
    return SESSION.contains(version);
  }

  public static boolean isStatelessVersion(String version) {
    return STATELESS.equals(version);
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

  /** Whether {@code version} is at least {@code floor} (both dated versions). */
  public static boolean atLeast(String version, String floor) {
    return version != null && version.compareTo(floor) >= 0;
  }
}
