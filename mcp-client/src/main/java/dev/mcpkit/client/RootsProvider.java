package dev.mcpkit.client;

import dev.mcpkit.core.schema.Roots.ListRootsResult;

/**
 * Answers a server's {@code roots/list}: the directories or URIs the host lets the server work in.
 * Setting one declares the {@code roots} capability (with {@code listChanged} on the session
 * protocol; call {@link McpClient#notifyRootsChanged()} when they change). May be called
 * concurrently.
 */
@FunctionalInterface
public interface RootsProvider {
  ListRootsResult listRoots() throws Exception;
}
