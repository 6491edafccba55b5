package dev.mcpkit.server.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;

/**
 * The whole body of an answer that was computed off the container's thread, written with
 * non-blocking I/O: the container takes the bytes when the connection is ready and the request
 * completes once they are out, so a client that reads slowly holds no thread.
 */
final class HeldBody implements WriteListener {
  private final byte[] body;
  private final ServletOutputStream out;
  private final AsyncContext async;
  private boolean written;

  private HeldBody(byte[] body, ServletOutputStream out, AsyncContext async) {
    this.body = body;
    this.out = out;
    this.async = async;
  }

  /** Writes {@code body} when {@code out} is ready, then completes {@code async}. */
  static void write(byte[] body, ServletOutputStream out, AsyncContext async) {
    if (body.length == 0) {
      async.complete();
      return;
    }
    out.setWriteListener(new HeldBody(body, out, async));
  }

  @Override
  public void onWritePossible() throws java.io.IOException {
    if (!written) {
      written = true;
      out.write(body);
    }
    if (out.isReady()) {
      async.complete();
    }
  }

  @Override
  public void onError(Throwable t) {
    try {
      async.complete();
    } catch (RuntimeException ignored) {
      // the container ended the request already
    }
  }
}
