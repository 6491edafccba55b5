package dev.mcpkit.server.internal.http;

import dev.mcpkit.core.jsonrpc.ErrorCodes;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One connection of a {@link NioHttpServer}. Its read side (the state, the head and body being
 * read, the deadline) belongs to the selecting thread. Its write side is a queue of unwritten
 * bytes under a lock: any thread sends, writing what the socket takes at once, and the selecting
 * thread writes the rest as the client reads.
 */
final class NioConnection {
  private static final int IDLE = 0;
  private static final int HEAD = 1;
  private static final int BODY = 2;
  private static final int SERVING = 3;
  private static final int LINGER = 4;
  private static final int CLOSED = 5;

  private static final int SIZE = 0;
  private static final int DATA = 1;
  private static final int DATA_END = 2;
  private static final int TRAILER = 3;
  private static final byte[] EMPTY = new byte[0];
  private static final byte[] CONTINUE = "HTTP/1.1 100 Continue\r\n\r\n".getBytes(
      StandardCharsets.US_ASCII);

  final NioHttpServer server;
  final SocketChannel ch;
  final InetSocketAddress remote;
  final InetSocketAddress local;
  SelectionKey key;

  // the read side: the selecting thread's
  private int state = IDLE;
  private long deadline;
  private byte[] in; // bytes read and not yet used: a head arriving, or the next request
  private int inLen;
  private int scanFrom;
  private NioHttpCall call;
  private byte[] body;
  private int bodyLen;
  private long bodyHeld;
  private long expected; // a declared length, or -1 for chunked
  private int chunkState;
  private long chunkLeft;
  private int chunkDigits;
  private int lineBytes;
  private boolean cr;
  private boolean ext;
  private boolean discard; // the request's body is dropped as it comes, then the connection closes
  private long dropped;
  volatile boolean inputEnded; // the client closed its sending side
  volatile boolean closeAfter;
  /** The client address counted for this connection, or null (loopback); the server's. */
  java.net.InetAddress counted;
  private long inHeld; // of the server's budget, for in

  // the write side, under lock
  private final ReentrantLock lock = new ReentrantLock();
  private final Condition drained = lock.newCondition();
  private ArrayDeque<ByteBuffer> out;
  private long queued;
  private long lastProgress;
  private boolean writeInterest;
  private boolean failed;
  private boolean ending;
  private boolean endSeen;
  private boolean wantWritable;
  private long writeTimeoutNanos = NioHttpServer.WRITE_TIMEOUT_MILLIS * 1_000_000L;

  NioConnection(NioHttpServer server, SocketChannel ch) throws IOException {
    this.server = server;
    this.ch = ch;
    this.remote = (InetSocketAddress) ch.getRemoteAddress();
    this.local = (InetSocketAddress) ch.getLocalAddress();
    this.deadline = System.nanoTime() + NioHttpServer.IDLE_MILLIS * 1_000_000L;
  }

  // ------------------------------------------------------------------ reading

  void onReadable() {
    if (state == SERVING && !discard && inLen >= NioHttpServer.MAX_HEAD_BYTES) {
      interest(SelectionKey.OP_READ, false); // enough of the next request: read it later
      return;
    }
    ByteBuffer buf = server.readBuffer;
    buf.clear();
    if (state != BODY || inLen > 0) {
      // a head (or the next request) is read up to its limit and no further
      buf.limit(Math.max(1, Math.min(buf.capacity(), NioHttpServer.MAX_HEAD_BYTES + 1 - inLen)));
    }
    int n;
    try {
      n = ch.read(buf);
    } catch (IOException e) {
      fail();
      return;
    }
    if (n < 0) {
      onEnd();
      return;
    }
    if (n == 0) {
      return;
    }
    byte[] bytes = buf.array();
    if (state == LINGER || state == SERVING && discard) {
      dropped += n;
      if (dropped > server.lingerBytes()) {
        fail();
      }
      return;
    }
    int used = 0;
    if (state == BODY && inLen == 0) {
      used = feedBody(bytes, 0, n);
      if (state == CLOSED) {
        return;
      }
      if (discard) {
        dropped += n - used; // refused while it came: the rest is dropped
        return;
      }
    }
    if (used < n && !append(bytes, used, n - used)) {
      return;
    }
    advance();
  }

  private void onEnd() {
    inputEnded = true;
    if (state == SERVING) {
      NioHttpCall c = call;
      if (c != null && c.streams()) {
        fail(); // a client that closed its side of an event stream has gone
      } else {
        interest(SelectionKey.OP_READ, false);
        closeAfter = true; // answered, then closed
      }
      return;
    }
    fail();
  }

