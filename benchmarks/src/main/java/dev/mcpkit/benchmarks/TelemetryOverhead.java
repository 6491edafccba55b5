package dev.mcpkit.benchmarks;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The overhead of mcp-opentelemetry on a server's {@code tools/call}, measured so that a shared,
 * noisy machine does not decide the answer: the three servers of {@link TelemetryOverheadBenchmark}
 * ({@code none}, {@code api}, {@code sdk}) live in one JVM and are run in short interleaved batches,
 * in a rotating order, so that load from elsewhere falls on all of them alike; each round's time per
 * call of {@code api} and {@code sdk} is divided by that round's {@code none}, and the median of
 * those ratios is reported with its quartiles. CPU time of the calling thread (what the call costs,
 * whoever else runs) and CPU time of the whole process (which adds the SDK's export thread, the
 * garbage collector and, over loopback, the server's threads; summed over all rounds, as the
 * operating system counts it in 10 ms steps) are reported beside wall time, and so are bytes the
 * calling thread allocated per call.
 */
public final class TelemetryOverhead {
  private static final String[] VARIANTS = {"none", "api", "sdk"};
  /** In memory also: the SDK for spans only, and for metrics only. */
  private static final String[] SPLIT = {"none", "api", "sdk", "traces", "metrics"};

  private TelemetryOverhead() {}

  public static void main(String[] args) throws Exception {
    if (Arrays.asList(args).contains("--loopback")) {
      loopback(intArg(args, "--rounds", 150), intArg(args, "--batch", 100));
      return;
    }
    int rounds = intArg(args, "--rounds", 300);
    int batch = intArg(args, "--batch", 1_000);
    TelemetryOverheadBenchmark[] servers = new TelemetryOverheadBenchmark[SPLIT.length];
    for (int i = 0; i < SPLIT.length; i++) {
      servers[i] = new TelemetryOverheadBenchmark();
      servers[i].telemetry = SPLIT[i];
      servers[i].setUp();
    }
    try {
      System.out.printf(Locale.ROOT, "%d rounds of %d calls per server, after %d warm-up rounds%n",
          rounds, batch, rounds / 3);
      measure("session tools/call", rounds, batch, servers, s -> s::sessionToolsCall);
      measure("2026-07-28 tools/call", rounds, batch, servers, s -> s::statelessToolsCall);
    } finally {
      for (TelemetryOverheadBenchmark s : servers) {
        s.tearDown();
      }
    }
  }

  /**
   * The same comparison over loopback HTTP: one embedded server with three endpoints (no telemetry,
   * the API alone, the SDK), each called by its own uninstrumented client on one connection.
   */
  private static void loopback(int rounds, int batch) throws Exception {
    io.opentelemetry.sdk.OpenTelemetrySdk sdk = TelemetryOverheadBenchmark.discardingSdk();
    dev.mcpkit.server.McpServer[] servers = {
        dev.mcpkit.benchmarks.load.EchoServer.echoServer(),
        dev.mcpkit.benchmarks.load.EchoServer.echoServer(dev.mcpkit.opentelemetry.McpTelemetry
            .create(io.opentelemetry.api.OpenTelemetry.noop())::instrument),
        dev.mcpkit.benchmarks.load.EchoServer.echoServer(
            dev.mcpkit.opentelemetry.McpTelemetry.create(sdk)::instrument)};
    dev.mcpkit.server.McpHttpServer.Builder b = dev.mcpkit.server.McpHttpServer.builder().port(0);
    for (int i = 0; i < servers.length; i++) {
      b.endpoint(dev.mcpkit.server.McpEndpoint.at("/" + VARIANTS[i], servers[i]));
    }
    dev.mcpkit.server.McpHttpServer http = b.start();
    List<dev.mcpkit.client.McpClient> clients = new ArrayList<>();
    try {
      System.out.printf(Locale.ROOT, "loopback HTTP: %d rounds of %d calls per server, after %d"
          + " warm-up rounds%n", rounds, batch, rounds / 3);
      for (String version : new String[] {"2025-11-25", "2026-07-28"}) {
        List<Supplier<Object>> calls = new ArrayList<>();
        for (String v : VARIANTS) {
          dev.mcpkit.client.McpClient c = dev.mcpkit.client.McpClient.builder()
              .transport(dev.mcpkit.client.ClientTransport.streamableHttp(
                  "http://127.0.0.1:" + http.port() + "/" + v))
              .protocolVersion(version).connect();
          clients.add(c);
          java.util.Map<String, String> args = java.util.Map.of("message", "hello, world");
          calls.add(() -> {
            try {
              return c.callTool("echo", args);
            } catch (java.io.IOException e) {
              throw new java.io.UncheckedIOException(e);
            }
          });
        }
        measure("tools/call over loopback, " + version, rounds, batch, calls);
      }
    } finally {
      clients.forEach(dev.mcpkit.client.McpClient::close);
      http.close();
      sdk.close();
    }
  }

