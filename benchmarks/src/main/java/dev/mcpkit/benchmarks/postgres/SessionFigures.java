package dev.mcpkit.benchmarks.postgres;

import dev.mcpkit.benchmarks.load.EchoServer;
import dev.mcpkit.postgres.McpPostgres;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpOptions;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.spi.SessionRecord;
import dev.mcpkit.server.spi.SessionStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Session {@code tools/call} on the embedded JDK server with its sessions and events in PostgreSQL,
 * against the same server with the in-memory stores, in one run: 16 client threads, one session
 * each, calling {@code echo} back to back for the duration; a shorter round of each comes first to
 * warm the JIT for both. The PostgreSQL store is wrapped to count
 * its calls, so the figure also says how many database round trips a request paid.
 */
final class SessionFigures {
  private SessionFigures() {}

  static void run(String url, int seconds) throws Exception {
    McpPostgres pg = PostgresFigures.stores(url, "bench_sessions_" + System.nanoTime(), 16);
    measure(null, Math.max(2, seconds / 2)); // the first rounds warm the JIT for both
    measure(new Stores(new CountingStore(pg.sessionStore()), pg), Math.max(2, seconds / 2));
    Result memory = measure(null, seconds);
    CountingStore counting = new CountingStore(pg.sessionStore());
    Result postgres = measure(new Stores(counting, pg), seconds);
    System.out.printf("session tools/call, 16 callers, %d s each: in memory %.0f req/s, PostgreSQL "
        + "%.0f req/s (%.0f %%); session-store calls during the PostgreSQL run: %d for %d requests "
        + "(%.4f per request)%n", seconds, memory.perSecond(), postgres.perSecond(),
        100 * postgres.perSecond() / memory.perSecond(), counting.calls.get() - postgres.setupCalls(),
        postgres.requests(), (counting.calls.get() - postgres.setupCalls())
            / (double) postgres.requests());
  }

  record Stores(CountingStore sessions, McpPostgres pg) {}

  record Result(double perSecond, long requests, long setupCalls) {}

  static Result measure(Stores stores, int seconds) throws Exception {
    McpHttpOptions.Builder options = McpHttpOptions.builder();
    if (stores != null) {
      options.sessionStore(stores.sessions()).eventStore(stores.pg().eventStore());
    }
    try (McpHttpServer server = McpHttpServer.builder().port(0).options(options.build())
        .endpoint(McpEndpoint.at("/mcp", EchoServer.echoServer())).start()) {
      HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
      int callers = 16;
      String[] sessions = new String[callers];
      for (int i = 0; i < callers; i++) {
        sessions[i] = initialize(http, server.url());
      }
      long setupCalls = stores == null ? 0 : stores.sessions().calls.get();
      run(http, server.url(), sessions, Duration.ofSeconds(Math.max(2, seconds / 3)));
      setupCalls = stores == null ? 0 : stores.sessions().calls.get();
      AtomicLong done = new AtomicLong();
      long t0 = System.nanoTime();
      done.addAndGet(run(http, server.url(), sessions, Duration.ofSeconds(seconds)));
      double elapsed = (System.nanoTime() - t0) / 1e9;
      return new Result(done.get() / elapsed, done.get(), setupCalls);
    }
  }

  static long run(HttpClient http, URI url, String[] sessions, Duration duration)
      throws Exception {
    long end = System.nanoTime() + duration.toNanos();
    AtomicLong count = new AtomicLong();
    Thread[] callers = new Thread[sessions.length];
    for (int i = 0; i < callers.length; i++) {
      String session = sessions[i];
      callers[i] = new Thread(() -> {
        long id = 0;
        try {
          while (System.nanoTime() < end) {
            HttpResponse<String> r = post(http, url, session, "{\"jsonrpc\":\"2.0\",\"id\":" + (++id)
                + ",\"method\":\"tools/call\",\"params\":{\"name\":\"echo\",\"arguments\":"
                + "{\"message\":\"hello\"}}}");
            if (r.statusCode() != 200 || !r.body().contains("hello")) {
              throw new IllegalStateException("unexpected answer " + r.statusCode());
            }
            count.incrementAndGet();
          }
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      });
      callers[i].start();
    }
    for (Thread t : callers) {
      t.join();
    }
    return count.get();
  }

  static String initialize(HttpClient http, URI url) throws Exception {
    HttpResponse<String> init = post(http, url, null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":"
        + "\"initialize\",\"params\":{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},"
        + "\"clientInfo\":{\"name\":\"bench\",\"version\":\"1\"}}}");
    String session = init.headers().firstValue("Mcp-Session-Id").orElseThrow();
    post(http, url, session, "{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
    return session;
  }

  static HttpResponse<String> post(HttpClient http, URI url, String session, String body)
      throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(url)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .header("MCP-Protocol-Version", "2025-06-18")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A session store that counts every call it forwards (each is one database round trip). */
  static final class CountingStore implements SessionStore {
    final SessionStore delegate;
    final AtomicLong calls = new AtomicLong();

    CountingStore(SessionStore delegate) {
      this.delegate = delegate;
    }

    @Override
    public void save(SessionRecord session) {
      calls.incrementAndGet();
      delegate.save(session);
    }

    @Override
    public SessionRecord find(String id) {
      calls.incrementAndGet();
      return delegate.find(id);
    }

    @Override
    public boolean touch(String id, long nowMillis) {
      calls.incrementAndGet();
      return delegate.touch(id, nowMillis);
    }

    @Override
    public boolean remove(String id) {
      calls.incrementAndGet();
      return delegate.remove(id);
    }

    @Override
    public List<String> removeIdle(long cutoffMillis) {
      calls.incrementAndGet();
      return delegate.removeIdle(cutoffMillis);
    }
  }
}
