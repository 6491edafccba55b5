package dev.mcpkit.server.internal.http;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsExchange;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;

/** An {@link HttpCall} on the JDK's {@code com.sun.net.httpserver}. */
public class JdkHttpCall implements HttpCall {
  private static final long UNREAD = -2;
  private final HttpExchange exchange;
  private final java.util.concurrent.Executor streamWriter;
  private OutputStream out;
  private boolean closed;
  private boolean heldOpen;
  private Runnable whenEnded;
  private long contentLength = UNREAD; // read from the header once, by the thread reading the body

  public JdkHttpCall(HttpExchange exchange) {
    this(exchange, null);
  }

  /**
   * @param streamWriter runs the writers of event streams, which then hold no thread while idle
   *     (virtual threads on Java 21+); null to keep the serving thread with each stream
   */
  public JdkHttpCall(HttpExchange exchange, java.util.concurrent.Executor streamWriter) {
    this.exchange = exchange;
    this.streamWriter = streamWriter;
  }

  @Override
  public synchronized java.util.concurrent.Executor streamWriter() {
    if (streamWriter != null) {
      heldOpen = true; // the response outlives the serving thread from now on
    }
    return streamWriter;
  }

  /**
   * Runs {@code action} once, when the response is over: as it is completed (just before its last
   * bytes are sent, so a client that sends its next request on receiving it finds the action
   * done), or when the serving thread returns without completing it, unless an event stream keeps
   * it open; then when that stream ends. Call before serving.
   */
  public synchronized void whenEnded(Runnable action) {
    this.whenEnded = action;
  }

  /** Tells the call that its serving thread returns; see {@link #whenEnded}. */
  public void servingThreadReturns() {
    synchronized (this) {
      if (heldOpen && !closed) {
        return; // the stream's end runs it
      }
    }
    ended();
  }

  @Override
  public String method() {
    return exchange.getRequestMethod();
  }

  @Override
  public URI uri() {
    URI raw = exchange.getRequestURI();
    String host = header("Host");
    String scheme = exchange instanceof HttpsExchange ? "https" : "http";
    if (host == null || !HostHeader.isValid(host)) {
      // never hand a malformed Host to URI.create: its exception message repeats the whole URL
      String local = exchange.getLocalAddress().getHostString();
      int scope = local.indexOf('%');
      local = scope < 0 ? local : local.substring(0, scope);
      host = (local.indexOf(':') >= 0 ? "[" + local + "]" : local) + ":"
          + exchange.getLocalAddress().getPort();
    }
    try {
      return URI.create(scheme + "://" + host + raw.getRawPath()
          + (raw.getRawQuery() == null ? "" : "?" + raw.getRawQuery()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the request URL is not a valid URI", null);
    }
  }

  @Override
  public String header(String name) {
    return exchange.getRequestHeaders().getFirst(name);
  }

  @Override
  public String path() {
    return exchange.getRequestURI().getPath();
  }

  @Override
  public String query() {
    return exchange.getRequestURI().getRawQuery();
  }

  @Override
  public boolean arrivedOnLoopback() {
    return exchange.getLocalAddress().getAddress().isLoopbackAddress();
  }

  @Override
  public InputStream body() {
    return exchange.getRequestBody();
  }

  @Override
  public long contentLength() {
    long length = contentLength;
    if (length == UNREAD) {
      String value = header("Content-Length");
      try {
        length = value == null ? -1 : Long.parseLong(value.trim());
      } catch (NumberFormatException e) {
        length = -1;
      }
      contentLength = length;
    }
    return length;
  }

  @Override
  public void setHeader(String name, String value) {
    exchange.getResponseHeaders().set(name, value);
  }

  @Override
  public OutputStream start(int status, long length) throws IOException {
    // the JDK's convention: -1 means no body, 0 means chunked
    exchange.sendResponseHeaders(status, length == 0 ? -1 : length < 0 ? 0 : length);
    out = new Ending(exchange.getResponseBody());
    return out;
  }

  @Override
  public void flush() throws IOException {
    if (out != null) {
      out.flush();
    }
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    try {
      ended(); // before the last bytes leave: see whenEnded
    } finally {
      exchange.close();
    }
  }

  private void ended() {
    Runnable ended;
    synchronized (this) {
      ended = whenEnded;
      whenEnded = null;
    }
    if (ended != null) {
      ended.run();
    }
  }

  /** The response body: closing it (which sends what is left) first runs {@link #whenEnded}. */
  private final class Ending extends OutputStream {
    private final OutputStream body;

    Ending(OutputStream body) {
      this.body = body;
    }

    @Override
    public void write(int b) throws IOException {
      body.write(b);
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      body.write(b, off, len);
    }

    @Override
    public void flush() throws IOException {
      body.flush();
    }

    @Override
    public void close() throws IOException {
      try {
        ended();
      } finally {
        body.close();
      }
    }
  }

  @Override
  public String clientAddress() {
    java.net.InetSocketAddress remote = exchange.getRemoteAddress();
    return remote == null || remote.getAddress() == null ? null
        : remote.getAddress().getHostAddress();
  }

  @Override
  public int clientPort() {
    java.net.InetSocketAddress remote = exchange.getRemoteAddress();
    return remote == null ? -1 : remote.getPort();
  }

  /** The JDK server sets no deadline for request bodies: the handler does. */
  @Override
  public boolean limitsReadTime() {
    return false;
  }

  /** The JDK server's buffer holds what came with the headers: usually all of a small body. */
  @Override
  public boolean bodyArrived(long length) {
    try {
      return length >= 0 && exchange.getRequestBody().available() >= length;
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Closes the exchange from another thread while a read blocks: before the answer has started,
   * that closes the connection itself, and the blocked read fails.
   */
  @Override
  public void abort() {
    close();
  }
}
