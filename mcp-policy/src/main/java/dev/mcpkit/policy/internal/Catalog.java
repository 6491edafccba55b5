package dev.mcpkit.policy.internal;

import dev.mcpkit.auth.TokenOwner;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.schema.Tools.Tool;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Live tool definitions per server and credential owner, kept for a short time so that a governed
 * call does not list tools before every call. A tool not in the cached list causes one refresh.
 * Definitions are only used to decide (drift, annotations); results are never cached.
 */
public final class Catalog {
  /**
   * A list and when it stops being fresh, in the clock's milliseconds (computed once; a lookup
   * compares two numbers and builds no {@link Instant}).
   */
  private record Snapshot(Map<String, ToolEntry> tools, long freshUntilMillis) {}

  private final Map<String, OwnerMap<Snapshot>> snapshots = new ConcurrentHashMap<>();
  private final Map<String, Map<String, ToolEntry>> lastSeen = new ConcurrentHashMap<>();
  private final Duration ttl;
  private final Clock clock;

  public Catalog(Duration ttl, Clock clock) {
    this.ttl = ttl;
    this.clock = clock;
  }

  /** Lists the server's tools now, through {@code client}. */
  public Map<String, ToolEntry> refresh(String serverId, TokenOwner owner, McpClient client)
      throws IOException {
    Map<String, ToolEntry> tools = new LinkedHashMap<>();
    for (Tool tool : client.listTools().tools()) {
      tools.put(tool.name(), ToolEntry.of(tool));
    }
    Map<String, ToolEntry> frozen = java.util.Collections.unmodifiableMap(tools);
    snapshots.computeIfAbsent(serverId, s -> new OwnerMap<>())
        .put(owner, new Snapshot(frozen, freshUntil(clock.millis())));
    lastSeen.computeIfAbsent(serverId, s -> new ConcurrentHashMap<>()).putAll(frozen);
    return frozen;
  }

  /** The live definition of {@code tool}, from a fresh enough list or a new one; null if absent. */
  public ToolEntry find(String serverId, TokenOwner owner, McpClient client, String tool)
      throws IOException {
    OwnerMap<Snapshot> owners = snapshots.get(serverId);
    Snapshot s = owners == null ? null : owners.get(owner);
    if (s != null && clock.millis() < s.freshUntilMillis()) {
      ToolEntry entry = s.tools().get(tool);
      if (entry != null) {
        return entry;
      }
    }
    return refresh(serverId, owner, client).get(tool);
  }

  private long freshUntil(long nowMillis) {
    long ttlMillis;
    try {
      ttlMillis = ttl.toMillis();
    } catch (ArithmeticException tooLong) {
      return Long.MAX_VALUE;
    }
    long until = nowMillis + ttlMillis;
    return until < nowMillis ? Long.MAX_VALUE : until;
  }

  /** The definition of {@code tool} last seen from {@code serverId} by anyone, or null. */
  public ToolEntry lastSeen(String serverId, String tool) {
    Map<String, ToolEntry> seen = lastSeen.get(serverId);
    return seen == null ? null : seen.get(tool);
  }

  /** Forgets what was listed for {@code serverId}. */
  public void forget(String serverId) {
    snapshots.remove(serverId);
    lastSeen.remove(serverId);
  }
}
