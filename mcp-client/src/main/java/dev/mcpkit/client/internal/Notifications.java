package dev.mcpkit.client.internal;

import dev.mcpkit.client.ClientListener;
import dev.mcpkit.core.engine.MethodHandlers;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Logging.LoggingMessageParams;
import dev.mcpkit.core.schema.Methods;
import dev.mcpkit.core.schema.Progress.ProgressParams;

/** Routes the notifications a server sends to the host's {@link ClientListener}. */
public final class Notifications {
  private Notifications() {}

  public static void register(MethodHandlers.Builder handlers, ClientListener listener) {
    if (listener == ClientListener.NONE) {
      return;
    }
    handlers.onNotification(Methods.NOTIFICATIONS_TOOLS_LIST_CHANGED,
        (a, p) -> listener.onToolListChanged());
    handlers.onNotification(Methods.NOTIFICATIONS_RESOURCES_LIST_CHANGED,
        (a, p) -> listener.onResourceListChanged());
    handlers.onNotification(Methods.NOTIFICATIONS_PROMPTS_LIST_CHANGED,
        (a, p) -> listener.onPromptListChanged());
    handlers.onNotification(Methods.NOTIFICATIONS_RESOURCES_UPDATED,
        (a, p) -> listener.onResourceUpdated(p == null ? null : p.path("uri").asText(null)));
    handlers.onNotification(Methods.NOTIFICATIONS_MESSAGE, (a, p) -> {
      if (p != null) {
        listener.onLogMessage(McpJson.fromTree(p, LoggingMessageParams.class));
      }
    });
    handlers.onNotification(Methods.NOTIFICATIONS_PROGRESS, (a, p) -> {
      if (p != null) {
        listener.onProgress(McpJson.fromTree(p, ProgressParams.class));
      }
    });
  }
}
