package dev.mcpkit.client;

import dev.mcpkit.core.schema.Logging.LoggingMessageParams;
import dev.mcpkit.core.schema.Progress.ProgressParams;

/**
 * Receives what a server announces. Every method does nothing by default; override the ones you
 * need. Called on the thread that read the notification (an HTTP stream's reader or the caller of the
 * request it belongs to): keep it short, do not block, do not call the client from it synchronously.
 * Exceptions are logged and ignored.
 */
public interface ClientListener {
  /** Listens to nothing. */
  ClientListener NONE = new ClientListener() {};

  /** {@code notifications/tools/list_changed}: call {@code listTools()} again when convenient. */
  default void onToolListChanged() {}

  /** {@code notifications/resources/list_changed}. */
  default void onResourceListChanged() {}

  /** {@code notifications/resources/updated} for a subscribed resource. */
  default void onResourceUpdated(String uri) {}

  /** {@code notifications/prompts/list_changed}. */
  default void onPromptListChanged() {}

  /** {@code notifications/message}: a log message at or above the level set. */
  default void onLogMessage(LoggingMessageParams message) {}

  /**
   * {@code notifications/progress} for any request (per-request listeners are given in
   * {@link dev.mcpkit.core.engine.RequestOptions}).
   */
  default void onProgress(ProgressParams progress) {}
}
