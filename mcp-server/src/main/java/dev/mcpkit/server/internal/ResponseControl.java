package dev.mcpkit.server.internal;

/** What a handler may do with the HTTP response its request is answered on. */
public interface ResponseControl {
  /**
   * Closes the SSE stream (opening it first, with a priming event, if the answer was still going to
   * be JSON), so the client reconnects with {@code Last-Event-ID} and polls for the rest. Does
   * nothing when the client cannot resume.
   */
  void closeStream();
}
