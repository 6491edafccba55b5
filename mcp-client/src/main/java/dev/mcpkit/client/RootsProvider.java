package dev.mcpkit.client;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Answers a server's {@code roots/list}: the directories or URIs the host lets the server work in.
 * Setting one declares the {@code roots} capability (with {@code listChanged}; call
 * {@link McpClient#notifyRootsChanged()} when they change). May be called concurrently.
 */
@FunctionalInterface
public interface RootsProvider {
  /** @return a {@code ListRootsResult}: {@code {"roots": [{"uri": "file:///...", "name": "..."}]}} */
  JsonNode listRoots() throws Exception;
}
