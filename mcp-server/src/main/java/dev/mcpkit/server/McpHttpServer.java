package dev.mcpkit.server;

import dev.mcpkit.core.engine.internal.Threads;
import dev.mcpkit.core.jsonrpc.ErrorCodes;
import dev.mcpkit.server.internal.http.AddressLimit;
import dev.mcpkit.server.internal.http.HttpResponses;
import dev.mcpkit.server.internal.http.McpHttpHandler;
import dev.mcpkit.server.internal.http.NioHttpCall;
import dev.mcpkit.server.internal.http.NioHttpServer;
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
 * An MCP server over HTTP with no dependency beyond the JDK: its own HTTP/1.1 server on
 * non-blocking sockets. One thread reads and writes every connection; requests are served on
 * virtual threads on Java 21+, on a pool of up to {@link Builder#maxThreads} platform threads on 17.
 * Nothing waits on a thread: an idle connection, a client sending its request slowly and an open
 * event stream hold none, on either version, and a client that closes its connection is noticed
 * at once.
 *
 * <pre>{@code
 * McpHttpServer http = McpHttpServer.start(server, 8080);   // http://127.0.0.1:8080/mcp
 * ...
 * http.close();                                             // finishes calls in flight first
 * }</pre>
 *
 * <p>Its limits (request head size, header and body deadlines, idle connections, connections in
 * all and requests per client address) are listed in docs/SERVER.md.
 */
public final class McpHttpServer implements Closeable {
  private final NioHttpServer server;
  private final ExecutorService executor;
  private final McpHttpHandler handler;
  private final McpHttpOptions options;
  private final String host;
  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  private McpHttpServer(NioHttpServer server, ExecutorService executor, McpHttpHandler handler,
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
    return server.address().getPort();
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
    server.close();
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
    private int maxConnections = 20_000;
    private int maxConnectionsPerAddress = 5_000;

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

    /**
     * Platform threads serving requests on Java 17 (default 200): requests beyond wait for one.
     * An open event stream holds none. Unused on 21+, where each request runs on a virtual thread.
     */
    public Builder maxThreads(int max) {
      if (max < 2) {
        throw new IllegalArgumentException("maxThreads must be at least 2, got " + max);
      }
      this.maxThreads = max;
      return this;
    }

    /**
     * The time a client has to send its request line and headers once their first byte arrived
     * (default 10 s); past it the client gets 408 and the connection is closed. The body has
     * {@link McpHttpOptions#bodyReadTimeout()} from the end of the headers.
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
     * Connections open at once (default 20,000); a connection beyond is answered 503 with
     * {@code Retry-After: 1} and closed. Each open event stream is a connection. The process
     * needs as many file descriptors ({@code ulimit -n}).
     */
    public Builder maxConnections(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxConnections must be at least 1, got " + max);
      }
      this.maxConnections = max;
      return this;
    }

    /**
     * Connections one client address may have open at once (default 5,000); beyond, the
     * connection is answered 429 with {@code Retry-After: 1} and closed. Clients on this machine
     * (loopback addresses) are not limited per address; every client behind a proxy shares the
     * proxy's address: raise the limit there.
     */
    public Builder maxConnectionsPerAddress(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxConnectionsPerAddress must be at least 1, got "
            + max);
      }
      this.maxConnectionsPerAddress = max;
      return this;
    }

    /**
     * Requests, open event streams included, that one client address may have running at once
     * (default 5,000); beyond, 429 with {@code Retry-After: 1}. A request counts until its answer
     * is complete, a stream until it ends. Clients on this machine (loopback addresses) are not
     * limited per address, since they all share one; every client behind a proxy shares the
     * proxy's address: raise the limit there.
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
      // the explorer page is on by default only where nobody else can reach it
      McpHttpHandler handler = new McpHttpHandler(options, endpoints,
          address.isLoopbackAddress());
      ExecutorService executor = executor(maxThreads);
      AddressLimit perAddress = new AddressLimit(maxRequestsPerAddress > 0 ? maxRequestsPerAddress
          : 5_000);
      NioHttpServer.Service service = new NioHttpServer.Service() {
        @Override
        public boolean refusesFromHeaders(dev.mcpkit.server.internal.http.HttpCall call) {
          return handler.refusesFromHeaders(call);
        }

        @Override
        public void serve(NioHttpCall call) {
          // clients on this machine share its loopback address: they get the server-wide limits
          String client = call.clientAddress();
          if (client != null && call.fromLoopback()) {
            client = null;
          }
          if (client != null && !perAddress.enter(client)) {
            call.setHeader("Retry-After", "1");
            HttpResponses.error(call, 429, null, ErrorCodes.INTERNAL_ERROR, "Too many requests:"
                + " this address already has " + perAddress.max() + " requests and streams open"
                + " at this server, the most one address may"
                + " (McpHttpServer.Builder.maxRequestsPerAddress); retry when one of them ends");
            return;
          }
          if (client != null) {
            // counted until the answer is complete (an event stream: until it ends), so a
            // client that sends its next request on receiving an answer is never refused for it
            String c = client;
            call.whenEnded(() -> perAddress.exit(c));
          }
          handler.handle(call);
        }
      };
      NioHttpServer server;
      try {
        server = new NioHttpServer(new InetSocketAddress(address, port), backlog, executor,
            service, headerReadTimeout.toMillis(), options.bodyReadTimeout().toMillis(),
            options.maxBodyBytes(), maxConnections, maxConnectionsPerAddress);
      } catch (IOException e) {
        executor.shutdownNow();
        throw new UncheckedIOException("cannot listen on " + address.getHostAddress() + ":" + port
            + ": " + e.getMessage(), e);
      }
      String host = address.getHostAddress().contains(":") ? "[" + address.getHostAddress() + "]"
          : address.getHostAddress();
      return new McpHttpServer(server, executor, handler, options, host);
    }

    private static ExecutorService executor(int maxThreads) {
      if (Threads.hasVirtualThreads()) {
        return Threads.newExecutor("mcp-http", maxThreads);
      }
      // every thread waits on one queue: measured 1.2x the throughput of a pool that hands a task
      // to an idle thread or starts one (fewer threads under load, but more hand-offs)
      java.util.concurrent.ThreadPoolExecutor pool = new java.util.concurrent.ThreadPoolExecutor(
          maxThreads, maxThreads, 30, java.util.concurrent.TimeUnit.SECONDS,
          new java.util.concurrent.LinkedBlockingQueue<>(), Threads.daemonFactory("mcp-http"));
      pool.allowCoreThreadTimeOut(true);
      return pool;
    }
  }
}