  /** Keeps bytes read for later; false when the server's budget refused them (answered). */
  private boolean append(byte[] src, int off, int len) {
    int have = in == null ? 0 : in.length;
    if (inLen + len > have) {
      // grown up to the head limit; past it only by what one read brought after a body's end
      int size = Math.max(inLen + len,
          Math.min(NioHttpServer.MAX_HEAD_BYTES + 1, Math.max(1024, have * 2)));
      if (!server.holdBody(size - have)) {
        refuse(503, "Service unavailable: the server holds as many request heads and bodies as"
            + " it may; retry in 1 s");
        return false;
      }
      inHeld += size - have;
      in = in == null ? new byte[size] : Arrays.copyOf(in, size);
    }
    System.arraycopy(src, off, in, inLen, len);
    inLen += len;
    return true;
  }

  /** Drops the read buffer, giving its bytes back to the server's budget. */
  private void dropIn() {
    in = null;
    server.releaseBody(inHeld);
    inHeld = 0;
  }

  private void consume(int n) {
    System.arraycopy(in, n, in, 0, inLen - n);
    inLen -= n;
    if (inLen == 0 && in.length > 4096) {
      dropIn(); // a large head leaves no large buffer behind
    }
  }

  /** Works through what was read: heads, bodies, until a request is served or bytes run out. */
  private void advance() {
    while (true) {
      if (state == IDLE || state == HEAD) {
        int skip = 0;
        while (skip < inLen && (in[skip] == '\r' || in[skip] == '\n')) {
          skip++; // empty lines before a request line are ignored
        }
        if (skip > 0) {
          consume(skip);
          scanFrom = 0;
        }
        if (inLen == 0) {
          return;
        }
        if (state == IDLE) {
          state = HEAD;
          deadline = System.nanoTime() + server.headerTimeoutNanos;
        }
        int end = RequestHead.end(in, Math.max(0, scanFrom - 3), inLen);
        if (end < 0) {
          scanFrom = inLen;
          if (inLen > NioHttpServer.MAX_HEAD_BYTES) {
            refuse(431, "Request header fields too large: the limit is "
                + NioHttpServer.MAX_HEAD_BYTES + " bytes for the request line and headers");
          }
          return;
        }
        scanFrom = 0;
        if (end > NioHttpServer.MAX_HEAD_BYTES) {
          refuse(431, "Request header fields too large: the limit is "
              + NioHttpServer.MAX_HEAD_BYTES + " bytes for the request line and headers");
          return;
        }
        RequestHead head;
        try {
          head = RequestHead.parse(in, end);
        } catch (RequestHead.Refusal r) {
          refuse(r.status, "Bad request: " + r.getMessage());
          return;
        }
        consume(end);
        start(head);
      } else if (state == BODY) {
        if (inLen == 0) {
          return;
        }
        int used = feedBody(in, 0, inLen);
        if (state == CLOSED || discard) {
          return; // refused while it came: what was read is dropped already
        }
        consume(used);
        if (state == SERVING && inLen == 0) {
          dropIn(); // served: no read buffer is kept while it is answered
        }
        if (state == BODY) {
          return;
        }
      } else {
        return;
      }
    }
  }

  /** A head is in: serve the request, or read its body first. */
  private void start(RequestHead head) {
    String path = RequestHead.decodePath(head.rawPath);
    if (path == null) {
      refuse(400, "Bad request: malformed percent escape in the path");
      return;
    }
    call = new NioHttpCall(this, head, path);
    closeAfter = head.http10 || head.hasToken("Connection", "close");
    String expect = head.header("Expect");
    if (expect != null && !expect.equalsIgnoreCase("100-continue")) {
      refuse(417, "Expectation failed: only 100-continue is supported");
      return;
    }
    boolean hasBody = head.chunked || head.contentLength > 0;
    if (!hasBody) {
      serve(EMPTY);
      return;
    }
    if (head.contentLength > server.maxBodyBytes || !"POST".equals(head.method)
        || server.refusesFromHeaders(call)) {
      // answered without its body (413, or a refusal), which is dropped as it comes; the
      // connection closes after the answer
      discard = true;
      closeAfter = true;
      dropped = inLen;
      inLen = 0;
      serve(EMPTY);
      return;
    }
    state = BODY;
    deadline = System.nanoTime() + server.bodyTimeoutNanos;
    expected = head.chunked ? -1 : head.contentLength;
    body = null;
    bodyLen = 0;
    chunkState = SIZE;
    chunkLeft = 0;
    chunkDigits = 0;
    lineBytes = 0;
    cr = false;
    ext = false;
    if (expect != null) {
      send(CONTINUE, false);
    }
  }

