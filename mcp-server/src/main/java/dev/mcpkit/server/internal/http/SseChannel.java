package dev.mcpkit.server.internal.http;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One HTTP response in Server-Sent Events mode. Thread-safe: events from many threads are written
 * whole, one at a time. A failed write closes the channel (the client went away).
 */
public final class SseChannel {
  private static final byte[] DATA = "data: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] ID = "id: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] EVENT = "event: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] RETRY = "retry: ".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] KEEP_ALIVE = ":\n\n".getBytes(StandardCharsets.US_ASCII);
  /** Channels open in this JVM, on every server and adapter. */
  private static final AtomicLong OPEN = new AtomicLong();

  private final HttpCall call;
  private final OutputStream out;
  private final CountDownLatch done = new CountDownLatch(1);
  private boolean closed;

  private SseChannel(HttpCall call, OutputStream out) {
    this.call = call;
    this.out = out;
  }

  /** Answers {@code call} with status 200 and an event stream. */
  public static SseChannel open(HttpCall call) throws IOException {
    call.setHeader("Content-Type", "text/event-stream");
    call.setHeader("Cache-Control", "no-cache, no-transform");
    call.setHeader("X-Accel-Buffering", "no");
    OutputStream out = call.start(200, -1);
    OPEN.incrementAndGet();
    return new SseChannel(call, out);
  }

  /**
   * Writes one event and flushes it.
   *
   * @param id the event id, or null
   * @param event the event type, or null for the default ({@code message})
   * @param data the data, one line (JSON is written compact); empty for a priming event
   * @param retryMillis a reconnection delay to announce, or 0
   * @return false when the channel is closed (the event was not delivered)
   */
  public synchronized boolean send(String id, String event, byte[] data, long retryMillis) {
    if (closed) {
      return false;
    }
    try {
      if (id != null) {
        out.write(ID);
        out.write(id.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      }
      if (event != null) {
        out.write(EVENT);
        out.write(event.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      }
      if (retryMillis > 0) {
        out.write(RETRY);
        out.write(Long.toString(retryMillis).getBytes(StandardCharsets.US_ASCII));
        out.write('\n');
      }
      out.write(DATA);
      out.write(data);
      out.write('\n');
      out.write('\n');
      call.flush();
      return true;
    } catch (IOException | RuntimeException e) {
      close();
      return false;
    }
  }

  /** Writes a comment line, which keeps intermediaries from timing out and detects dead peers. */
  public synchronized boolean keepAlive() {
    if (closed) {
      return false;
    }
    try {
      out.write(KEEP_ALIVE);
      call.flush();
      return true;
    } catch (IOException | RuntimeException e) {
      close();
      return false;
    }
  }

  public synchronized boolean isClosed() {
    return closed;
  }

  /** Ends the response; idempotent. Wakes up {@link #awaitClose}. */
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
      OPEN.decrementAndGet();
      try {
        out.close();
      } catch (IOException | RuntimeException ignored) {
        // the peer is gone
      }
      call.close();
    }
    done.countDown();
  }

  /** How many event streams are open in this JVM. */
  public static long openCount() {
    return OPEN.get();
  }

  /** Blocks the serving thread until the channel closes (or the timeout passes); true if closed. */
  public boolean awaitClose(long timeoutMillis) throws InterruptedException {
    return done.await(timeoutMillis, TimeUnit.MILLISECONDS);
  }
}
