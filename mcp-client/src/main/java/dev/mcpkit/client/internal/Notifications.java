package dev.mcpkit.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.client.ClientListener;
import dev.mcpkit.core.engine.MethodHandlers;

/** Routes the notifications a server sends to the host's {@link ClientListener}. */
public final class Notifications {
  private Notifications() {}

  public static void register(MethodHandlers.Builder handlers, ClientListener listener) {
    if (listener == ClientListener.NONE) {
      return;
    }
    handlers.onNotification("notifications/tools/list_changed",
        (a, p) -> listener.onToolListChanged());
    handlers.onNotification("notifications/resources/list_changed",
        (a, p) -> listener.onResourceListChanged());
    handlers.onNotification("notifications/prompts/list_changed",
        (a, p) -> listener.onPromptListChanged());
    handlers.onNotification("notifications/resources/updated",
        (a, p) -> listener.onResourceUpdated(p == null ? null : p.path("uri").asText(null)));
    handlers.onNotification("notifications/message", (a, p) -> {
      if (p != null) {
        JsonNode logger = p.get("logger");
        listener.onLogMessage(p.path("level").asText("info"),
            logger == null || !logger.isTextual() ? null : logger.textValue(), p.get("data"));
      }
    });
    handlers.onNotification("notifications/progress", (a, p) -> {
      if (p != null) {
        JsonNode total = p.get("total");
        JsonNode message = p.get("message");
        listener.onProgress(p.get("progressToken"), p.path("progress").asDouble(),
            total == null || !total.isNumber() ? null : total.asDouble(),
            message == null || !message.isTextual() ? null : message.textValue());
      }
    });
  }
}