  interface Path {
    Supplier<Object> of(TelemetryOverheadBenchmark server);
  }

  private static void measure(String name, int rounds, int batch,
      TelemetryOverheadBenchmark[] servers, Path path) {
    List<Supplier<Object>> calls = new ArrayList<>();
    for (TelemetryOverheadBenchmark s : servers) {
      calls.add(path.of(s));
    }
    measure(name, rounds, batch, calls);
  }

  private static void measure(String name, int rounds, int batch, List<Supplier<Object>> calls) {
    com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long self = Thread.currentThread().getId();
    int n = calls.size();
    double[][] wall = new double[n][rounds];
    double[][] cpu = new double[n][rounds];
    double[][] bytes = new double[n][rounds];
    long[] processTotal = new long[n];
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    Object sink = null;
    for (int r = -rounds / 3; r < rounds; r++) {
      for (int k = 0; k < n; k++) {
        int v = Math.floorMod(r + k, n); // rotate the order from round to round
        Supplier<Object> call = calls.get(v);
        long a0 = threads.getThreadAllocatedBytes(self);
        long c0 = threads.getCurrentThreadCpuTime();
        long p0 = os.getProcessCpuTime();
        long w0 = System.nanoTime();
        for (int i = 0; i < batch; i++) {
          sink = call.get();
        }
        long w1 = System.nanoTime();
        long p1 = os.getProcessCpuTime();
        long c1 = threads.getCurrentThreadCpuTime();
        long a1 = threads.getThreadAllocatedBytes(self);
        if (r >= 0) {
          wall[v][r] = (w1 - w0) / (double) batch;
          cpu[v][r] = (c1 - c0) / (double) batch;
          bytes[v][r] = (a1 - a0) / (double) batch;
          processTotal[v] += p1 - p0; // 10 ms resolution: only the sum means something
        }
      }
    }
    if (sink == null) {
      throw new IllegalStateException("no call ran");
    }
    System.out.printf(Locale.ROOT, "%n%s%n", name);
    System.out.printf(Locale.ROOT, "  %-7s %9s %9s %9s %7s %24s %24s %13s%n", "", "wall ns",
        "cpu ns", "proc ns", "bytes", "wall vs none (p25..p75)", "cpu vs none (p25..p75)",
        "proc vs none");
    for (int v = 0; v < n; v++) {
      double proc = processTotal[v] / ((double) rounds * batch);
      System.out.printf(Locale.ROOT, "  %-7s %9.0f %9.0f %9.0f %7.0f %24s %24s %13s%n",
          SPLIT[v], median(wall[v]), median(cpu[v]), proc, median(bytes[v]),
          v == 0 ? "" : ratio(wall[v], wall[0]), v == 0 ? "" : ratio(cpu[v], cpu[0]),
          v == 0 ? "" : String.format(Locale.ROOT, "%+.1f%%",
              pct(processTotal[v] / (double) processTotal[0])));
    }
  }

  /** The median and quartiles of the per-round ratios, as a change in percent. */
  private static String ratio(double[] variant, double[] base) {
    double[] r = new double[variant.length];
    for (int i = 0; i < r.length; i++) {
      r[i] = variant[i] / base[i];
    }
    Arrays.sort(r);
    return String.format(Locale.ROOT, "%+.1f%% (%+.1f..%+.1f)", pct(r[r.length / 2]),
        pct(r[r.length / 4]), pct(r[r.length * 3 / 4]));
  }

  private static double pct(double ratio) {
    return (ratio - 1) * 100;
  }

  private static double median(double[] values) {
    double[] v = values.clone();
    Arrays.sort(v);
    return v[v.length / 2];
  }

  private static int intArg(String[] args, String name, int fallback) {
    for (int i = 0; i + 1 < args.length; i++) {
      if (args[i].equals(name)) {
        return Integer.parseInt(args[i + 1]);
      }
    }
    return fallback;
  }
}
