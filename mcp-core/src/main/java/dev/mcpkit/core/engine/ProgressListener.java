package dev.mcpkit.core.engine;

/** Receives {@code notifications/progress} for one outgoing request. Must not block. */
@FunctionalInterface
public interface ProgressListener {
  /**
   * @param progress increases with each call
   * @param total the total, or null when unknown
   * @param message a human-readable message, or null
   */
  void onProgress(double progress, Double total, String message);
}
