package dev.mcpkit.server.internal.http;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * An {@link HttpCall} on a {@link NioHttpServer} connection. The body has arrived whole before
 * the call is served. A fixed-length answer is sent whole when the call is closed; an event stream
 * is sent in chunks as it is flushed, and once detached its writes never wait (see {@link
 * #writable}); undetached, a flush waits until the client has taken what was sent.
 */
public final class NioHttpCall implements HttpCall {
  private final NioConnection conn;
  private final RequestHead head;
  private final String path;
  byte[] body; // set before serving
  private String[] answerHeaders; // name, value ...; guarded by this
  private int answerCount;
  private boolean started;
  private boolean closed;
  private OutputStream out;
  private volatile boolean streams;
  private volatile boolean detached;
  private volatile StreamEvents events;
  private Runnable whenEnded;

  NioHttpCall(NioConnection conn, RequestHead head, String path) {
    this.conn = conn;
    this.head = head;
    this.path = path;
  }

  @Override
  public String method() {
    return head.method;
  }

  @Override
  public URI uri() {
    String host = header("Host");
    if (host == null || !HostHeader.isValid(host)) {
      // never hand a malformed Host to URI.create: its exception message repeats the whole URL
      String local = conn.local.getAddress().getHostAddress();
      int scope = local.indexOf('%');
      local = scope < 0 ? local : local.substring(0, scope);
      host = (local.indexOf(':') >= 0 ? "[" + local + "]" : local) + ":" + conn.local.getPort();
    }
    try {
      return URI.create("http://" + host + head.rawPath
          + (head.query == null ? "" : "?" + head.query));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("the request URL is not a valid URI", null);
    }
  }

  @Override
  public String header(String name) {
    return head.header(name);
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public String query() {
    return head.query;
  }

  @Override
  public boolean arrivedOnLoopback() {
    return conn.local.getAddress().isLoopbackAddress();
  }

  @Override
  public InputStream body() {
    return new ByteArrayInputStream(body);
  }

  @Override
  public byte[] readBody() {
    return body;
  }

  @Override
  public long contentLength() {
    return head.contentLength;
  }

  @Override
  public String clientAddress() {
    return conn.remote == null ? null : conn.remote.getAddress().getHostAddress();
  }

  /** Whether the client connected from a loopback address (this machine). */
  public boolean fromLoopback() {
    return conn.remote != null && conn.remote.getAddress().isLoopbackAddress();
  }

  @Override
  public int clientPort() {
    return conn.remote == null ? -1 : conn.remote.getPort();
  }

  @Override
  public synchronized void setHeader(String name, String value) {
    for (int i = 0; i < value.length(); i++) {
      char c = value.charAt(i);
      if (c == '\r' || c == '\n') {
        throw new IllegalArgumentException("a header value may not break a line");
      }
    }
    if (answerHeaders == null) {
      answerHeaders = new String[8];
    }
    for (int i = 0; i < answerCount; i += 2) {
      if (answerHeaders[i].equalsIgnoreCase(name)) {
        answerHeaders[i + 1] = value;
        return;
      }
    }
    if (answerCount == answerHeaders.length) {
      answerHeaders = Arrays.copyOf(answerHeaders, answerCount * 2);
    }
    answerHeaders[answerCount++] = name;
    answerHeaders[answerCount++] = value;
  }

  /** Whether the answer is an event stream (chunked, of unknown length). */
  boolean streams() {
    return streams;
  }

  @Override
  public synchronized OutputStream start(int status, long length) throws IOException {
    if (started) {
      throw new IllegalStateException("the answer has started already");
    }
    started = true;
    boolean noBody = status < 200 || status == 204 || status == 304;
    StringBuilder b = new StringBuilder(160 + answerCount * 24);
    b.append("HTTP/1.1 ").append(status).append(' ').append(NioHttpServer.reason(status))
        .append("\r\nDate: ").append(NioHttpServer.date()).append("\r\n");
    boolean close = conn.closeAfter;
    for (int i = 0; i < answerCount; i += 2) {
      if (answerHeaders[i].equalsIgnoreCase("Connection")) {
        close |= answerHeaders[i + 1].equalsIgnoreCase("close");
        continue; // written below
      }
      b.append(answerHeaders[i]).append(": ").append(answerHeaders[i + 1]).append("\r\n");
    }
    if (length < 0) {
      if (head.http10) {
        close = true; // the end of the connection ends the body
      } else {
        b.append("Transfer-Encoding: chunked\r\n");
      }
    } else if (!noBody) {
      b.append("Content-Length: ").append(length).append("\r\n");
    }
    if (close) {
      conn.closeAfter = true;
      b.append("Connection: close\r\n");
    }
    b.append("\r\n");
    byte[] headBytes = b.toString().getBytes(StandardCharsets.ISO_8859_1);
    boolean bodyless = noBody || "HEAD".equals(head.method);
    if (length >= 0) {
      out = new Fixed(headBytes, bodyless ? 0 : length, bodyless);
      return out;
    }
    streams = true;
    Chunked chunked = new Chunked(!head.http10, bodyless);
    out = chunked;
    if (!conn.send(headBytes, false)) {
      throw new IOException("the client went away");
    }
    return out;
  }

  @Override
  public void flush() throws IOException {
    OutputStream o;
    synchronized (this) {
      o = out;
    }
    if (o != null) {
      o.flush();
    }
  }

  @Override
  public void close() {
    OutputStream o;
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      o = out;
    }
    ended(); // before the last bytes leave: a client answered sends its next request at once
    if (o == null) {
      conn.abort(); // nothing was answered: the client sees the connection close
      return;
    }
    try {
      if (o instanceof Fixed f) {
        f.finish();
      } else {
        ((Chunked) o).finish();
      }
    } catch (IOException e) {
      conn.abort();
    }
  }

  @Override
  public boolean detach(StreamEvents events) {
    if (!streams) {
      return false;
    }
    this.events = events;
    detached = true;
    if (conn.inputEnded) {
      conn.abort(); // the client closed its side before its stream opened: it has gone
    }
    return true;
  }

  @Override
  public boolean writable() {
    return !detached || conn.writableOrWatch();
  }

  @Override
  public void abort() {
    conn.abort();
  }

  /**
   * Runs {@code action} once, when the answer is over: as it is closed (before its last bytes
   * leave), or when the connection is lost first. Call before serving.
   */
  public synchronized void whenEnded(Runnable action) {
    this.whenEnded = action;
  }

  private void ended() {
    Runnable action;
    synchronized (this) {
      action = whenEnded;
      whenEnded = null;
    }
    if (action != null) {
      action.run();
    }
  }

  /** The serving thread returned: an answer it left open and did not detach is ended now. */
  void servingThreadReturns() {
    if (!detached) {
      close();
    }
  }

  /** On the selecting thread: the connection is gone. */
  void connectionGone() {
    ended();
    StreamEvents e = events;
    if (e != null) {
      e.gone();
    }
  }

  /** On the selecting thread: a detached answer may write again. */
  void canWrite() {
    StreamEvents e = events;
    if (e != null) {
      e.writable();
    }
  }

  /** A body of known length, sent whole with its head when the call is closed. */
  private final class Fixed extends OutputStream {
    private final byte[] bytes;
    private final boolean drop;
    private int length;

    /** @param drop whether the body is dropped (the answer to HEAD, or a status without one) */
    Fixed(byte[] head, long bodyLength, boolean drop) throws IOException {
      this.drop = drop;
      if (head.length + bodyLength > Integer.MAX_VALUE - 16) {
        throw new IOException("the answer is too large");
      }
      bytes = Arrays.copyOf(head, head.length + (int) bodyLength);
      length = head.length;
    }

    @Override
    public void write(int b) throws IOException {
      if (drop) {
        return;
      }
      if (length == bytes.length) {
        throw new IOException("more bytes than the declared length");
      }
      bytes[length++] = (byte) b;
    }

    @Override
    public void write(byte[] b, int off, int len) throws IOException {
      if (drop) {
        return;
      }
      if (len > bytes.length - length) {
        throw new IOException("more bytes than the declared length");
      }
      System.arraycopy(b, off, bytes, length, len);
      length += len;
    }

    void finish() throws IOException {
      if (length < bytes.length) {
        conn.closeAfter = true; // short of its length: the client sees the connection end
        conn.send(Arrays.copyOf(bytes, length), true);
        throw new IOException("the answer is shorter than its declared length");
      }
      conn.send(bytes, true);
    }
  }

  /** An event stream: each flush sends what was written as one chunk. */
  private final class Chunked extends OutputStream {
    private final boolean chunked;
    private final boolean bodyless;
    private byte[] buf = new byte[256];
    private int length;
    private boolean finished;

    Chunked(boolean chunked, boolean bodyless) {
      this.chunked = chunked;
      this.bodyless = bodyless;
    }

    @Override
    public synchronized void write(int b) throws IOException {
      write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public synchronized void write(byte[] b, int off, int len) throws IOException {
      if (finished) {
        throw new IOException("the stream has ended");
      }
      if (bodyless) {
        return;
      }
      if (length + len > buf.length) {
        buf = Arrays.copyOf(buf, Math.max(length + len, buf.length * 2));
      }
      System.arraycopy(b, off, buf, length, len);
      length += len;
    }

    @Override
    public void flush() throws IOException {
      synchronized (this) {
        if (length == 0 || finished) {
          return;
        }
        if (!conn.send(frame(false), false)) {
          throw new IOException("the client went away");
        }
      }
      if (!detached) {
        conn.awaitDrained();
      }
    }

    @Override
    public void close() {
      // the call's close ends the stream
    }

    synchronized void finish() throws IOException {
      if (finished) {
        return;
      }
      finished = true;
      conn.streamEnded();
      if (!conn.send(frame(true), true)) {
        throw new IOException("the client went away");
      }
    }

    /** What was written as a chunk (the last one too when {@code last}), and resets. */
    private byte[] frame(boolean last) {
      if (!chunked) {
        byte[] raw = Arrays.copyOf(buf, length);
        length = 0;
        return raw;
      }
      byte[] size = length == 0 ? new byte[0]
          : (Integer.toHexString(length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
      int total = size.length + length + (length == 0 ? 0 : 2) + (last ? 5 : 0);
      byte[] f = new byte[total];
      System.arraycopy(size, 0, f, 0, size.length);
      System.arraycopy(buf, 0, f, size.length, length);
      int p = size.length + length;
      if (length > 0) {
        f[p++] = '\r';
        f[p++] = '\n';
      }
      if (last) {
        f[p++] = '0';
        f[p++] = '\r';
        f[p++] = '\n';
        f[p++] = '\r';
        f[p] = '\n';
      }
      length = 0;
      if (buf.length > 4096) {
        buf = new byte[256]; // a large event leaves no large buffer behind
      }
      return f;
    }
  }
}
