package dev.mcpkit.core.engine;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Receives one notification method. Runs on the transport's reading thread, in arrival order:
 * it must not block. Exceptions are logged and otherwise ignored.
 */
@FunctionalInterface
public interface NotificationHandler {
  void handle(Attributes attributes, JsonNode params) throws Exception;
}
