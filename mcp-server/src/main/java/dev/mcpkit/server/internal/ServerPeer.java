package dev.mcpkit.server.internal;

/**
 * Someone the server tells about changes: a session (HTTP or stdio) or a 2026-07-28
 * {@code subscriptions/listen} stream. Calls must not block; a peer that cannot deliver drops.
 */
public interface ServerPeer {
  /**
   * A list changed.
   *
   * @param kind {@code tools}, {@code prompts} or {@code resources}
   * @param name the tool, prompt or resource that was added or removed, or null if unknown
   */
  void listChanged(String kind, String name);

  /** The resource at {@code uri} changed. */
  void resourceUpdated(String uri);
}
