package dev.mcpkit.benchmarks.load;

import dev.mcpkit.client.ClientTransport;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code client-bench --impl ours|official --url URL --callers N [--warmup S] [--duration S]}: one
 * client, N threads calling {@code tools/call echo} on it back to back; prints calls per second,
 * latency percentiles and the calls whose answer was not the echoed text.
 */
public final class ClientBench {
  /** Latency buckets: each microsecond up to 100 ms, then each millisecond up to 60 s. */
  private static final int FINE = 100_000;
  private static final int BUCKETS = FINE + 60_000;

  private ClientBench() {}

  /** One blocking call; returns the text of the first content block. */
  interface Caller extends AutoCloseable {
    String call(String message) throws Exception;
  }

  public static void main(String[] args) throws Exception {
    String impl = "ours";
    String url = null;
    int callers = 1;
    int warmup = 5;
    int duration = 10;
    int maxWarmup = 240;
    String version = null;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--impl" -> impl = args[++i];
        case "--url" -> url = args[++i];
        case "--callers" -> callers = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--duration" -> duration = Integer.parseInt(args[++i]);
        case "--max-warmup" -> maxWarmup = Integer.parseInt(args[++i]);
        case "--protocol-version" -> version = args[++i];
        default -> {
          System.err.println("usage: client-bench --impl ours|official --url URL --callers N"
              + " [--warmup S] [--max-warmup S] [--duration S] [--protocol-version V]");
          System.exit(2);
        }
      }
    }
    if (url == null) {
      System.err.println("client-bench needs --url http://127.0.0.1:PORT/mcp");
      System.exit(2);
    }
    if (impl.equals("official") && !OfficialClasspath.present()) {
      System.exit(OfficialClasspath.rerun("client-bench", args));
    }
    try (Caller caller = impl.equals("official") ? official(url) : ours(url, version)) {
      run(caller, callers, warmup, maxWarmup, duration);
    }
    System.exit(0);
  }

  private static Caller ours(String url, String version) throws Exception {
    McpClient.Builder builder = McpClient.builder().transport(ClientTransport.http(url))
        .clientInfo("client-bench", "1.0.0").requestTimeout(Duration.ofSeconds(30));
    if (version != null) {
      builder.protocolVersion(version);
    }
    McpClient client = builder.connect();
    System.out.println("ours: protocol " + client.protocolVersion());
    return new Caller() {
      @Override
      public String call(String message) throws Exception {
        CallToolResult result = client.callTool("echo", Map.of("message", message));
        return result.content().get(0) instanceof Content.Text t ? t.text() : null;
      }

      @Override
      public void close() {
        client.close();
      }
    };
  }

  private static Caller official(String url) {
    int slash = url.indexOf('/', "http://".length());
    HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport
        .builder(url.substring(0, slash)).endpoint(url.substring(slash)).build();
    McpSyncClient client = io.modelcontextprotocol.client.McpClient.sync(transport)
        .requestTimeout(Duration.ofSeconds(30))
        .clientInfo(new McpSchema.Implementation("client-bench", "1.0.0"))
        .build();
    McpSchema.InitializeResult init = client.initialize();
    System.out.println("official: protocol " + init.protocolVersion());
    return new Caller() {
      @Override
      public String call(String message) {
        McpSchema.CallToolResult result =
            client.callTool(new McpSchema.CallToolRequest("echo", Map.of("message", message)));
        return result.content().get(0) instanceof McpSchema.TextContent t ? t.text() : null;
      }

      @Override
      public void close() {
        client.close();
      }
    };
  }

  /**
   * Waits in 10-second windows until the calls per window stop rising, by the load harness's rule:
   * at least six windows, then until none of the last three is more than 5 % above the best window
   * before them, or {@code maxWarmup} seconds. Prints the calls per second of each window.
   */
  private static void warmUntilSteady(AtomicLong made, int maxWarmup) throws Exception {
    List<Double> rates = Steady.warmUp(maxWarmup, () -> {
      long before = made.get();
      Thread.sleep(Steady.WINDOW * 1000L); // a measuring window: the callers run meanwhile
      return (made.get() - before) / (double) Steady.WINDOW;
    });
    System.out.println("WARMUP " + rates.size() * Steady.WINDOW + " s until steady (calls/s of"
        + " each 10 s window: " + Steady.curve(rates) + ")");
  }

  private static void run(Caller caller, int callers, int warmup, int maxWarmup, int duration)
      throws Exception {
    AtomicLong made = new AtomicLong(); // every call, warm-up included
    AtomicBoolean measuring = new AtomicBoolean();
    AtomicBoolean stop = new AtomicBoolean();
    AtomicLong calls = new AtomicLong();
    AtomicLong errors = new AtomicLong();
    List<long[]> histograms = new ArrayList<>(); // per caller: calls per microsecond of latency
    List<Thread> threads = new ArrayList<>();
    for (int t = 0; t < callers; t++) {
      long[] mine = new long[BUCKETS];
      histograms.add(mine);
      int id = t;
      Thread thread = new Thread(() -> {
        long i = 0;
        while (!stop.get()) {
          String message = EchoServer.BARE_TEXT + " " + id + "-" + i++;
          long start = System.nanoTime();
          boolean ok;
          try {
            ok = message.equals(caller.call(message));
          } catch (Exception e) {
            ok = false;
          }
          long micros = (System.nanoTime() - start) / 1000;
          made.incrementAndGet();
          if (measuring.get()) {
            calls.incrementAndGet();
            if (!ok) {
              errors.incrementAndGet();
            }
            mine[bucket(micros)]++;
          }
        }
      }, "caller-" + t);
      threads.add(thread);
      thread.start();
    }
    Thread.sleep(warmup * 1000L);
    warmUntilSteady(made, maxWarmup);
    measuring.set(true);
    long start = System.nanoTime();
    Thread.sleep(duration * 1000L);
    measuring.set(false);
    long elapsed = System.nanoTime() - start;
    long counted = calls.get();
    stop.set(true);
    for (Thread thread : threads) {
      thread.join();
    }
    long[] all = new long[BUCKETS];
    long total = 0;
    for (long[] h : histograms) {
      for (int i = 0; i < h.length; i++) {
        all[i] += h[i];
        total += h[i];
      }
    }
    long p50 = percentile(all, total, 0.50);
    long p99 = percentile(all, total, 0.99);
    System.out.printf("RESULT requests=%d duration_us=%d bad=%d p50_us=%d p99_us=%d%n", counted,
        elapsed / 1000, errors.get(), p50, p99);
  }

  private static int bucket(long micros) {
    return (int) (micros < FINE ? micros : Math.min(BUCKETS - 1, FINE + micros / 1000));
  }

  private static long percentile(long[] histogram, long total, double q) {
    long rank = (long) Math.ceil(total * q);
    long seen = 0;
    for (int i = 0; i < histogram.length; i++) {
      seen += histogram[i];
      if (seen >= rank && seen > 0) {
        return i < FINE ? i : (i - FINE) * 1000L;
      }
    }
    return 0;
  }
}