  private void serve(byte[] requestBody) {
    state = SERVING;
    deadline = 0;
    if (inLen == 0) {
      dropIn(); // an open stream, or a slow answer, keeps no read buffer
    }
    call.body = requestBody;
    if (!server.dispatch(call)) {
      call = null;
      refuse(503, "Service unavailable: the server is stopping");
    }
  }

  /** Takes body bytes from {@code src}; returns how many were used. */
  private int feedBody(byte[] src, int off, int len) {
    if (expected >= 0) {
      int take = (int) Math.min(len, expected - bodyLen);
      if (!room(bodyLen + take, expected)) {
        return 0;
      }
      System.arraycopy(src, off, body, bodyLen, take);
      bodyLen += take;
      if (bodyLen == expected) {
        bodyDone();
      }
      return take;
    }
    int p = off;
    int end = off + len;
    while (p < end && state == BODY) {
      if (chunkState == DATA) {
        int take = (int) Math.min(end - p, chunkLeft);
        if (bodyLen + (long) take > server.maxBodyBytes) {
          refuseCall(413, "Request body too large: the limit is " + server.maxBodyBytes
              + " bytes (McpHttpOptions.maxBodyBytes)");
          return len;
        }
        if (!room(bodyLen + take, server.maxBodyBytes)) {
          return len;
        }
        System.arraycopy(src, p, body, bodyLen, take);
        bodyLen += take;
        p += take;
        chunkLeft -= take;
        if (chunkLeft == 0) {
          chunkState = DATA_END;
        }
        continue;
      }
      byte b = src[p++];
      if (cr) {
        cr = false;
        if (b != '\n') {
          badChunk();
          return len;
        }
      }
      if (b == '\r') {
        cr = true;
        continue;
      }
      if (++lineBytes > 4096) {
        badChunk();
        return len;
      }
      switch (chunkState) {
        case SIZE -> {
          if (b == '\n') {
            if (chunkDigits == 0) {
              badChunk();
              return len;
            }
            chunkState = chunkLeft == 0 ? TRAILER : DATA;
            chunkDigits = 0;
            lineBytes = 0;
            ext = false;
          } else if (ext) {
            // a chunk extension: ignored
          } else if (b == ';') {
            ext = true;
          } else if ((b == ' ' || b == '\t') && chunkDigits > 0) {
            ext = true; // whitespace before an extension: the rest of the line is ignored
          } else {
            int d = Character.digit(b, 16);
            if (d < 0 || ++chunkDigits > 15) {
              badChunk();
              return len;
            }
            chunkLeft = chunkLeft * 16 + d;
          }
        }
        case DATA_END -> {
          if (b != '\n') {
            badChunk();
            return len;
          }
          chunkState = SIZE;
          lineBytes = 0;
        }
        default -> { // TRAILER: fields ignored, up to the empty line
          if (b == '\n') {
            if (lineBytes == 1) {
              bodyDone();
              return p - off;
            }
            lineBytes = 0;
          }
        }
      }
    }
    return p - off;
  }

  private void badChunk() {
    refuseCall(400, "Parse error: malformed chunked request body");
  }

  /** Makes the body's buffer hold {@code needed} bytes, at most {@code limit}; false if refused. */
  private boolean room(long needed, long limit) {
    int have = body == null ? 0 : body.length;
    if (needed <= have) {
      return true;
    }
    long size = Math.min(limit, Math.max(needed, Math.max(8192, 2L * have)));
    if (!server.holdBody(size - have)) {
      refuseCall(503, "Service unavailable: the server holds as many request bodies as it may;"
          + " retry in 1 s");
      return false;
    }
    bodyHeld += size - have;
    body = body == null ? new byte[(int) size] : Arrays.copyOf(body, (int) size);
    return true;
  }

  private void bodyDone() {
    byte[] b = body == null ? EMPTY : bodyLen == body.length ? body : Arrays.copyOf(body, bodyLen);
    body = null;
    serve(b);
  }

  // ------------------------------------------------------------------ refusing

