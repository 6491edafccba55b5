package dev.mcpkit.server.internal.http;

import dev.mcpkit.core.engine.internal.Threads;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One HTTP response in Server-Sent Events mode. Thread-safe: events from many threads are written
 * whole, one at a time. A failed write closes the channel (the client went away).
 *
 * <p>Where the server writes asynchronously (the embedded server, servlet containers with async
 * support) the channel holds no thread: events wait in a bounded queue and are written when the
 * connection can take them, so a sender never blocks on a slow client, and a client that stops
 * reading for longer than the queue holds loses its stream (and, where the host can, its
 * connection). Elsewhere (a servlet without async support, the answer to a request whose thread
 * stays with it) writes block the sender, and the serving thread waits in {@link #hold} and writes
 * the keep-alives the shared timer asks for.
 */
public final class SseChannel implements StreamEvents {
  private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ID = "id: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EVENT = "event: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RETRY = "retry: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] KEEP_ALIVE = ":\n\n".getBytes(StandardCharsets.US_ASCII);
  /** Channels open in this JVM, on every server and adapter. */
  private static final AtomicLong OPEN = new AtomicLong();
  /** How long a closing stream may take to hand its last events to a client that does not read. */
  private static final long CLOSE_GRACE_MILLIS = 5_000;

  private final HttpCall call;
  private final OutputStream out;
  private final int maxBacklog;
  private boolean unread; // guarded by this: ended because the client does not read
  private final CountDownLatch done = new CountDownLatch(1);
  private final Semaphore keepAliveDue = new Semaphore(0);
  private boolean async;
  private final ArrayDeque<byte[]> queue = new ArrayDeque<>(2);
  private int queuedBytes;
  private boolean needFlush;
  private boolean closing;
  private boolean closed;
  private Runnable onClose;

  private SseChannel(HttpCall call, OutputStream out, int maxBacklog) {
    this.call = call;
    this.out = out;
    this.maxBacklog = maxBacklog;
  }

  /** Answers {@code call} with a long-lived event stream, asynchronously where possible. */
  public static SseChannel open(HttpCall call, int maxBacklogBytes) throws IOException {
    return open(call, maxBacklogBytes, true);
  }

  /**
   * Answers {@code call} with status 200 and an event stream.
   *
   * @param detach whether to write asynchronously where the server can; false for the answer to
   *     a request, whose thread stays with the handler anyway
   */
  public static SseChannel open(HttpCall call, int maxBacklogBytes, boolean detach)
      throws IOException {
    call.setHeader("Content-Type", "text/event-stream");
    call.setHeader("Cache-Control", "no-cache, no-transform");
    call.setHeader("X-Accel-Buffering", "no");
    if (detach) {
      call.streamFollows();
    }
    OutputStream out = call.start(200, -1);
    OPEN.incrementAndGet();
    SseChannel channel = new SseChannel(call, out, maxBacklogBytes);
    // not under the channel's lock: a container may hold its own lock while it tells the channel
    // that it is writable (Tomcat, when a thread of its own finishes the request as another
    // detaches it), and detaching takes that lock; events before the flag is set find nothing
    // queued, or end the channel, which needs no flag
    boolean async = detach && call.detach(channel);
    synchronized (channel) {
      channel.async = async;
    }
    return channel;
  }

  /** Whether the channel holds no thread (the server writes asynchronously). */
  public synchronized boolean isAsync() {
    return async;
  }

  /** Runs {@code action} once when the channel closes (at once if it already has). */
  void onClose(Runnable action) {
    synchronized (this) {
      if (!closed) {
        Runnable before = onClose;
        onClose = before == null ? action : () -> {
          before.run();
          action.run();
        };
        return;
      }
    }
    action.run();
  }

  /**
   * Writes one event.
   *
   * @param id the event id, or null
   * @param event the event type, or null for the default ({@code message})
   * @param data the data, one line (JSON is written compact); empty for a priming event
   * @param retryMillis a reconnection delay to announce, or 0
   * @return false when the channel is closed (the event was not delivered)
   */
  public boolean send(String id, String event, byte[] data, long retryMillis) {
    if (retryMillis > 0 || data.length == 0) {
      return write(null, frame(id, event, data, retryMillis));
    }
    // a broadcast hands every stream the same data: its lines are built once, and only the id
    // line, which differs per stream, is built here
    byte[] body = SharedFrames.body(event, data);
    return write(id == null ? null : idLine(id), body);
  }

  private static byte[] idLine(String id) {
    byte[] value = id.getBytes(StandardCharsets.UTF_8);
    byte[] line = new byte[ID.length + value.length + 1];
    System.arraycopy(ID, 0, line, 0, ID.length);
    System.arraycopy(value, 0, line, ID.length, value.length);
    line[line.length - 1] = '\n';
    return line;
  }

  /** Writes a comment line, which keeps intermediaries from timing out and detects dead peers. */
  public boolean keepAlive() {
    synchronized (this) {
      if (!async && !closed) {
        keepAliveDue.release(); // the thread in hold() writes it
        return true;
      }
      if (!queue.isEmpty()) {
        return !closed; // events are waiting: the connection is not idle
      }
    }
    return write(null, KEEP_ALIVE);
  }

  public synchronized boolean isClosed() {
    return closed || closing;
  }

  /** Writes one event: {@code head} (an id line, or null) then {@code frame}, never apart. */
  private boolean write(byte[] head, byte[] frame) {
    Runnable closedNow;
    synchronized (this) {
      if (closed || closing) {
        return false;
      }
      int size = frame.length + (head == null ? 0 : head.length);
      if (async) {
        if (queuedBytes + size > maxBacklog) {
          unread = true;
          closedNow = finish(); // the client does not read: it can reconnect and resume
        } else {
          if (head != null) {
            queue.add(head);
          }
          queue.add(frame);
          queuedBytes += size;
          closedNow = drain();
        }
      } else {
        try {
          if (head != null) {
            out.write(head);
          }
          out.write(frame);
          call.flush();
          return true;
        } catch (IOException | RuntimeException e) {
          closedNow = finish();
        }
      }
    }
    runClosed(closedNow);
    return closedNow == null;
  }

  /** Writes what the connection takes now; returns the close action when the channel ended. */
  private Runnable drain() {
    try {
      while (true) {
        if (queue.isEmpty()) {
          if (needFlush) {
            if (!call.writable()) {
              return null;
            }
            needFlush = false;
            call.flush();
          }
          if (!call.writable()) {
            return null;
          }
          return closing ? finish() : null;
        }
        if (!call.writable()) {
          return null;
        }
        byte[] next = queue.poll();
        queuedBytes -= next.length;
        out.write(next);
        needFlush = true;
      }
    } catch (IOException | RuntimeException e) {
      return finish();
    }
  }

  @Override
  public void writable() {
    Runnable closedNow;
    synchronized (this) {
      if (closed) {
        return;
      }
      closedNow = drain();
    }
    runClosed(closedNow);
  }

  /** How many event streams are open in this JVM. */
  public static long openCount() {
    return OPEN.get();
  }

  @Override
  public void gone() {
    Runnable closedNow;
    synchronized (this) {
      closedNow = finish();
    }
    runClosed(closedNow);
  }

  /** Ends the response once what is queued is written; idempotent. Wakes up {@link #hold}. */
  public void close() {
    Runnable closedNow;
    synchronized (this) {
      if (closed || closing) {
        return;
      }
      closing = true;
      if (!async) {
        try {
          out.close();
        } catch (IOException | RuntimeException ignored) {
          // the peer is gone
        }
        closedNow = finish();
      } else {
        closedNow = drain();
        if (closedNow == null && !closed) {
          Threads.timer().schedule(this::gone, CLOSE_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        }
      }
    }
    runClosed(closedNow);
  }

  /** Marks the channel closed and ends the call; the returned action runs outside the lock. */
  private Runnable finish() {
    if (closed) {
      return null;
    }
    closed = true;
    OPEN.decrementAndGet();
    closing = true;
    queue.clear();
    queuedBytes = 0;
    if (unread) {
      // a client that does not read gets no end of the response on a kept-alive connection: the
      // connection is dropped (where the host can), and the client reconnects and resumes
      call.abort();
    }
    call.close();
    Runnable action = onClose;
    onClose = null;
    return action == null ? () -> { } : action;
  }

  private void runClosed(Runnable action) {
    if (action != null) {
      done.countDown();
      keepAliveDue.release();
      action.run();
    }
  }

  /**
   * Keeps a blocking channel's serving thread until the channel closes, writing a keep-alive each
   * time the shared timer asks for one. Returns at once for asynchronous channels.
   */
  public void hold() {
    if (isAsync()) {
      return;
    }
    try {
      while (true) {
        keepAliveDue.acquire();
        synchronized (this) {
          if (closed || closing) {
            return;
          }
        }
        if (!write(null, KEEP_ALIVE)) {
          return;
        }
      }
    } catch (InterruptedException e) {
      close();
      Thread.currentThread().interrupt();
    }
  }

  /** Blocks until the channel closes (or the timeout passes); true if closed. */
  public boolean awaitClose(long timeoutMillis) throws InterruptedException {
    return done.await(timeoutMillis, TimeUnit.MILLISECONDS);
  }

  private static byte[] frame(String id, String event, byte[] data, long retryMillis) {
    java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream(data.length + 32);
    if (id != null) {
      b.writeBytes(ID);
      b.writeBytes(id.getBytes(StandardCharsets.UTF_8));
      b.write('\n');
    }
    if (event != null) {
      b.writeBytes(EVENT);
      b.writeBytes(event.getBytes(StandardCharsets.UTF_8));
      b.write('\n');
    }
    if (retryMillis > 0) {
      b.writeBytes(RETRY);
      b.writeBytes(Long.toString(retryMillis).getBytes(StandardCharsets.US_ASCII));
      b.write('\n');
    }
    b.writeBytes(DATA);
    b.writeBytes(data);
    b.write('\n');
    b.write('\n');
    return b.toByteArray();
  }
}
