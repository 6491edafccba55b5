package dev.mcpkit.benchmarks.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Many open event streams from one thread: non-blocking sockets that each send a GET for the
 * legacy SSE stream and then only read, watching for two markers (the {@code endpoint} event that
 * says the stream is open, and a {@code list_changed} notification).
 */
final class StreamClients implements AutoCloseable {
  private static final String OPEN = "event: endpoint";
  private static final String CHANGED = "list_changed";

  private final Selector selector = Selector.open();
  private final List<Conn> conns = new ArrayList<>();
  private final ByteBuffer buf = ByteBuffer.allocateDirect(16 * 1024);
  private final int port;
  private final byte[] request;
  /** Connections that could not be made. */
  int failed;
  /** Streams the server refused (503 when at its stream limit). */
  int refused;

  private static final class Conn {
    SocketChannel channel;
    String tail = "";
    boolean open;
    boolean closed;
    long changedAt;
  }

  StreamClients(int port, String path) throws IOException {
    this.port = port;
    this.request = ("GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1:" + port
        + "\r\nAccept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
  }

  /** Opens {@code count} more streams, {@code batch} at a time; returns how many are open. */
  int open(int count, int batch, long timeoutMillis) throws IOException {
    long deadline = System.currentTimeMillis() + timeoutMillis;
    int started = 0;
    while (started < count && System.currentTimeMillis() < deadline) {
      int n = Math.min(batch, count - started);
      for (int i = 0; i < n; i++) {
        Conn c = new Conn();
        c.channel = SocketChannel.open();
        try {
          c.channel.socket().connect(new InetSocketAddress("127.0.0.1", port), 10_000);
          c.channel.write(ByteBuffer.wrap(request));
        } catch (IOException e) {
          c.channel.close();
          failed++;
          continue;
        }
        c.channel.configureBlocking(false);
        c.channel.register(selector, SelectionKey.OP_READ, c);
        conns.add(c);
      }
      if (failed > 100) {
        break; // the server takes no more connections
      }
      started += n;
      long batchDeadline = Math.min(deadline, System.currentTimeMillis() + 30_000);
      while (pendingOpens() > 0 && System.currentTimeMillis() < batchDeadline) {
        poll(100);
      }
    }
    return openCount();
  }

  private int pendingOpens() {
    int n = 0;
    for (Conn c : conns) {
      if (!c.open && !c.closed) {
        n++;
      }
    }
    return n;
  }

  int openCount() {
    int n = 0;
    for (Conn c : conns) {
      if (c.open && !c.closed) {
        n++;
      }
    }
    return n;
  }

  /**
   * Reads until every open stream saw a {@code list_changed} sent after {@code sentAt} (or the
   * timeout); returns the nanoseconds from {@code sentAt} to the last one, and how many got it.
   */
  long[] awaitChanged(long sentAt, long timeoutMillis) throws IOException {
    long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
    while (System.nanoTime() < deadline) {
      int waiting = 0;
      for (Conn c : conns) {
        if (c.open && !c.closed && c.changedAt == 0) {
          waiting++;
        }
      }
      if (waiting == 0) {
        break;
      }
      poll(50);
    }
    long last = 0;
    long got = 0;
    for (Conn c : conns) {
      if (c.changedAt != 0) {
        got++;
        last = Math.max(last, c.changedAt - sentAt);
      }
    }
    return new long[] {last, got};
  }

  /** Reads what has arrived for up to {@code millis}. */
  void poll(long millis) throws IOException {
    if (selector.select(millis) == 0) {
      return;
    }
    for (SelectionKey key : selector.selectedKeys()) {
      Conn c = (Conn) key.attachment();
      buf.clear();
      int n;
      try {
        n = c.channel.read(buf);
      } catch (IOException e) {
        n = -1;
      }
      if (n < 0) {
        c.closed = true;
        key.cancel();
        c.channel.close();
        continue;
      }
      buf.flip();
      byte[] bytes = new byte[buf.remaining()];
      buf.get(bytes);
      String text = c.tail + new String(bytes, StandardCharsets.UTF_8);
      if (!c.open && c.tail.isEmpty() && text.startsWith("HTTP/1.1 ")
          && !text.startsWith("HTTP/1.1 200")) {
        refused++;
        c.closed = true;
        key.cancel();
        c.channel.close();
        continue;
      }
      if (!c.open && text.contains(OPEN)) {
        c.open = true;
      }
      if (c.open && c.changedAt == 0 && text.contains(CHANGED)) {
        c.changedAt = System.nanoTime();
      }
      c.tail = text.length() > 32 ? text.substring(text.length() - 32) : text;
    }
    selector.selectedKeys().clear();
  }

  @Override
  public void close() throws IOException {
    for (Conn c : conns) {
      c.channel.close();
    }
    selector.close();
  }
}
