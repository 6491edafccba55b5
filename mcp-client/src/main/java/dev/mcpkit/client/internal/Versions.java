package dev.mcpkit.client.internal;

import dev.mcpkit.core.schema.ProtocolVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The protocol versions the client negotiates, as wire strings, from {@link ProtocolVersion}. */
public final class Versions {
  /** The stateless protocol: {@code server/discover} and per-request {@code _meta}. */
  public static final String STATELESS = ProtocolVersion.latest().id();
  /** Versions negotiated with {@code initialize}, newest first. */
  public static final List<String> SESSION = newestFirst();

  private Versions() {}

  private static List<String> newestFirst() {
    List<String> ids = new ArrayList<>();
    ProtocolVersion.sessionVersions().forEach(v -> ids.add(v.id()));
    Collections.reverse(ids);
    return List.copyOf(ids);
  }

  public static boolean isStateless(String version) {
    return version != null
        && ProtocolVersion.parse(version).map(ProtocolVersion::isStateless).orElse(false);
  }

  public static boolean isKnown(String version) {
    return ProtocolVersion.parse(version).isPresent();
  }
}
