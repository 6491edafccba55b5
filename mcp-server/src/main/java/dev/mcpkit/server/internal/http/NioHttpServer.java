package dev.mcpkit.server.internal.http;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.CancelledKeyException;
import java.nio.channels.ClosedSelectorException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An HTTP/1.1 server on non-blocking sockets, for {@code McpHttpServer}. One thread selects: it
 * accepts connections, reads request heads and bodies, writes what a response's writer could not
 * write at once, and keeps every deadline. Nothing waits on a thread: an idle connection, a
 * client sending slowly and an open event stream each cost only their connection's state, and a
 * client that goes away is noticed when its connection closes. A request whose head and body are
 * in is served on the executor ({@link Service#serve}); its answer is written without blocking,
 * and event streams are detached ({@link HttpCall#detach}) so their thread returns.
 *
 * <p>Limits: a request head (line and fields) of {@value #MAX_HEAD_BYTES} bytes and {@value
 * #MAX_HEADERS} fields; the head within the header deadline of its first byte, the body within
 * the body deadline of the head; an idle connection {@value #IDLE_MILLIS} ms; a client that takes
 * nothing of a pending answer for {@value #WRITE_TIMEOUT_MILLIS} ms is dropped; request heads and
 * bodies held at once, a quarter of the heap; connections in all and per client address.
 */
public final class NioHttpServer implements Closeable {
  static final Logger LOG = LoggerFactory.getLogger(NioHttpServer.class);
  static final int MAX_HEAD_BYTES = 16 * 1024;
  static final int MAX_HEADERS = 100;
  static final long IDLE_MILLIS = 30_000;
  static final long WRITE_TIMEOUT_MILLIS = 30_000;
  /** How long an ended event stream's unwritten rest waits for a client that takes nothing. */
  static final long END_GRACE_MILLIS = 5_000;
  /** Unwritten bytes past which a detached answer is not writable. */
  static final int HIGH_WATER = 64 * 1024;
  private static final long SWEEP_MILLIS = 250;
  /** The most of a refused body dropped before its connection is closed. */
  private static final long LINGER_BYTES = 8L * 1024 * 1024;

  /** What the server serves. */
  public interface Service {
    /**
     * On the selecting thread, once a request's head is in: whether the request is refused from
     * its head alone, so that its body is not read first. Must not block.
     */
    boolean refusesFromHeaders(HttpCall call);

    /** On the executor: answers the call (the call is closed after, unless detached). */
    void serve(NioHttpCall call);
  }

  private final ServerSocketChannel serverChannel;
  private final Selector selector;
  private final Thread loop;
  private final Executor executor;
  private final Service service;
  final long headerTimeoutNanos;
  final long bodyTimeoutNanos;
  final long bodyTimeoutMillis;
  final long maxBodyBytes;
  private final long bodyBudget;
  final int maxConnections;
  private final int maxConnectionsPerAddress;
  /** Connections per client address, loopback ones not counted; the selecting thread's. */
  private final java.util.Map<java.net.InetAddress, int[]> perAddress = new java.util.HashMap<>();
  final AtomicLong heldBodyBytes = new AtomicLong();
  private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
  private final AtomicBoolean woken = new AtomicBoolean();
  private final AtomicLong open = new AtomicLong();
  private volatile boolean running = true;
  private final Set<NioConnection> connections = new HashSet<>(); // selecting thread only
  final ByteBuffer readBuffer = ByteBuffer.allocate(64 * 1024); // selecting thread only
  private final InetSocketAddress local;

  /**
   * Binds and starts selecting.
   *
   * @throws IOException when the address cannot be bound
   */
  public NioHttpServer(InetSocketAddress address, int backlog, Executor executor, Service service,
      long headerTimeoutMillis, long bodyTimeoutMillis, long maxBodyBytes, int maxConnections,
      int maxConnectionsPerAddress) throws IOException {
    this.executor = executor;
    this.service = service;
    this.headerTimeoutNanos = headerTimeoutMillis * 1_000_000L;
    this.bodyTimeoutNanos = bodyTimeoutMillis * 1_000_000L;
    this.bodyTimeoutMillis = bodyTimeoutMillis;
    this.maxBodyBytes = maxBodyBytes;
    this.maxConnections = maxConnections;
    this.maxConnectionsPerAddress = maxConnectionsPerAddress;
    this.bodyBudget = Math.max(16L << 20, Runtime.getRuntime().maxMemory() / 4);
    this.selector = Selector.open();
    this.serverChannel = ServerSocketChannel.open();
    try {
      serverChannel.setOption(StandardSocketOptions.SO_REUSEADDR, true);
      serverChannel.bind(address, backlog);
      serverChannel.configureBlocking(false);
      serverChannel.register(selector, SelectionKey.OP_ACCEPT);
    } catch (IOException | RuntimeException e) {
      serverChannel.close();
      selector.close();
      throw e;
    }
    this.local = (InetSocketAddress) serverChannel.getLocalAddress();
    this.loop = new Thread(this::run, "mcp-http-io-" + local.getPort());
    loop.setDaemon(true);
    loop.start();
  }

  /** The bound address. */
  public InetSocketAddress address() {
    return local;
  }

  /** Connections open now. */
  public long openConnections() {
    return open.get();
  }

  /** Runs {@code task} on the selecting thread. */
  void execute(Runnable task) {
    tasks.add(task);
    wake();
  }

  void wake() {
    if (woken.compareAndSet(false, true)) {
      selector.wakeup();
    }
  }

  boolean onSelectingThread() {
    return Thread.currentThread() == loop;
  }

  /** Hands a request to the executor; false when it refuses (the server is stopping). */
  boolean dispatch(NioHttpCall call) {
    try {
      executor.execute(() -> serve(call));
      return true;
    } catch (RejectedExecutionException e) {
      return false;
    }
  }

  private void serve(NioHttpCall call) {
    try {
      service.serve(call);
    } catch (RuntimeException e) {
      LOG.warn("failed to serve a request", e);
    } finally {
      call.servingThreadReturns();
    }
  }

  boolean refusesFromHeaders(NioHttpCall call) {
    try {
      return service.refusesFromHeaders(call);
    } catch (RuntimeException e) {
      return true; // answered (and refused) by the handler, with the body left unread
    }
  }

  /** Takes {@code bytes} of the budget for bodies held at once; false when it is spent. */
  boolean holdBody(long bytes) {
    if (heldBodyBytes.addAndGet(bytes) > bodyBudget) {
      heldBodyBytes.addAndGet(-bytes);
      return false;
    }
    return true;
  }

  void releaseBody(long bytes) {
    if (bytes > 0) {
      heldBodyBytes.addAndGet(-bytes);
    }
  }

  private void run() {
    long nextSweep = System.nanoTime() + SWEEP_MILLIS * 1_000_000L;
    while (running) {
      try {
        selector.select(SWEEP_MILLIS);
      } catch (ClosedSelectorException e) {
        break;
      } catch (IOException e) {
        LOG.warn("selecting failed: {}", e.toString());
      }
      woken.set(false);
      Runnable task;
      while ((task = tasks.poll()) != null) {
        try {
          task.run();
        } catch (RuntimeException e) {
          LOG.warn("an I/O task failed", e);
        }
      }
      if (!running) {
        break;
      }
      Set<SelectionKey> keys = selector.selectedKeys();
      for (SelectionKey key : keys) {
        Object attachment = key.attachment();
        if (attachment == null) {
          accept();
          continue;
        }
        NioConnection c = (NioConnection) attachment;
        try {
          int ready = key.readyOps();
          if ((ready & SelectionKey.OP_WRITE) != 0) {
            c.onWritable();
          }
          if ((ready & SelectionKey.OP_READ) != 0 && key.isValid()) {
            c.onReadable();
          }
        } catch (CancelledKeyException e) {
          c.fail();
        } catch (RuntimeException e) {
          LOG.warn("a connection failed", e);
          c.fail();
        }
      }
      keys.clear();
      long now = System.nanoTime();
      if (now - nextSweep >= 0) {
        nextSweep = now + SWEEP_MILLIS * 1_000_000L;
        for (NioConnection c : new ArrayList<>(connections)) {
          try {
            c.sweep(now);
          } catch (RuntimeException e) {
            LOG.warn("a connection failed", e);
            c.fail();
          }
        }
      }
    }
    for (NioConnection c : new ArrayList<>(connections)) {
      c.fail();
    }
    try {
      serverChannel.close();
      selector.close();
    } catch (IOException e) {
      // closing
    }
  }

  private static final byte[] BUSY = ("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 1\r\n"
      + "Content-Type: text/plain\r\nContent-Length: 63\r\nConnection: close\r\n\r\n"
      + "Service unavailable: too many connections are open; retry in 1s").getBytes(
          StandardCharsets.US_ASCII);

  private void accept() {
    for (int i = 0; i < 256; i++) {
      SocketChannel ch;
      try {
        ch = serverChannel.accept();
      } catch (IOException e) {
        LOG.debug("accept failed: {}", e.toString());
        return;
      }
      if (ch == null) {
        return;
      }
      try {
        ch.configureBlocking(false);
        ch.setOption(StandardSocketOptions.TCP_NODELAY, true);
        if (connections.size() >= maxConnections) {
          ch.write(ByteBuffer.wrap(BUSY)); // the most a full server says; never waits
          ch.close();
          continue;
        }
        NioConnection c = new NioConnection(this, ch);
        java.net.InetAddress from = c.remote == null ? null : c.remote.getAddress();
        if (from != null && !from.isLoopbackAddress()) {
          int[] count = perAddress.computeIfAbsent(from, a -> new int[1]);
          if (count[0] >= maxConnectionsPerAddress) {
            ch.write(ByteBuffer.wrap(tooMany(maxConnectionsPerAddress)));
            ch.close();
            continue;
          }
          count[0]++;
          c.counted = from;
        }
        c.key = ch.register(selector, SelectionKey.OP_READ, c);
        connections.add(c);
        open.incrementAndGet();
      } catch (IOException | RuntimeException e) {
        try {
          ch.close();
        } catch (IOException ignored) {
          // gone
        }
      }
    }
  }

  /** Called by a connection as it closes, on the selecting thread. */
  void closed(NioConnection c) {
    if (connections.remove(c)) {
      open.decrementAndGet();
    }
    if (c.counted != null) {
      int[] count = perAddress.get(c.counted);
      if (count != null && --count[0] <= 0) {
        perAddress.remove(c.counted);
      }
      c.counted = null;
    }
  }

  private static byte[] tooMany(int limit) {
    String text = "Too many connections from this address: the limit is " + limit
        + " (McpHttpServer.Builder.maxConnectionsPerAddress); retry in 1s";
    return ("HTTP/1.1 429 Too Many Requests\r\nRetry-After: 1\r\nContent-Type: text/plain\r\n"
        + "Content-Length: " + text.length() + "\r\nConnection: close\r\n\r\n" + text)
        .getBytes(StandardCharsets.US_ASCII);
  }

  /** Stops accepting and closes every connection; idempotent. */
  @Override
  public void close() {
    if (!running) {
      return;
    }
    running = false;
    selector.wakeup();
    try {
      loop.join(5_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  // --- the Date header, once a second

  private static volatile String date = "";
  private static volatile long dateSecond = -1;

  static String date() {
    long second = System.currentTimeMillis() / 1000;
    if (second != dateSecond) {
      date = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(
          java.time.ZonedDateTime.ofInstant(java.time.Instant.ofEpochSecond(second),
              java.time.ZoneOffset.UTC));
      dateSecond = second;
    }
    return date;
  }

  static String reason(int status) {
    return switch (status) {
      case 100 -> "Continue";
      case 200 -> "OK";
      case 201 -> "Created";
      case 202 -> "Accepted";
      case 204 -> "No Content";
      case 301 -> "Moved Permanently";
      case 302 -> "Found";
      case 304 -> "Not Modified";
      case 400 -> "Bad Request";
      case 401 -> "Unauthorized";
      case 403 -> "Forbidden";
      case 404 -> "Not Found";
      case 405 -> "Method Not Allowed";
      case 406 -> "Not Acceptable";
      case 408 -> "Request Timeout";
      case 409 -> "Conflict";
      case 413 -> "Content Too Large";
      case 414 -> "URI Too Long";
      case 415 -> "Unsupported Media Type";
      case 417 -> "Expectation Failed";
      case 422 -> "Unprocessable Content";
      case 429 -> "Too Many Requests";
      case 431 -> "Request Header Fields Too Large";
      case 500 -> "Internal Server Error";
      case 501 -> "Not Implemented";
      case 503 -> "Service Unavailable";
      case 505 -> "HTTP Version Not Supported";
      default -> "Status";
    };
  }

  long lingerBytes() {
    return LINGER_BYTES;
  }
}
