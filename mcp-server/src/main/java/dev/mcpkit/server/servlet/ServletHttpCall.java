package dev.mcpkit.server.servlet;

import dev.mcpkit.server.internal.http.HttpCall;
import dev.mcpkit.server.internal.http.StreamEvents;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** An {@code HttpCall} on a servlet request and response. */
final class ServletHttpCall implements HttpCall {
  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private jakarta.servlet.ServletOutputStream out;
  private volatile jakarta.servlet.AsyncContext async;
  private volatile StreamEvents events;
  private java.io.ByteArrayOutputStream held;
  private boolean closed; // these three guarded by this
  private boolean working;
  private boolean closeDeferred;
  private Runnable finished; // guarded by this; run once when an offloaded call is over

  private byte[] body; // read already (AsyncBody), or null
  private boolean takeOver; // a detached stream follows, on a container whose connection we take
  private boolean watch; // a detached stream follows on Jetty, whose connection is watched
  private dev.mcpkit.server.servlet.internal.StreamConnection taken; // the stream's, once taken

  ServletHttpCall(HttpServletRequest request, HttpServletResponse response) {
    this.request = request;
    this.response = response;
  }

  /** The body, read already; before serving. */
  void bodyRead(byte[] body) {
    this.body = body;
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  @Override
  public URI uri() {
    StringBuffer url = request.getRequestURL();
    if (request.getQueryString() != null) {
      url.append('?').append(request.getQueryString());
    }
    try {
      return URI.create(url.toString());
    } catch (IllegalArgumentException e) {
      // the container let an odd Host through; the message would repeat the URL, token and all
      throw new IllegalArgumentException("the request URL is not a valid URI", null);
    }
  }

  @Override
  public String header(String name) {
    return request.getHeader(name);
  }

  @Override
  public String path() {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    String path = context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    if (path.indexOf('%') < 0) {
      return path; // nothing to decode ('+' stays '+' either way): no copies per request
    }
    return java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public String query() {
    return request.getQueryString();
  }

  @Override
  public boolean arrivedOnLoopback() {
    String local = request.getLocalAddr();
    if (local != null && (local.startsWith("127.") || local.equals("::1")
        || local.equals("0:0:0:0:0:0:0:1"))) {
      return true; // the usual literals, without parsing an address per request
    }
    try {
      return local != null && InetAddress.getByName(local).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  @Override
  public InputStream body() throws IOException {
    return body != null ? new java.io.ByteArrayInputStream(body) : request.getInputStream();
  }

  @Override
  public byte[] readBody() {
    return body;
  }

  @Override
  public long contentLength() {
    return request.getContentLengthLong();
  }

  @Override
  public void setHeader(String name, String value) {
    if ("Content-Type".equalsIgnoreCase(name)) {
      // the same header; Jetty puts it through its general header list otherwise (about 1 % of
      // its CPU per answer)
      response.setContentType(value);
    } else {
      response.setHeader(name, value);
    }
  }

  /**
   * The response buffer of an event stream: every event is flushed at once, so a large buffer only
   * costs memory for as long as the stream is open (Jetty's default is a 32 KB direct buffer, which
   * 8,000 open streams turn into an out-of-memory error at a 256 MB heap).
   */
  private static final int STREAM_BUFFER_BYTES = 1024;

  /**
   * A long-lived event stream follows: on a container that keeps large buffers per open request,
   * the stream takes its connection over (see {@link
   * dev.mcpkit.server.servlet.internal.StreamConnection}); only on the serving thread of a request
   * that is not asynchronous already.
   */
  @Override
  public void streamFollows() {
    takeOver = async == null && McpServlet.takesStreamConnections(request);
    watch = !takeOver && McpServlet.watchesStreamConnections(request);
  }

  @Override
  public OutputStream start(int status, long length) throws IOException {
    if (length < 0 && takeOver) {
      dev.mcpkit.server.servlet.internal.StreamConnection connection = takeConnection(status);
      if (connection != null) {
        return connection.output();
      }
    }
    if (length < 0) {
      response.setBufferSize(STREAM_BUFFER_BYTES);
    }
    response.setStatus(status);
    if (length > 0) {
      response.setContentLengthLong(length);
    } else if (length == 0) {
      response.setContentLength(0);
    }
    if (async != null && length >= 0) {
      // an offloaded answer: held here and written without blocking when the call is closed
      held = new java.io.ByteArrayOutputStream((int) Math.min(length, 1 << 20));
      return held;
    }
    out = response.getOutputStream();
    if (length < 0) {
      if (watch) {
        // what the client sends after this request is read by the watch and dropped
        response.setHeader("Connection", "close");
      }
      response.flushBuffer(); // headers now, events follow
    }
    return out;
  }

  /**
   * Sends the stream's status and headers with {@code Connection: close} and neither a length nor
   * chunking (its body runs until the connection closes), and asks the container to hand the
   * connection over once the serving thread returns. Null when the container refused before
   * anything was sent.
   */
  private dev.mcpkit.server.servlet.internal.StreamConnection takeConnection(int status)
      throws IOException {
    dev.mcpkit.server.servlet.internal.StreamConnection connection;
    try {
      connection = request.upgrade(dev.mcpkit.server.servlet.internal.StreamConnection.class);
    } catch (jakarta.servlet.ServletException | IOException | RuntimeException e) {
      return null; // answered the usual way
    }
    taken = connection;
    response.setStatus(status); // upgrade() set 101
    response.setHeader("Connection", "close");
    response.flushBuffer();
    return connection;
  }

  @Override
  public void flush() throws IOException {
    if (taken != null) {
      taken.flush();
      return;
    }
    if (async != null) {
      if (out != null) {
        out.flush(); // non-blocking: the caller checks writable() first and after
      }
      return;
    }
    if (out != null) {
      out.flush();
    }
    response.flushBuffer();
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      if (working) {
        closeDeferred = true; // sent when the offloaded work has returned: see offload
        return;
      }
    }
    send();
  }

  /** Ends the response: the held body, or the asynchronous request, or the stream. */
  private void send() {
    if (taken != null) {
      taken.close();
      return;
    }
    try {
      if (held != null) {
        HeldBody.write(held.toByteArray(), response.getOutputStream(), async);
      } else if (async != null) {
        async.complete();
      } else if (out != null) {
        out.close();
      }
    } catch (IOException | RuntimeException ignored) {
      // the client went away, or the container ended the request already
    }
  }

  @Override
  public String clientAddress() {
    return request.getRemoteAddr();
  }

  @Override
  public int clientPort() {
    int port = request.getRemotePort();
    return port > 0 ? port : -1;
  }

  /**
   * Puts the request in asynchronous mode with non-blocking writes, where the servlet is
   * registered with async support; otherwise the container's thread stays with the stream.
   */
  @Override
  public boolean detach(StreamEvents events) {
    if (taken != null) {
      taken.events(events);
      return true;
    }
    if (out == null || async == null && !request.isAsyncSupported()) {
      McpServlet.warnNoAsyncSupport();
      return false;
    }
    if (async == null) {
      startAsync();
    }
    this.events = events;
    out.setWriteListener(new jakarta.servlet.WriteListener() {
      @Override
      public void onWritePossible() {
        events.writable();
      }

      @Override
      public void onError(Throwable t) {
        events.gone();
      }
    });
    if (watch) {
      // without it, Jetty tells of a client that closed only when a write fails
      dev.mcpkit.server.servlet.internal.JettyClientWatch.watch(request, events::gone);
    }
    return true;
  }

  @Override
  public synchronized boolean offloaded() {
    return working || closeDeferred;
  }

  /**
   * Runs {@code work} on {@code pool}; the answer it closes is sent when it has returned, so that
   * whatever it counts is released before the client can send its next request on this connection.
   */
  @Override
  public boolean offload(Runnable work, java.util.concurrent.Executor pool, Runnable finished) {
    if (async != null || !request.isAsyncSupported()) {
      return false;
    }
    this.finished = finished;
    startAsync();
    synchronized (this) {
      working = true;
    }
    Runnable whole = () -> {
      try {
        work.run();
      } finally {
        boolean send;
        synchronized (this) {
          working = false;
          send = closeDeferred;
        }
        if (send) {
          send();
        }
      }
    };
    try {
      pool.execute(whole);
    } catch (java.util.concurrent.RejectedExecutionException e) {
      whole.run(); // the server is stopping: answer here
    }
    return true;
  }

  /**
   * Starts asynchronous mode with one listener for the whole call (listeners can only be added
   * while the serving thread is still in the servlet): it tells whoever holds the stream by then.
   */
  private void startAsync() {
    jakarta.servlet.AsyncContext context = request.startAsync();
    context.setTimeout(0);
    context.addListener(new jakarta.servlet.AsyncListener() {
      @Override
      public void onComplete(jakarta.servlet.AsyncEvent event) {
        gone();
      }

      @Override
      public void onTimeout(jakarta.servlet.AsyncEvent event) {
        gone();
        endQuietly(event);
      }

      @Override
      public void onError(jakarta.servlet.AsyncEvent event) {
        gone();
        endQuietly(event);
      }

      @Override
      public void onStartAsync(jakarta.servlet.AsyncEvent event) {
        // not restarted
      }
    });
    async = context;
  }

  /**
   * Completes a request that failed (the client went away, or the container is stopping): left
   * alone, the container would answer it with its own error page, which repeats the request's URL.
   */
  private static void endQuietly(jakarta.servlet.AsyncEvent event) {
    try {
      event.getAsyncContext().complete();
    } catch (RuntimeException ignored) {
      // completed already
    }
  }

  private void gone() {
    Runnable f;
    synchronized (this) {
      f = finished;
      finished = null;
    }
    if (f != null) {
      f.run();
    }
    StreamEvents e = events;
    if (e != null) {
      e.gone();
    }
  }

  @Override
  public boolean writable() {
    if (taken != null) {
      return taken.writable();
    }
    return async == null || out == null || out.isReady();
  }

  /**
   * Closes a stream's taken connection; otherwise nothing: containers enforce their own read
   * timeouts, which end a stalled read.
   */
  @Override
  public void abort() {
    if (taken != null) {
      taken.close();
    }
  }
}
