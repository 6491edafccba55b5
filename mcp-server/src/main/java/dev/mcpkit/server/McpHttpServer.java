package dev.mcpkit.server;

import com.sun.net.httpserver.HttpServer;
import dev.mcpkit.core.engine.internal.Threads;
import dev.mcpkit.core.jsonrpc.ErrorCodes;
import dev.mcpkit.server.internal.http.AddressLimit;
import dev.mcpkit.server.internal.http.HttpResponses;
import dev.mcpkit.server.internal.http.JdkHttpCall;
import dev.mcpkit.server.internal.http.McpHttpHandler;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ExecutorService;

/**
 * An MCP server over HTTP on the JDK's built-in {@code com.sun.net.httpserver}: no dependency
 * beyond the JDK. Requests run on virtual threads on Java 21+, and an open event stream holds no
 * thread there: its events are written by a virtual thread started when there is something to
 * write. On 17 requests run on a bounded pool of platform threads and an open event stream holds
 * one of them: streams beyond three quarters of {@link Builder#maxThreads} are refused with 503
 * there, so requests always find a thread.
 *
 * <pre>{@code
 * McpHttpServer http = McpHttpServer.start(server, 8080);   // http://127.0.0.1:8080/mcp
 * ...
 * http.close();                                             // finishes calls in flight first
 * }</pre>
 *
 * <p>The JDK server reads its socket settings from JVM-wide system properties, which this class
 * leaves alone; start the JVM with {@code -Dsun.net.httpserver.nodelay=true}, or small responses
 * wait for Nagle's algorithm (about 40 ms each on Linux). A server started without it logs so once.
 * See docs/SERVER.md for the other JDK options (request time limits, idle connections).
 */
public final class McpHttpServer implements Closeable {
  private final HttpServer server;
  private final ExecutorService executor;
  private final McpHttpHandler handler;
  private final McpHttpOptions options;
  private final String host;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  private McpHttpServer(HttpServer server, ExecutorService executor, McpHttpHandler handler,
      McpHttpOptions options, String host) {
    this.server = server;
    this.executor = executor;
    this.handler = handler;
    this.options = options;
    this.host = host;
  }

  /**
   * Serves {@code server} at {@code http://127.0.0.1:<port>/mcp} with default options.
   *
   * @param port the port, or 0 for any free port (see {@link #port()})
   */
  public static McpHttpServer start(McpServer server, int port) {
    return builder().port(port).endpoint(McpEndpoint.at("/mcp", server)).start();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The port the server listens on. */
  public int port() {
    return server.getAddress().getPort();
  }

  /** {@code http://host:port}, for building URLs. */
  public URI baseUri() {
    return URI.create("http://" + host + ":" + port());
  }

  /** The full URL of an endpoint (a secret, for capability URLs). */
  public URI url(McpEndpoint endpoint) {
    return URI.create(baseUri() + endpoint.path());
  }

  /** The URL of the first endpoint. */
  public URI url() {
    return url(handler.endpoints().get(0));
  }

  /** Starts serving another endpoint. */
  public void addEndpoint(McpEndpoint endpoint) {
    handler.addEndpoint(endpoint);
  }

  /** Stops serving an endpoint; its path gets 404. */
  public boolean removeEndpoint(McpEndpoint endpoint) {
    return handler.removeEndpoint(endpoint);
  }

  public List<McpEndpoint> endpoints() {
    return handler.endpoints();
  }

  /**
   * How many Server-Sent Event streams (responses to a POST, GET streams, listen streams, legacy
   * SSE connections) are open in this JVM, on every server and servlet adapter: each holds memory
   * and a connection. A stream counts until it is closed or a write to it fails.
   */
  public static long openEventStreams() {
    return dev.mcpkit.server.internal.http.SseChannel.openCount();
  }

  /** Sessions currently served. */
  public int sessionCount() {
    return handler.sessionCount();
  }

  /** Event streams open now (GET streams, legacy SSE, {@code subscriptions/listen}). */
  public int openStreamCount() {
    return handler.openStreamCount();
  }

  /**
   * Stops: new requests get 503, calls in flight get the grace period to finish, then everything
   * still running is cancelled and the port is closed. Idempotent.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    handler.shutdown(options.shutdownGracePeriod());
    server.stop(0);
    executor.shutdownNow();
  }

  @Override
  public String toString() {
    return "McpHttpServer[" + baseUri() + ", " + handler.endpoints() + "]";
  }

  /** Builds and starts an {@link McpHttpServer}. */
  public static final class Builder {
    private InetAddress address = InetAddress.getLoopbackAddress();
    private int port;
    private final List<McpEndpoint> endpoints = new ArrayList<>();
    private McpHttpOptions options = McpHttpOptions.defaults();
    private int maxThreads = 200;
    private int backlog = 128;
    private Duration headerReadTimeout = Duration.ofSeconds(10);
    private int maxRequestsPerAddress;

    private Builder() {}

    /**
     * The address to bind (default loopback; a local server should stay on loopback). On a
     * loopback address, endpoints serve the explorer page to browsers unless they refuse it
     * ({@link McpEndpoint.Builder#noExplorerPage()}); elsewhere only where they ask for it.
     */
    public Builder address(InetAddress address) {
      this.address = Objects.requireNonNull(address, "address");
      return this;
    }

    /** The port, or 0 (the default) for any free port. */
    public Builder port(int port) {
      if (port < 0 || port > 65535) {
        throw new IllegalArgumentException("port must be 0 to 65535, got " + port);
      }
      this.port = port;
      return this;
    }

    public Builder endpoint(McpEndpoint endpoint) {
      endpoints.add(Objects.requireNonNull(endpoint, "endpoint"));
      return this;
    }

    public Builder options(McpHttpOptions options) {
      this.options = Objects.requireNonNull(options, "options");
      return this;
    }

    /** Threads serving requests and streams on Java 17 (default 200); unused on 21+. */
    public Builder maxThreads(int max) {
      if (max < 2) {
        throw new IllegalArgumentException("maxThreads must be at least 2, got " + max);
      }
      this.maxThreads = max;
      return this;
    }

    /**
     * On Java 17, the time a client has to send its request line and headers once its first byte
     * arrived (default 10 s); then its connection is closed. While every thread is busy and
     * requests wait, a client gets at most 250 ms. (The JDK server reads headers on a pool
     * thread before any handler runs, so without this a client sending one byte a second holds a
     * thread.) Unused on 21+, where such a client holds only a virtual thread.
     */
    public Builder headerReadTimeout(Duration timeout) {
      Objects.requireNonNull(timeout, "timeout");
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("headerReadTimeout must be positive, got " + timeout);
      }
      this.headerReadTimeout = timeout;
      return this;
    }

    /**
     * Requests, open event streams included, that one client address may have running at once;
     * beyond, 429 with {@code Retry-After: 1}. A request counts until its answer is complete, a
     * stream until it ends. On 17 each holds a thread of this server, so one address cannot take
     * every thread; on 21+ a request holds a virtual thread and a stream none. Default: three
     * quarters of {@link #maxThreads} on Java 17 (150, as many as may hold streams), 5,000 on 21+.
     * Clients on this machine (loopback addresses) are not limited per address, since they all
     * share one; every client behind a proxy shares the proxy's address: raise the limit there.
     */
    public Builder maxRequestsPerAddress(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxRequestsPerAddress must be at least 1, got " + max);
      }
      this.maxRequestsPerAddress = max;
      return this;
    }