  /** Answers a request the server cannot read with plain text, then closes the connection. */
  private void refuse(int status, String text) {
    NioHttpCall c = call;
    call = null;
    if (c != null) {
      c.connectionGone();
    }
    state = SERVING;
    deadline = 0;
    discard = true;
    closeAfter = true;
    dropped = inLen;
    inLen = 0;
    byte[] message = text.getBytes(StandardCharsets.UTF_8);
    String head = "HTTP/1.1 " + status + " " + NioHttpServer.reason(status) + "\r\nDate: "
        + NioHttpServer.date() + "\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Length: "
        + message.length + "\r\nConnection: close\r\n"
        + (status == 503 ? "Retry-After: 1\r\n" : "") + "\r\n";
    byte[] h = head.getBytes(StandardCharsets.US_ASCII);
    byte[] all = Arrays.copyOf(h, h.length + message.length);
    System.arraycopy(message, 0, all, h.length, message.length);
    send(all, true);
  }

  /** Answers a request whose body failed with a JSON-RPC error, then closes the connection. */
  private void refuseCall(int status, String message) {
    releaseBody();
    body = null;
    state = SERVING;
    deadline = 0;
    discard = true;
    closeAfter = true;
    dropped = inLen;
    inLen = 0;
    NioHttpCall c = call;
    if (status == 503) {
      c.setHeader("Retry-After", "1");
    }
    c.setHeader("Connection", "close");
    HttpResponses.error(c, status, null, status == 400 ? ErrorCodes.PARSE_ERROR
        : ErrorCodes.INVALID_REQUEST, message); // written without waiting
  }

  // ------------------------------------------------------------------ the answer's end

  /** On the selecting thread, once an answer's last byte is written. */
  private void answered() {
    if (state != SERVING) {
      return;
    }
    releaseBody();
    call = null;
    lock.lock();
    try {
      ending = false;
      endSeen = false;
      wantWritable = false;
      writeTimeoutNanos = NioHttpServer.WRITE_TIMEOUT_MILLIS * 1_000_000L;
    } finally {
      lock.unlock();
    }
    if (closeAfter || inputEnded) {
      if (discard && !inputEnded) {
        linger();
      } else {
        close();
      }
      return;
    }
    state = IDLE;
    deadline = System.nanoTime() + NioHttpServer.IDLE_MILLIS * 1_000_000L;
    interest(SelectionKey.OP_READ, true);
    advance(); // a request sent before this answer ended
  }

  /**
   * Closes a connection whose request body was left unread: its side is shut, and what still
   * comes is dropped until the client closes, the body deadline passes or too much came, so the
   * client reads the answer rather than a reset.
   */
  private void linger() {
    state = LINGER;
    deadline = System.nanoTime() + Math.min(server.bodyTimeoutNanos, 5_000_000_000L);
    try {
      ch.shutdownOutput();
    } catch (IOException e) {
      fail();
      return;
    }
    interest(SelectionKey.OP_READ, true);
  }

  private void releaseBody() {
    server.releaseBody(bodyHeld);
    bodyHeld = 0;
  }

  void sweep(long now) {
    if (state == CLOSED) {
      return;
    }
    boolean stuck;
    lock.lock();
    try {
      stuck = queued > 0 && now - lastProgress > writeTimeoutNanos;
    } finally {
      lock.unlock();
    }
    if (stuck) {
      fail(); // the client took nothing of its answer for the write timeout
      return;
    }
    if (deadline == 0 || now - deadline < 0) {
      return;
    }
    switch (state) {
      case HEAD -> refuse(408, "Request timeout: the request line and headers did not arrive"
          + " within " + server.headerTimeoutNanos / 1_000_000L + " ms"
          + " (McpHttpServer.Builder.headerReadTimeout)");
      case BODY -> refuseCall(408, "Request timeout: the request body did not arrive within "
          + server.bodyTimeoutMillis + " ms (McpHttpOptions.bodyReadTimeout)");
      default -> fail(); // idle, or lingering
    }
  }

  private void interest(int op, boolean on) {
    if (!key.isValid()) {
      return;
    }
    int ops = key.interestOps();
    int next = on ? ops | op : ops & ~op;
    if (next != ops) {
      key.interestOps(next);
    }
  }

  // ------------------------------------------------------------------ writing (any thread)

