package dev.mcpkit.server;

/** A {@link CallContext} for a tool call. */
public interface ToolContext extends CallContext {
  /** The tool being called. */
  String toolName();

  /**
   * Closes the SSE stream the answer travels on while the call goes on (opening it first with a
   * priming event if it was going to be a plain JSON answer); the client reconnects with {@code
   * Last-Event-ID} and receives the rest. For long calls behind proxies that cut idle
   * connections. Does nothing where the client cannot resume (stdio, 2026-07-28, old clients).
   */
  void closeResponseStream();
}
