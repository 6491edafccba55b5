package dev.mcpkit.core;

import java.io.InterruptedIOException;

/** A request that got no answer in time. The request was cancelled at the peer. */
public final class McpTimeoutException extends InterruptedIOException {
  private static final long serialVersionUID = 1L;

  public McpTimeoutException(String message) {
    super(message);
  }
}
