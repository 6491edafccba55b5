package dev.mcpkit.client.internal;

import java.util.List;

/** The protocol versions this client speaks, newest first. */
public final class Versions {
  /** The stateless protocol: {@code server/discover} and per-request {@code _meta}. */
  public static final String STATELESS = "2026-07-28";
  /** Versions negotiated with {@code initialize}, newest first. */
  public static final List<String> SESSION =
      List.of("2025-11-25", "2025-06-18", "2025-03-26", "2024-11-05");

  private Versions() {}

  public static boolean isStateless(String version) {
    return version != null && version.compareTo(STATELESS) >= 0;
  }

  public static boolean isKnown(String version) {
    return STATELESS.equals(version) || SESSION.contains(version);
  }
}