  /**
   * Sends {@code bytes} (never reused by the caller): what the socket takes is written at once,
   * the rest as the client reads.
   *
   * @param last whether the answer ends with them
   * @return false when the connection is gone
   */
  boolean send(byte[] bytes, boolean last) {
    boolean done = false;
    boolean gone = false;
    lock.lock();
    try {
      if (failed) {
        return false;
      }
      ByteBuffer b = ByteBuffer.wrap(bytes);
      if (out == null || out.isEmpty()) {
        try {
          ch.write(b);
          lastProgress = System.nanoTime();
        } catch (IOException e) {
          failed = true;
          gone = true;
        }
      }
      if (!gone) {
        if (b.hasRemaining()) {
          if (out == null) {
            out = new ArrayDeque<>(4);
          }
          if (queued == 0) {
            lastProgress = System.nanoTime();
          }
          out.add(b);
          queued += b.remaining();
          if (!writeInterest) {
            writeInterest = true;
            if (server.onSelectingThread()) {
              interest(SelectionKey.OP_WRITE, true);
            } else {
              server.execute(() -> {
                if (state != CLOSED) {
                  interest(SelectionKey.OP_WRITE, true);
                }
              });
            }
          }
        }
        if (last) {
          ending = true;
          done = lastByteWritten();
        }
      }
    } finally {
      lock.unlock();
    }
    if (gone) {
      abort();
      return false;
    }
    if (done) {
      server.execute(this::answered);
    }
    return true;
  }

  /** Under the lock: whether the answer's last byte was written just now (true once per answer). */
  private boolean lastByteWritten() {
    if (ending && queued == 0 && !endSeen) {
      endSeen = true;
      return true;
    }
    return false;
  }

  void onWritable() {
    boolean fire = false;
    boolean done = false;
    lock.lock();
    try {
      if (out != null) {
        try {
          while (!out.isEmpty()) {
            ByteBuffer b = out.peek();
            int w = ch.write(b);
            if (w > 0) {
              queued -= w;
              lastProgress = System.nanoTime();
            }
            if (b.hasRemaining()) {
              break;
            }
            out.poll();
          }
        } catch (IOException e) {
          failed = true;
        }
      }
      if (!failed && queued == 0) {
        writeInterest = false;
        interest(SelectionKey.OP_WRITE, false);
        drained.signalAll();
        fire = wantWritable;
        wantWritable = false;
        done = lastByteWritten();
      }
    } finally {
      lock.unlock();
    }
    if (failed) {
      fail();
      return;
    }
    NioHttpCall c = call;
    if (fire && c != null) {
      c.canWrite();
    }
    if (done) {
      answered();
    }
  }

  /**
   * An event stream ended: what it left unwritten gets {@link NioHttpServer#END_GRACE_MILLIS} of
   * the client taking nothing before the connection is dropped (a stream often ends because its
   * client stopped reading).
   */
  void streamEnded() {
    lock.lock();
    try {
      writeTimeoutNanos = NioHttpServer.END_GRACE_MILLIS * 1_000_000L;
    } finally {
      lock.unlock();
    }
  }

  /** Whether a detached answer may write now; if not, {@code writable} follows when it may. */
  boolean writableOrWatch() {
    lock.lock();
    try {
      if (failed || queued < NioHttpServer.HIGH_WATER) {
        return true;
      }
      wantWritable = true;
      return false;
    } finally {
      lock.unlock();
    }
  }

  /** Waits until every byte sent is written (a blocking answer's flush). */
  void awaitDrained() throws IOException {
    lock.lock();
    try {
      long nanos = TimeUnit.MILLISECONDS.toNanos(NioHttpServer.WRITE_TIMEOUT_MILLIS);
      while (queued > 0 && !failed) {
        if (nanos <= 0) {
          failed = true;
          break;
        }
        nanos = drained.awaitNanos(nanos);
      }
      if (failed) {
        throw new IOException("the connection is closed");
      }
    } catch (InterruptedException e) {
      failed = true;
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while the client read the answer");
    } finally {
      lock.unlock();
      if (failed) {
        abort();
      }
    }
  }

  // ------------------------------------------------------------------ closing

  /** Drops the connection without more writing; any thread, idempotent. */
  void abort() {
    stopWriting(false);
    if (server.onSelectingThread()) {
      fail();
    } else {
      server.execute(this::fail);
    }
  }

  /** Closes the connection; on the selecting thread. */
  void fail() {
    if (state == CLOSED) {
      return;
    }
    state = CLOSED;
    stopWriting(true);
    try {
      key.cancel();
      ch.close();
    } catch (IOException | RuntimeException e) {
      // closing
    }
    releaseBody();
    body = null;
    dropIn();
    server.closed(this);
    NioHttpCall c = call;
    call = null;
    if (c != null) {
      c.connectionGone();
    }
  }

  private void close() {
    fail();
  }

  /** Marks the write side failed, waking a writer waiting for the client; drops what is queued. */
  private void stopWriting(boolean drop) {
    lock.lock();
    try {
      failed = true;
      if (drop) {
        out = null;
        queued = 0;
      }
      drained.signalAll();
    } finally {
      lock.unlock();
    }
  }
}
