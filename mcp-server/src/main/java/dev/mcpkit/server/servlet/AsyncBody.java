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
  /**
   * What {@link #readOrSuspend} returns for a request refused from its headers whose body has not
   * arrived, or whose declared length is over the limit: answer it at once (without reading), then
   * {@link #discard} the rest.
   */
  static final byte[] DISCARD = new byte[0];
  /** The first buffer for a body; it doubles as bytes arrive, up to the declared length. */
  private static final int START_BYTES = 8192;

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
   * it), or {@link #DISCARD}. Null when the handler reads it itself: no body, or a servlet without
   * async support.
   */
  static byte[] readOrSuspend(HttpServletRequest request, HttpServletResponse response,
      McpHttpOptions options, java.util.function.BooleanSupplier reads) throws IOException {
    long declared = request.getContentLengthLong();
    boolean chunked = declared < 0 && request.getHeader("Transfer-Encoding") != null;
    if (declared == 0 || declared < 0 && !chunked || !request.isAsyncSupported()) {
      return null;
    }
    if (declared > options.maxBodyBytes() || !"POST".equals(request.getMethod())) {
      // 413 (or, for a method that takes no body, whatever the handler answers) at once, and the
      // rest dropped as it comes
      return DISCARD;
    }
    ServletInputStream in = request.getInputStream();
    // grown as bytes arrive: a declared length alone reserves nothing (a client could declare
    // the limit on many connections and send nothing)
    byte[] body = new byte[(int) Math.min(declared > 0 ? declared : 1024, START_BYTES)];
    int length = 0;
    if (declared > 0) {
      // what came with the headers is read without waiting (available() counts only that)
      int n;
      while (length < declared && in.available() > 0) {
        if (length == body.length) {
          body = Arrays.copyOf(body, (int) Math.min(declared, 2L * body.length));
        }
        n = in.read(body, length, body.length - length);
        if (n <= 0) {
          break;
        }
        length += n;
      }
      if (length == declared) {
        return body;
      }
    }
    if (!reads.getAsBoolean()) {
      return DISCARD; // refused from the headers: answered now, the rest dropped as it comes
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

  /**
   * Reads and drops what is left of a refused request's body without a thread, then completes
   * the request ({@code async} was started before the answer, with the body deadline as its
   * timeout). A container that completes a request with its body unread may read the rest on its
   * own thread (Tomcat, up to its {@code maxSwallowSize}, with a timeout counted from the last
   * byte); this leaves it nothing to read.
   */
  static void discard(HttpServletRequest request, AsyncContext async) throws IOException {
    ServletInputStream in = request.getInputStream();
    Dropper dropper = new Dropper(in, async);
    async.addListener(dropper);
    in.setReadListener(dropper);
  }

  /** Drops a body as it arrives; completes the request at its end, a failure or the deadline. */
  private static final class Dropper implements ReadListener, AsyncListener {
    private final ServletInputStream in;
    private final AsyncContext async;
    private final byte[] scratch = new byte[4096];

    Dropper(ServletInputStream in, AsyncContext async) {
      this.in = in;
      this.async = async;
    }

    /** Drops all that came: what is dropped costs no thread, and the deadline bounds the time. */
    @Override
    public void onDataAvailable() throws IOException {
      while (in.isReady() && in.read(scratch) >= 0) {
        // dropped
      }
    }

    @Override
    public void onAllDataRead() {
      complete(async);
    }

    @Override
    public void onError(Throwable t) {
      complete(async);
    }

    @Override
    public void onComplete(AsyncEvent event) {
      // done
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      complete(async);
    }

    @Override
    public void onError(AsyncEvent event) {
      complete(async);
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      // not restarted
    }
  }

  private static void complete(AsyncContext async) {
    try {
      async.complete();
    } catch (RuntimeException e) {
      // the container ended the request already
    }
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
        long room = fixed ? limit : limit + 1; // one byte over the limit tells it was passed
        body = Arrays.copyOf(body, (int) Math.min(2L * body.length, room));
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
    complete(async);
  }
}
