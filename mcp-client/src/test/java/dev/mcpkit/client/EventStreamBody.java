package dev.mcpkit.client;

import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import mockwebserver3.MockResponseBody;
import okio.BufferedSink;

/** An SSE response body written as the test pushes events; ends on {@link #end()} or after 30 s. */
final class EventStreamBody implements MockResponseBody {
  private static final String END = "\u0000end";
  private final BlockingQueue<String> events = new LinkedBlockingQueue<>();

  void push(String event) {
    events.add(event);
  }

  void end() {
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
