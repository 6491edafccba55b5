package dev.mcpkit.benchmarks.load;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code streams --host jdk|jetty|tomcat [--streams N] [--slow N] [--duration S] [--warmup S]
 * [--heap 256m] [--slow-rounds N] [--max-warmup S]}: our echo server in its own JVM with a fixed heap of 256 MB
 * ({@code -Xms256m -Xmx256m}, or the given size; {@code -Dload.jvmArgs} may add flags);
 * measures {@code tools/call} with wrk (64 connections) once its rate stopped rising (the load
 * harness's warm-up rule, at most {@code --max-warmup}, default 120 s), then again while N event streams are open (platform threads of the server process,
 * live heap per stream, a {@code list_changed} broadcast to every stream), then again while N slow
 * connections send one byte per second ({@code --slow-rounds N}: N rounds of a run without and one
 * with them, and the median ratio of their p99s). The JVM of the server is this one's ({@code java.home}):
 * run it on Java 21+ for virtual threads on the JDK host.
 */
public final class StreamLoad {
  private StreamLoad() {}

  public static void main(String[] args) throws Exception {
    String host = "jetty";
    int streams = 10_000;
    int slow = 1_000;
    int duration = 10;
    int warmup = 5;
    String heap = "256m";
    int slowRounds = 1;
    int maxWarmup = 120;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--host" -> host = args[++i];
        case "--streams" -> streams = Integer.parseInt(args[++i]);
        case "--slow" -> slow = Integer.parseInt(args[++i]);
        case "--duration" -> duration = Integer.parseInt(args[++i]);
        case "--warmup" -> warmup = Integer.parseInt(args[++i]);
        case "--heap" -> heap = args[++i];
        case "--slow-rounds" -> slowRounds = Integer.parseInt(args[++i]);
        case "--max-warmup" -> maxWarmup = Integer.parseInt(args[++i]);
        default -> {
          System.err.println("usage: streams --host jdk|jetty|tomcat [--streams N] [--slow N]"
              + " [--duration S] [--warmup S] [--heap 256m] [--slow-rounds N] [--max-warmup S]");
          System.exit(2);
        }
      }
    }
    // streams hold no thread: the containers get a small pool, so that the process stays under 64.
    // The heap is fixed (-Xms as -Xmx), as for a server that holds many connections: with a heap
    // that may grow, G1 keeps what it commits small, the streams' live heap stays above its
    // marking threshold, and it marks without pause (a fifth of the CPU on the JDK host at 1 GB)
    System.setProperty("load.jvmArgs", (" -Xms" + heap + " " + System.getProperty("load.jvmArgs",
        "") + " -Xmx" + heap
        + " -Dload.maxThreads=" + Integer.getInteger("load.maxThreads", 24)).trim());
    Path logs = Files.createTempDirectory("mcp-streams");
    System.out.printf("streams: %s host, Java %s, %d cores, server JVM %s %s; logs in %s%n", host,
        System.getProperty("java.version"), Runtime.getRuntime().availableProcessors(),
        ServerProcess.JVM_FLAGS, System.getProperty("load.jvmArgs"), logs);
    try (ServerProcess server = ServerProcess.start("streams-" + host, "ours", host, logs)) {
      run(server, streams, slow, duration, warmup, slowRounds, maxWarmup);
    }
    System.exit(0);
  }

  private static void run(ServerProcess server, int streams, int slow, int duration, int warmup,
      int slowRounds, int maxWarmup) throws Exception {
    Sessions http = new Sessions();
    Sessions.Session session = http.open(server.url());
    Map<String, String> headers = Sessions.headers(session.id(), session.version());
    String body = Sessions.toolsCall(0, EchoServer.BARE_TEXT, false);
    for (int i = 0; i < 2; i++) {
      Wrk.run(server.url(), headers, body, EchoServer.BARE_TEXT, 64, warmup);
    }
    // the figure without streams is the base of every ratio: measured once the rate stopped rising
    List<Double> rates = Steady.warmUp(maxWarmup, () -> Wrk.run(server.url(), headers, body,
        EchoServer.BARE_TEXT, 64, Steady.WINDOW).perSecond());
    System.out.printf("warmed up for %d s (req/s of each 10 s run: %s)%s%n",
        rates.size() * Steady.WINDOW, Steady.curve(rates),
        Steady.stoppedAtLimit(rates, maxWarmup) ? ", stopped at --max-warmup" : "");
    Result before = Wrk.run(server.url(), headers, body, EchoServer.BARE_TEXT, 64, duration);
    report("tools/call, nothing else open", before);
    long heap0 = server.liveHeapBytes();
    int threads0 = threads(server.pid());

    try (StreamClients clients = new StreamClients(server.port, "/mcp")) {
      long t0 = System.nanoTime();
      int open = clients.open(streams, 1000, 240_000);
      System.out.printf("event streams open: %,d of %,d in %.1f s (%d refused with a status other"
          + " than 200, %d connections failed)%n", open, streams, (System.nanoTime() - t0) / 1e9,
          clients.refused, clients.failed);
      int threadsOpen = threads(server.pid());
      long heap1 = server.liveHeapBytes();
      System.out.printf("platform threads in the server process: %d before, %d with the streams"
          + " open%n", threads0, threadsOpen);
      System.out.printf("live heap: %,d -> %,d bytes: %,d bytes per open stream%n", heap0, heap1,
          open == 0 ? 0 : (heap1 - heap0) / open);
      Result during = Wrk.run(server.url(), headers, body, EchoServer.BARE_TEXT, 64, duration);
      clients.poll(0);
      report("tools/call, streams open", during);
      System.out.printf("throughput with the streams open: %.0f %% of without%n",
          100 * during.perSecond() / before.perSecond());
      System.out.printf("platform threads after the run: %d%n", threads(server.pid()));
      long sent = System.nanoTime();
      try {
        callTool(server.url(), session, "change_tools");
      } catch (IOException e) {
        System.out.println("change_tools failed: " + e);
      }
      long[] changed = clients.awaitChanged(sent, 30_000);
      System.out.printf("list_changed broadcast: %,d of %,d streams got it, the last after %.0f ms"
          + " (%d still open)%n", changed[1], open, changed[0] / 1e6, clients.openCount());
    }

    if (slowRounds <= 1) {
      double[] p99 = slowRound(server, headers, body, slow, duration, before);
      System.out.printf("p99 with the slow connections: %.2f ms vs %.2f ms (%.1fx)%n",
          p99[1], p99[0], p99[1] / p99[0]);
    } else {
      // alternating: a run without, then one with the slow connections, per round; the median
      // of the per-round ratios, since one 10-second p99 on two shared cores is mostly noise
      List<Double> ratios = new ArrayList<>();
      for (int round = 1; round <= slowRounds; round++) {
        Result without = Wrk.run(server.url(), headers, body, EchoServer.BARE_TEXT, 64, duration);
        double[] p99 = slowRound(server, headers, body, slow, duration, without);
        ratios.add(p99[1] / p99[0]);
        System.out.printf("round %d: p99 with the slow connections %.2f ms vs %.2f ms without"
            + " (%.1fx)%n", round, p99[1], p99[0], p99[1] / p99[0]);
      }
      java.util.Collections.sort(ratios);
      System.out.printf("p99 with the slow connections vs without, median of %d rounds: %.1fx"
          + " (rounds: %s)%n", slowRounds, ratios.get(ratios.size() / 2), ratios);
    }
    System.out.printf("server process alive at the end: %s; its log: %s%n", alive(server),
        "see the logs directory");
  }

  /**
   * Opens {@code slow} connections that send one byte a second, runs wrk on the others, closes
   * them; returns the p99 without (from {@code without}) and with them, in milliseconds.
   */
  private static double[] slowRound(ServerProcess server, Map<String, String> headers, String body,
      int slow, int duration, Result without) throws Exception {
    List<Socket> slowOnes = new ArrayList<>();
    try {
      for (int i = 0; i < slow; i++) {
        Socket s = new Socket();
        s.connect(new InetSocketAddress("127.0.0.1", server.port), 5_000);
        s.getOutputStream().write('P');
        slowOnes.add(s);
      }
      Thread trickle = new Thread(() -> trickle(slowOnes), "trickle");
      trickle.setDaemon(true);
      trickle.start();
      Result withSlow = Wrk.run(server.url(), headers, body, EchoServer.BARE_TEXT, 64, duration);
      report("tools/call, " + slow + " slow connections", withSlow);
      trickle.interrupt();
      return new double[] {without.p99Millis(), withSlow.p99Millis()};
    } finally {
      for (Socket s : slowOnes) {
        s.close();
      }
    }
  }

  /** One byte per second on every slow connection, of a request line that never ends. */
  private static void trickle(List<Socket> sockets) {
    byte[] line = "OST /mcp HTTP/1.1 and so on, one byte each second".getBytes(
        StandardCharsets.US_ASCII);
    for (int i = 0; !Thread.currentThread().isInterrupted(); i++) {
      for (Socket s : sockets) {
        try {
          OutputStream out = s.getOutputStream();
          out.write(line[i % line.length]);
        } catch (IOException e) {
          // the server cut it: that is allowed
        }
      }
      try {
        Thread.sleep(1_000);
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  private static void callTool(String url, Sessions.Session session, String tool)
      throws IOException, InterruptedException {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).POST(
        HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":99,\"method\":"
            + "\"tools/call\",\"params\":{\"name\":\"" + tool + "\",\"arguments\":{}}}"));
    Sessions.headers(session.id(), session.version()).forEach(b::header);
    HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(),
        HttpResponse.BodyHandlers.ofString());
    if (r.statusCode() != 200) {
      throw new IOException(tool + " answered " + r.statusCode() + ": " + r.body());
    }
  }

  private static int threads(long pid) throws IOException {
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("Threads:")) {
        return Integer.parseInt(line.substring(8).trim());
      }
    }
    return -1;
  }

  private static boolean alive(ServerProcess server) {
    return ProcessHandle.of(server.pid()).map(ProcessHandle::isAlive).orElse(false);
  }

  private static void report(String what, Result r) {
    System.out.printf("%-40s %,9.0f req/s p50 %6.2f ms p99 %7.2f ms errors %d%n", what,
        r.perSecond(), r.p50Millis(), r.p99Millis(), r.errors());
  }
}
