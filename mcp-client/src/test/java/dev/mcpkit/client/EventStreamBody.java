package dev.mcpkit.client;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/** An SSE response body written as the test pushes events; ends on {@link #end()} or after 30 s. */
final class EventStreamBody implements MockResponseBody {
  private static final String END = "\u0000end";
  /** Streams not yet ended, so a server's teardown can end those a test did not. */
  private static final Set<EventStreamBody> OPEN = ConcurrentHashMap.newKeySet();
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

  EventStreamBody() {
    OPEN.add(this);
  }

  /** Ends every stream still open (a reconnect can open one after the test ended its own). */
  static void endAll() {
    for (EventStreamBody body : OPEN) {
      body.end();
    }
  }

  void push(String event) {
    events.add(event);
  }

  void end() {
    OPEN.remove(this);
    events.add(END);
  }

  @Override
  public long getContentLength() {
    return -1;
  }

  @Override
  public void writeTo(BufferedSink sink) throws IOException {
    try {
      while (true) {
        String e = events.poll(30, TimeUnit.SECONDS);
        if (e == null || e.equals(END)) {
          return;
        }
        sink.writeUtf8(e).writeUtf8("\n\n");
        sink.flush();
      }
    } catch (InterruptedException ex) {
      Thread.currentThread().interrupt();
    }
  }
}
