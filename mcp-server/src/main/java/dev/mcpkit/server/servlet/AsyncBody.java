package dev.mcpkit.server.servlet;

import dev.mcpkit.core.jsonrpc.ErrorCodes;
import dev.mcpkit.core.jsonrpc.JsonRpcCodec;
import dev.mcpkit.core.jsonrpc.JsonRpcError;
import dev.mcpkit.core.jsonrpc.JsonRpcResponse;
import dev.mcpkit.server.McpHttpOptions;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;

/**
 * A request body that has not fully arrived with its headers, read with non-blocking I/O: the
 * container's thread returns while the client sends, and the request is dispatched to the servlet
 * again once the whole body is in (as a request attribute). A blocking read would hold a container
 * thread for as long as the client trickles bytes: a container's read timeout counts from the last
 * byte, so a byte a second never ends it. The body has {@link McpHttpOptions#bodyReadTimeout()} in
 * all; past it the client gets 408 and the connection is closed.
 */
final class AsyncBody implements ReadListener, AsyncListener {
  /** The request attribute carrying a body read here, for the dispatched request. */
  static final String ATTRIBUTE = AsyncBody.class.getName() + ".body";
  /** What {@link #readOrSuspend} returns when the request waits for its body. */
  static final byte[] SUSPENDED = new byte[0];

  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private final AsyncContext async;
  private final ServletInputStream in;
  private final long limit;
  private final boolean fixed; // a declared length: exactly limit bytes come
  private byte[] body;
  private int length;
  private boolean over; // guarded by this: dispatched, refused or failed

  private AsyncBody(HttpServletRequest request, HttpServletResponse response, AsyncContext async,
      ServletInputStream in, byte[] start, int length, long limit, boolean fixed) {
    this.request = request;
    this.response = response;
    this.async = async;
    this.in = in;
    this.body = start;
    this.length = length;
    this.limit = limit;
    this.fixed = fixed;
  }

  /**
   * The body of a POST, when it is read here: whole when it came with the headers, or {@link
   * #SUSPENDED} when the rest is read without a thread (the container calls the servlet again with
   * it). Null when the handler reads it itself: no body, a declared length over the limit (the
   * handler refuses it), or a servlet without async support.
   */
  static byte[] readOrSuspend(HttpServletRequest request, HttpServletResponse response,
      McpHttpOptions options, java.util.function.BooleanSupplier reads) throws IOException {
    if (!"POST".equals(request.getMethod())) {
      return null;
    }
    long declared = request.getContentLengthLong();
    boolean chunked = declared < 0 && request.getHeader("Transfer-Encoding") != null;
    if (declared == 0 || declared < 0 && !chunked || declared > options.maxBodyBytes()) {
      return null;
    }
    if (!request.isAsyncSupported()) {
      return null;
    }
    ServletInputStream in = request.getInputStream();
    byte[] body = new byte[declared > 0 ? (int) declared : 1024];
    int length = 0;
    if (declared > 0) {
      // what came with the headers is read without waiting (available() counts only that)
      int n;
      while (length < declared && in.available() > 0
          && (n = in.read(body, length, (int) declared - length)) > 0) {
        length += n;
      }
      if (length == declared) {
        return body;
      }
    }
    if (!reads.getAsBoolean()) {
      return null; // refused from the headers: the handler answers now and reads nothing
    }
    AsyncContext async = request.startAsync();
    async.setTimeout(Math.max(1, options.bodyReadTimeout().toMillis()));
    long limit = declared > 0 ? declared : options.maxBodyBytes();
    AsyncBody reader = new AsyncBody(request, response, async, in, body, length, limit,
        declared > 0);
    async.addListener(reader);
    in.setReadListener(reader);
    return SUSPENDED;
  }

  @Override
  public void onDataAvailable() throws IOException {
    while (in.isReady()) {
      if (fixed && length == limit) {
        in.read(); // the end of the body (-1): the container then calls onAllDataRead
        return;
      }
      if (length == body.length) {
        if (body.length > limit) {
          refuse(413, "Request body too large: the limit is " + limit
              + " bytes (McpHttpOptions.maxBodyBytes)");
          return;
        }
        body = Arrays.copyOf(body, (int) Math.min((long) body.length * 2, limit + 1));
      }
      int n = in.read(body, length, body.length - length);
      if (n < 0) {
        return; // onAllDataRead follows
      }
      length += n;
    }
  }

  @Override
  public void onAllDataRead() {
    if (length > limit) {
      refuse(413, "Request body too large: the limit is " + limit
          + " bytes (McpHttpOptions.maxBodyBytes)");
      return;
    }
    synchronized (this) {
      if (over) {
        return;
      }
      over = true;
    }
    request.setAttribute(ATTRIBUTE, length == body.length ? body : Arrays.copyOf(body, length));
    async.dispatch();
  }

  @Override
  public void onError(Throwable t) {
    end(); // the client went away, or the container failed the read
  }

  @Override
  public void onTimeout(AsyncEvent event) {
    refuse(408, "Request timeout: the request body did not arrive within " + async.getTimeout()
        + " ms (McpHttpOptions.bodyReadTimeout)");
  }

  @Override
  public void onComplete(AsyncEvent event) {
    // done
  }

  @Override
  public void onError(AsyncEvent event) {
    end();
  }

  @Override
  public void onStartAsync(AsyncEvent event) {
    // the dispatched request starts its own asynchronous cycle, without this listener
  }

  /** Answers with {@code status} and closes the connection (the rest of the body is not read). */
  private void refuse(int status, String message) {
    synchronized (this) {
      if (over) {
        return;
      }
      over = true;
    }
    try {
      response.setHeader("Connection", "close");
      response.setContentType("application/json");
      byte[] answer = JsonRpcCodec.instance().encode(new JsonRpcResponse.Error(null,
          new JsonRpcError(ErrorCodes.INVALID_REQUEST, message)));
      response.setStatus(status);
      response.setContentLength(answer.length);
      response.getOutputStream().write(answer);
    } catch (IOException | RuntimeException e) {
      // the client went away
    }
    complete();
  }

  private void end() {
    synchronized (this) {
      if (over) {
        return;
      }
      over = true;
    }
    complete();
  }

  private void complete() {
    try {
      async.complete();
    } catch (RuntimeException e) {
      // the container ended the request already
    }
  }
}
