package dev.mcpkit.examples.cluster;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * An HTTP proxy on loopback that sends each request to the next of its upstreams in turn, with no
 * session affinity, and streams every answer through as it arrives (an SSE stream stays open for
 * as long as the upstream keeps it open).
 */
public final class RoundRobinProxy implements AutoCloseable {
  /** Headers that describe one hop, not the message; the JDK client sets its own. */
  private static final Set<String> HOP = Set.of("connection", "content-length", "expect", "host",
      "upgrade", "keep-alive", "transfer-encoding", "te", "trailer", "proxy-connection");
  private static final int MAX_BODY = 16 * 1024 * 1024;

  private final List<URI> upstreams;
  private final HttpServer server;
  private final ExecutorService workers;
  private final HttpClient client;
  private final AtomicLong next = new AtomicLong();
  private final AtomicLongArray served;

  /** Starts a proxy on a free loopback port in front of {@code upstreams} (scheme, host, port). */
  public static RoundRobinProxy start(List<URI> upstreams) throws IOException {
    return new RoundRobinProxy(upstreams);
  }

  private RoundRobinProxy(List<URI> upstreams) throws IOException {
    if (upstreams.isEmpty()) {
      throw new IllegalArgumentException("a proxy needs at least one upstream");
    }
    this.upstreams = List.copyOf(upstreams);
    this.served = new AtomicLongArray(upstreams.size());
    this.workers = Executors.newFixedThreadPool(256, r -> {
      Thread t = new Thread(r, "round-robin-proxy");
      t.setDaemon(true);
      return t;
    });
    this.client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).executor(workers).build();
    this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
    server.setExecutor(workers);
    server.createContext("/", this::forward);
    server.start();
  }

  /** The proxy's base URI, {@code http://127.0.0.1:PORT}. */
  public URI uri() {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
  }

  /** How many requests each upstream got, in the order given. */
  public long[] served() {
    long[] counts = new long[served.length()];
    for (int i = 0; i < counts.length; i++) {
      counts[i] = served.get(i);
    }
    return counts;
  }

  private void forward(HttpExchange exchange) throws IOException {
    try (exchange) {
      int index = (int) (next.getAndIncrement() % upstreams.size());
      served.incrementAndGet(index);
      byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY + 1);
      if (body.length > MAX_BODY) {
        exchange.sendResponseHeaders(413, -1);
        return;
      }
      URI target = upstreams.get(index).resolve(exchange.getRequestURI().getRawPath()
          + (exchange.getRequestURI().getRawQuery() == null ? ""
              : "?" + exchange.getRequestURI().getRawQuery()));
      HttpRequest.Builder request = HttpRequest.newBuilder(target).method(
          exchange.getRequestMethod(), body.length == 0 ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofByteArray(body));
      exchange.getRequestHeaders().forEach((name, values) -> {
        if (!HOP.contains(name.toLowerCase(Locale.ROOT))) {
          values.forEach(v -> request.header(name, v));
        }
      });
      HttpResponse<InputStream> response;
      try {
        response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      } catch (IOException e) {
        exchange.sendResponseHeaders(502, -1);
        return;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        exchange.sendResponseHeaders(502, -1);
        return;
      }
      relay(exchange, response);
    }
  }

  private static void relay(HttpExchange exchange, HttpResponse<InputStream> response)
      throws IOException {
    response.headers().map().forEach((name, values) -> {
      if (!HOP.contains(name.toLowerCase(Locale.ROOT)) && !name.startsWith(":")) {
        exchange.getResponseHeaders().put(name, values);
      }
    });
    long declared = response.headers().firstValueAsLong("content-length").orElse(-1);
    int status = response.statusCode();
    boolean empty = declared == 0 || status == 204 || status == 304
        || "HEAD".equals(exchange.getRequestMethod());
    try (InputStream in = response.body()) {
      exchange.sendResponseHeaders(status, empty ? -1 : Math.max(declared, 0));
      if (empty) {
        return;
      }
      OutputStream out = exchange.getResponseBody();
      byte[] buffer = new byte[8192];
      for (int n; (n = in.read(buffer)) >= 0; ) {
        out.write(buffer, 0, n);
        out.flush(); // an SSE event reaches the client as soon as the upstream sends it
      }
      out.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    workers.shutdownNow();
  }
}
