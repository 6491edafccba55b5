package dev.mcpkit.core.transport;

import dev.mcpkit.core.jsonrpc.JsonRpcCodec;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import java.io.IOException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Two transports wired to each other in memory, for tests and for running a client and a server in
 * one JVM. Messages are encoded and decoded on the way, as on a wire, and delivered in order on one
 * thread per side. What one side sends before the other has called {@link #start} waits for it.
 */
public final class InMemoryTransport implements McpTransport {
  private final String name;
  private InMemoryTransport peer;
  private final ExecutorService delivery;
  private volatile Listener listener;
  /** Opens when {@link #start} is called (or the transport closes); delivery waits for it. */
  private final CountDownLatch started = new CountDownLatch(1);
  private final AtomicBoolean closed = new AtomicBoolean();

  private InMemoryTransport(String name) {
    this.name = name;
    this.delivery = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "mcp-in-memory-" + name);
      t.setDaemon(true);
      return t;
    });
  }

  /** A connected pair: what one sends, the other receives. */
  public static InMemoryTransport[] pair() {
    InMemoryTransport a = new InMemoryTransport("a");
    InMemoryTransport b = new InMemoryTransport("b");
    a.peer = b;
    b.peer = a;
    return new InMemoryTransport[] {a, b};
  }

  @Override
  public void start(Listener listener) {
    if (this.listener != null) {
      throw new IllegalStateException("transport " + name + " already started");
    }
    this.listener = listener;
    started.countDown();
  }

  @Override
  public void send(JsonRpcMessage message) throws IOException {
    if (closed.get() || peer.closed.get()) {
      throw new IOException("in-memory transport " + name + " is closed");
    }
    byte[] wire = JsonRpcCodec.instance().encode(message);
    peer.deliver(wire);
  }

  private void deliver(byte[] wire) throws IOException {
    try {
      delivery.execute(() -> {
        try {
          started.await();
        } catch (InterruptedException e) {
          return;
        }
        Listener l = listener;
        if (l == null || closed.get()) {
          return;
        }
        JsonRpcMessage m;
        try {
          m = JsonRpcCodec.instance().decode(wire);
        } catch (RuntimeException e) {
          l.onError(e);
          return;
        }
        l.onMessage(m);
      });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      throw new IOException("in-memory transport " + name + " is closed", e);
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      started.countDown(); // deliveries waiting for a start that will not come end now
      Listener l = listener;
      delivery.execute(() -> {
        if (l != null) {
          l.onClose(null);
        }
      });
      delivery.shutdown();
      peer.close();
    }
  }
}