    /**
     * Binds and starts serving.
     *
     * @throws UncheckedIOException when the port cannot be bound
     */
    public McpHttpServer start() {
      if (endpoints.isEmpty()) {
        throw new IllegalStateException("McpHttpServer needs at least one endpoint: call"
            + " endpoint(McpEndpoint.at(\"/mcp\", server))");
      }
      boolean virtual = Threads.hasVirtualThreads();
      // on 17 each open stream holds a pool thread: keep a quarter of them for requests
      int streamThreads = virtual ? Integer.MAX_VALUE : maxThreads - Math.max(1, maxThreads / 4);
      // the explorer page is on by default only where nobody else can reach it
      McpHttpHandler handler = new McpHttpHandler(options, endpoints,
          address.isLoopbackAddress(), streamThreads, "on Java 17 each stream holds a thread:"
              + " three quarters of McpHttpServer.Builder.maxThreads; run on Java 21+ for more");
      noteNoDelay();
      HttpServer server;
      try {
        server = HttpServer.create(new InetSocketAddress(address, port), backlog);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot listen on " + address.getHostAddress() + ":" + port
            + ": " + e.getMessage(), e);
      }
      ExecutorService executor = executor(maxThreads, headerReadTimeout.toMillis());
      server.setExecutor(executor);
      AddressLimit perAddress = new AddressLimit(maxRequestsPerAddress > 0 ? maxRequestsPerAddress
          : virtual ? 5_000 : Math.max(1, maxThreads * 3 / 4));
      server.createContext("/", exchange -> {
        if (!dev.mcpkit.server.internal.http.ElasticPool.handlerStarts()) {
          exchange.close(); // its header deadline ran out: the connection is being closed
          return;
        }
        // on 21+ an event stream's writes run on a virtual thread started when there is
        // something to write: an idle stream holds no thread, not even a parked virtual one
        JdkHttpCall call = new JdkHttpCall(exchange, virtual ? executor : null);
        handler.watchDrains(call);
        // clients on this machine share its loopback address: they get the server-wide limits
        InetSocketAddress remote = exchange.getRemoteAddress();
        String client = remote == null || remote.getAddress() == null
            || remote.getAddress().isLoopbackAddress() ? null : remote.getAddress().getHostAddress();
        if (client != null && !perAddress.enter(client)) {
          call.setHeader("Retry-After", "1");
          HttpResponses.error(call, 429, null, ErrorCodes.INTERNAL_ERROR, "Too many requests: this"
              + " address already has " + perAddress.max() + " requests and streams open at this"
              + " server, the most one address may (McpHttpServer.Builder.maxRequestsPerAddress);"
              + " retry when one of them ends");
          return;
        }
        if (client != null) {
          // counted until the answer is complete (an event stream: until it ends), so a client
          // that sends its next request on receiving an answer is never refused for it
          call.whenEnded(() -> perAddress.exit(client));
        }
        try {
          handler.handle(call);
        } finally {
          call.servingThreadReturns();
        }
      });
      server.start();
      String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]"
          : address.getHostAddress();
      return new McpHttpServer(server, executor, handler, options, host);
    }

    private static final java.util.concurrent.atomic.AtomicBoolean NOTED =
        new java.util.concurrent.atomic.AtomicBoolean();

    private static void noteNoDelay() {
      if (System.getProperty("sun.net.httpserver.nodelay") == null
          && NOTED.compareAndSet(false, true)) {
        org.slf4j.LoggerFactory.getLogger(McpHttpServer.class).info("-Dsun.net.httpserver.nodelay"
            + "=true is not set: small responses may wait about 40 ms for Nagle's algorithm");
      }
    }

    private static ExecutorService executor(int maxThreads, long headerTimeoutMillis) {
      if (Threads.hasVirtualThreads()) {
        return Threads.newExecutor("mcp-http", maxThreads);
      }
      return dev.mcpkit.server.internal.http.ElasticPool.forJdkServer(maxThreads,
          headerTimeoutMillis, 250);
    }
  }
}
