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
  private boolean bodyConsumed;
  private BodyDeadlines drainDeadlines;
  // where the answer is, for a deadline's abort from another thread: not started (OPEN), dropped
  // before it started (ABORTED), started (ANSWERED), reading what is left of the body as it ends
  // (DRAINING), and that read being cut (CUTTING, then CUT)
  private static final int OPEN = 0;
  private static final int ABORTED = 1;
  private static final int ANSWERED = 2;
  private static final int DRAINING = 3;
  private static final int CUTTING = 4;
  private static final int CUT = 5;
  private volatile int phase; // through PHASE: no object of its own per request
  private static final java.lang.invoke.VarHandle PHASE;

  static {
    try {
      PHASE = java.lang.invoke.MethodHandles.lookup().findVarHandle(JdkHttpCall.class, "phase",
          int.class);
    } catch (ReflectiveOperationException e) {
      throw new ExceptionInInitializerError(e);
    }
  }
  private volatile Thread drainer;

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
    if (!PHASE.compareAndSet(this, OPEN, ANSWERED)) {
      throw new IOException("the connection was closed: its body deadline passed");
    }
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
      try {
        drainWithin(exchange::close);
      } catch (IOException e) {
        // not thrown: closing the exchange reports nothing
      }
    }
  }

  /** The deadline for reading what is left of an unread body as the response ends. */
  void drainsWithin(BodyDeadlines deadlines) {
    this.drainDeadlines = deadlines;
  }

  @Override
  public void bodyConsumed() {
    bodyConsumed = true;
  }

  /**
   * Ends the response. The JDK server then reads (up to 64 KB by default) what is left of an unread
   * body, with no time limit: a client that declared a body and never sends it would hold the
   * thread for as long as it keeps the connection. That read is given the body deadline here; when
   * it passes, the ending thread is interrupted, which closes the connection (its channel is
   * interruptible) and ends the read. The interrupt is cleared before this returns.
   */
  private void drainWithin(Closer closer) throws IOException {
    BodyDeadlines deadlines = drainDeadlines;
    // before the answer started, closing the exchange closes the connection and reads nothing
    if (deadlines == null || bodyConsumed || phase != ANSWERED || !bodyMayRemain()) {
      closer.close();
      return;
    }
    drainer = Thread.currentThread();
    phase = DRAINING; // only this thread leaves ANSWERED
    deadlines.reading(this);
    try {
      closer.close();
    } finally {
      deadlines.done(this);
      if (!PHASE.compareAndSet(this, DRAINING, ANSWERED)) {
        while (phase != CUT) {
          Thread.onSpinWait(); // the cut is between its compare-and-set and its interrupt
        }
        Thread.interrupted(); // the cut's: not for whatever this thread runs next
        phase = ANSWERED;
      }
      drainer = null;
    }
  }

  /** Whether a body was declared (the body stream is not touched: a blocked reader holds it). */
  private boolean bodyMayRemain() {
    long declared = contentLength();
    return declared > 0 || declared < 0 && header("Transfer-Encoding") != null;
  }

  private interface Closer {
    void close() throws IOException;
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
        drainWithin(body::close);
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
   * that closes the connection itself, and the blocked read fails (and no answer starts after).
   * While the ending response reads what is left of the body, interrupts that read instead, which
   * closes the connection. Never blocks: it runs on the deadline sweeper.
   */
  @Override
  public void abort() {
    if (PHASE.compareAndSet(this, OPEN, ABORTED)) {
      close(); // no answer can start now, so this closes the connection and reads nothing
    } else if (PHASE.compareAndSet(this, DRAINING, CUTTING)) {
      Thread t = drainer;
      if (t != null) {
        t.interrupt();
      }
      phase = CUT;
    }
    // otherwise the answer is being written: its end has a deadline of its own
  }
}
