package dev.mcpkit.benchmarks.load;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * {@code load [--duration S] [--warmup S] [--sessions N] [--only NAMES] [--skip-idle]
 * [--skip-client] [--out FILE]}: starts every echo server in its own JVM, drives each with wrk at
 * 64 connections and at 1, measures the live heap of idle sessions and the client's throughput, and
 * prints the table with the ratios to the official SDK and every target of the benchmark.
 */
public final class LoadHarness {
  /** The servers, in the order they run. */
  static final List<Target> SERVERS = List.of(
      new Target("ours-jdk", "ours", "jdk"),
      new Target("ours-jetty", "ours", "jetty"),
      new Target("ours-tomcat", "ours", "tomcat"),
      new Target("official-jetty", "official", "jetty"),
      new Target("official-tomcat", "official", "tomcat"),
      new Target("bare-jdk", "bare", "jdk"),
      new Target("bare-jetty", "bare", "jetty"),
      new Target("bare-tomcat", "bare", "tomcat"));

  record Target(String name, String impl, String host) {}

  private int duration = 10;
  private int warmup = 5;
  /** Most seconds of further warm-up per server until its throughput stops rising; 0 for none. */
  private int steadyWarmup = 240;
  /** The warm-up each server had, for the report. */
  private final Map<String, String> warmedUp = new LinkedHashMap<>();
  private int sessions = 10_000;
  private int idleWait = 62;
  private Set<String> only;
  private boolean idle = true;
  private boolean client = true;
  private boolean throughput = true;
  private boolean checked = true;
  private boolean vsBare;
  /** What ours alternates with in {@code --rounds}: the bare servers, or the official SDK. */
  private String against = "bare";
  private int rounds;
  private boolean sessionOnly;
  private final StringBuilder alternated = new StringBuilder();
  private Path out;
  private final Path logs;
  private final Sessions http = new Sessions();
  private final Map<String, Result> at64 = new LinkedHashMap<>();
  private final Map<String, Result> at1 = new LinkedHashMap<>();
  private final Map<String, Long> idleBytes = new LinkedHashMap<>();
  private final Map<String, Long> newBytes = new LinkedHashMap<>();
  private final Map<String, Long> idleErrors = new LinkedHashMap<>();
  private final Map<String, Result> clients = new LinkedHashMap<>();
  private final Map<String, Double> serverCpu = new LinkedHashMap<>();
  private final Map<String, Double> wrkCpu = new LinkedHashMap<>();

  private LoadHarness() throws java.io.IOException {
    logs = Files.createTempDirectory("mcp-load");
  }

  public static void main(String[] args) throws Exception {
    LoadHarness h = new LoadHarness();
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--duration" -> h.duration = Integer.parseInt(args[++i]);
        case "--warmup" -> h.warmup = Integer.parseInt(args[++i]);
        case "--max-warmup" -> h.steadyWarmup = Integer.parseInt(args[++i]);
        case "--sessions" -> h.sessions = Integer.parseInt(args[++i]);
        case "--idle-wait" -> h.idleWait = Integer.parseInt(args[++i]);
        case "--only" -> h.only = Set.of(args[++i].split(","));
        case "--skip-idle" -> h.idle = false;
        case "--skip-client" -> h.client = false;
        case "--skip-throughput" -> h.throughput = false;
        case "--out" -> h.out = Path.of(args[++i]);
        case "--jvm-flags" -> ServerProcess.useFlags(args[++i].isBlank() ? List.of()
            : List.of(args[i].trim().split("\\s+")));
        case "--plain-wrk" -> h.checked = false;
        case "--rounds" -> h.rounds = Integer.parseInt(args[++i]);
        case "--session-only" -> h.sessionOnly = true;
        case "--vs-official" -> {
          h.vsBare = true;
          h.against = "official";
          h.only = Set.of("ours-jetty", "official-jetty", "ours-tomcat", "official-tomcat");
          h.idle = false;
          h.client = false;
        }
        case "--vs-bare" -> {
          h.vsBare = true;
          h.only = Set.of("ours-jdk", "bare-jdk", "ours-jetty", "bare-jetty", "ours-tomcat",
              "bare-tomcat");
          h.idle = false;
          h.client = false;
        }
        default -> {
          System.err.println("usage: load [--duration S] [--warmup S] [--max-warmup S] [--sessions N]"
              + " [--idle-wait S] [--only ours-jdk,official-jetty,...] [--skip-idle]"
              + " [--skip-client] [--skip-throughput] [--vs-bare|--vs-official [--rounds N [--session-only]]] [--plain-wrk]"
              + " [--jvm-flags \"-Xms2g -Xmx4g ...\" | --jvm-flags \"\"] [--out FILE]");
          System.exit(2);
        }
      }
    }
    if (!Wrk.installed()) {
      System.err.println("wrk is not installed. Install it with:  sudo apt-get install -y wrk"
          + "  (Debian/Ubuntu), or  brew install wrk  (macOS); then run this again.");
      System.exit(3);
    }
    h.run();
    System.exit(0);
  }

  private boolean selected(String name) {
    return only == null || only.contains(name);
  }

  private void run() throws Exception {
    System.out.printf("load harness: %d s runs after %d s warm-up, JVM %s, %d cores; logs in %s%n",
        duration, warmup, String.join(" ", ServerProcess.flags()),
        Runtime.getRuntime().availableProcessors(), logs);
    if (vsBare && rounds > 0) {
      for (String host : List.of("jdk", "jetty", "tomcat")) {
        if ((only == null || only.contains("ours-" + host))
            && (only == null || only.contains(against + "-" + host))) {
          alternate(host);
        }
      }
      System.out.println();
      System.out.println(alternated);
      if (out != null) {
        Files.writeString(out, alternated.toString(), StandardCharsets.UTF_8);
        System.out.println("written to " + out);
      }
      return;
    }
    for (Target t : order()) {
      if (throughput && selected(t.name())) {
        throughput(t);
      }
    }
    if (idle) {
      idleSessions();
    }
    if (client) {
      clientThroughput();
    }
    String report = Report.render(this);
    System.out.println();
    System.out.println(report);
    if (out != null) {
      Files.writeString(out, report, StandardCharsets.UTF_8);
      System.out.println("written to " + out);
    }
  }

  /** With {@code --vs-bare}, each host's bare server right after ours, so both see one machine. */
  private List<Target> order() {
    if (!vsBare) {
      return SERVERS;
    }
    List<Target> ordered = new ArrayList<>();
    for (String host : List.of("jdk", "jetty", "tomcat")) {
      for (Target t : SERVERS) {
        if (t.host().equals(host)) {
          ordered.add(t);
        }
      }
    }
    return ordered;
  }

  // ------------------------------------------------------------------ throughput

  private void throughput(Target t) throws Exception {
    try (ServerProcess server = ServerProcess.start(t.name(), t.impl(), t.host(), logs)) {
      Sessions.Session session = http.open(server.url());
      Map<String, String> headers = Sessions.headers(session.id(), session.version());
      String body = Sessions.toolsCall(0, EchoServer.BARE_TEXT, false);
      String stateless = Sessions.toolsCall(0, EchoServer.BARE_TEXT, true);
      // a fresh JVM compiles, and G1 grows the heap from -Xms64m, for a while: every request kind
      // is warmed up twice before any is measured
      System.out.printf("%-26s warm-up ...%n", t.name());
      for (int round = 0; round < 2; round++) {
        Wrk.run(server.url(), headers, body, EchoServer.BARE_TEXT, 64, warmup);
        if (t.impl().equals("ours")) {
          Wrk.run(server.url(), Sessions.statelessHeaders(), stateless, EchoServer.BARE_TEXT, 64,
              warmup);
        }
      }
      warmUntilSteady(t.name(), server, headers, body);
      measure(t.name(), server, headers, body);
      if (t.impl().equals("ours")) {
        measure(t.name() + " 2026-07-28", server, Sessions.statelessHeaders(), stateless);
      }
    }
  }

  private void measure(String name, ServerProcess server, Map<String, String> headers, String body)
      throws Exception {
    Wrk.run(server.url(), headers, body, EchoServer.BARE_TEXT, 64, warmup);
    long cpuBefore = server.cpuNanos();
    Wrk.Measured measured = Wrk.measure(server.url(), headers, body, EchoServer.BARE_TEXT, 64,
        duration, checked);
    long cpuAfter = server.cpuNanos();
    Result many = measured.result();
    Result one = Wrk.measure(server.url(), headers, body, EchoServer.BARE_TEXT, 1, duration,
        checked).result();
    at64.put(name, many);
    at1.put(name, one);
    // CPU per request holds up on a busy machine better than requests per second do
    double requests = many.perSecond() * duration;
    double serverMicros = cpuBefore < 0 || cpuAfter < 0 ? Double.NaN
        : (cpuAfter - cpuBefore) / 1e3 / requests;
    double wrkMicros = measured.wrkCpuNanos() < 0 ? Double.NaN
        : measured.wrkCpuNanos() / 1e3 / requests;
    serverCpu.put(name, serverMicros);
    wrkCpu.put(name, wrkMicros);
    System.out.printf("%-26s 64 conns: %,9.0f req/s p50 %6.2f ms p99 %6.2f ms errors %d"
            + " (CPU per request: server %.1f us, wrk %.1f us) |"
            + " 1 conn: %,8.0f req/s p50 %5.2f ms p99 %5.2f ms errors %d%n", name,
        many.perSecond(), many.p50Millis(), many.p99Millis(), many.errors(), serverMicros,
        wrkMicros, one.perSecond(), one.p50Millis(), one.p99Millis(), one.errors());
    String bare = name.startsWith("bare-") ? name : null;
    if (bare != null && at64.containsKey("ours-" + bare.substring(5))) {
      Result ours = at64.get("ours-" + bare.substring(5));
      System.out.printf("%-26s ours / bare at 64 connections: %.2fx%n", bare.substring(5),
          ours.perSecond() / many.perSecond());
    }
  }

  // ------------------------------------------------------------------ alternating rounds

  /**
   * Ours and the bare server (or with {@code --vs-official} the official SDK) of one host, both
   * running: each warmed up (every request kind twice, {@code --warmup} seconds each, then until
   * steady), then {@code --rounds} rounds of one wrk run on ours (session {@code tools/call}), one
   * on the other server and one on ours (2026-07-28), back to back, so
   * that both see the same machine and JIT state from round to round. Reports every round and
   * the median of the per-round ratios.
   */
  private void alternate(String host) throws Exception {
    try (ServerProcess ours = ServerProcess.start("ours-" + host, "ours", host, logs);
        ServerProcess bare = ServerProcess.start(against + "-" + host, against, host, logs)) {
      Sessions.Session session = http.open(ours.url());
      Map<String, String> headers = Sessions.headers(session.id(), session.version());
      String body = Sessions.toolsCall(0, EchoServer.BARE_TEXT, false);
      String stateless = Sessions.toolsCall(0, EchoServer.BARE_TEXT, true);
      Sessions.Session bareSession = http.open(bare.url());
      Map<String, String> bareHeaders = Sessions.headers(bareSession.id(),
          bareSession.version());
      System.out.printf("%s: warm-up ...%n", host);
      for (int round = 0; round < 2; round++) {
        Wrk.run(ours.url(), headers, body, EchoServer.BARE_TEXT, 64, warmup);
        if (!sessionOnly) {
          Wrk.run(ours.url(), Sessions.statelessHeaders(), stateless, EchoServer.BARE_TEXT, 64,
              warmup);
        }
        Wrk.run(bare.url(), bareHeaders, body, EchoServer.BARE_TEXT, 64, warmup);
      }
      warmUntilSteady("ours-" + host, ours, headers, body);
      warmUntilSteady(against + "-" + host, bare, bareHeaders, body);
      alternated.append(String.format("%n### %s host, %d rounds (%s)%n%n", host, rounds,
          conditions()));
      for (String name : List.of("ours-" + host, against + "-" + host)) {
        alternated.append("- warm-up of ").append(name).append(": ").append(warmedUp.get(name))
            .append('\n');
      }
      alternated.append('\n');
      alternated.append(sessionOnly
          ? "| round | ours, one session, req/s (server CPU/request) | " + against
              + " | ours/" + against + " |\n|---:|---:|---:|---:|\n"
          : "| round | ours, session, req/s (server CPU/request) | ours, 2026-07-28"
              + " | " + against + " | ours/" + against + ", session | ours/" + against
              + ", 2026-07-28 |\n|---:|---:|---:|---:|---:|---:|\n");
      List<Double> sessionRatios = new ArrayList<>();
      List<Double> statelessRatios = new ArrayList<>();
      for (int round = 1; round <= rounds; round++) {
        double[] o = rate(ours, headers, body);
        double[] b = rate(bare, bareHeaders, body);
        // --session-only: one session, as a plain wrk setup runs it (no 2026-07-28 requests
        // between the session runs)
        double[] st = sessionOnly ? new double[] {Double.NaN, Double.NaN}
            : rate(ours, Sessions.statelessHeaders(), stateless);
        sessionRatios.add(o[0] / b[0]);
        statelessRatios.add(st[0] / b[0]);
        String line = sessionOnly
            ? String.format("| %d | %,.0f (%.1f us) | %,.0f (%.1f us) | %.2fx |", round, o[0],
                o[1], b[0], b[1], o[0] / b[0])
            : String.format("| %d | %,.0f (%.1f us) | %,.0f (%.1f us) | %,.0f (%.1f us)"
                + " | %.2fx | %.2fx |", round, o[0], o[1], st[0], st[1], b[0], b[1],
                o[0] / b[0], st[0] / b[0]);
        System.out.println(host + " " + line);
        alternated.append(line).append('\n');
      }
      String median = sessionOnly
          ? String.format("| median | | | **%.2fx** |", median(sessionRatios))
          : String.format("| median | | | | **%.2fx** | **%.2fx** |", median(sessionRatios),
              median(statelessRatios));
      System.out.println(host + " " + median);
      alternated.append(median).append('\n');
    }
  }

  /**
   * Further 10-second wrk runs on {@code server} until its throughput stops rising ({@link
   * Steady}), at most {@code --max-warmup} seconds. A JVM compiles for a while after a few seconds of load, and how long
   * depends on how much code a request runs through: on two cores the official SDK (Reactor,
   * Jackson 3, the schema validator) still gains for about two minutes, ours and the bare servers
   * for about thirty seconds. Measuring every server after the same fixed warm-up would compare a
   * warm JVM with one still compiling.
   */
  private void warmUntilSteady(String name, ServerProcess server, Map<String, String> headers,
      String body) throws Exception {
    List<Double> rates = Steady.warmUp(steadyWarmup, () -> Wrk.run(server.url(), headers, body,
        EchoServer.BARE_TEXT, 64, Steady.WINDOW).perSecond());
    String line = String.format("%d s until steady (req/s of each 10 s run: %s)%s",
        rates.size() * Steady.WINDOW, Steady.curve(rates),
        Steady.stoppedAtLimit(rates, steadyWarmup) ? ", stopped at --max-warmup" : "");
    warmedUp.put(name, line);
    System.out.printf("%-26s warm-up: %s%n", name, line);
  }

  /** One measured wrk run at 64 connections: requests per second and server CPU per request. */
  private double[] rate(ServerProcess server, Map<String, String> headers, String body)
      throws Exception {
    long cpuBefore = server.cpuNanos();
    Result r = Wrk.measure(server.url(), headers, body, EchoServer.BARE_TEXT, 64, duration,
        checked).result();
    long cpuAfter = server.cpuNanos();
    if (r.errors() > 0) {
      System.out.printf("%s: %d errors in a measured run%n", server.url(), r.errors());
    }
    double micros = cpuBefore < 0 || cpuAfter < 0 ? Double.NaN
        : (cpuAfter - cpuBefore) / 1e3 / (r.perSecond() * duration);
    return new double[] {r.perSecond(), micros};
  }

  private static double median(List<Double> values) {
    List<Double> sorted = new ArrayList<>(values);
    java.util.Collections.sort(sorted);
    int n = sorted.size();
    return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
  }

  // ------------------------------------------------------------------ idle sessions

  /**
   * Opens one session and calls it, opens a tenth of the sessions from 8 threads and calls each
   * once, and lets every server idle for a minute; then reads the live heap (the idle baseline),
   * opens another tenth the same way (so every class, cache, server thread and connection exists
   * again), reads the live heap, opens the rest and reads it again (the heap per new session),
   * calls echo once on each and leaves them all idle for a minute (our server sheds an idle
   * session's engine after 30 s, swept every 30 s), reads the live heap again (per idle session,
   * against the idle baseline), then calls echo once more on every session.
   *
   * <p>The idle baseline matters where a server lets go of threads and connections when idle: on
   * Java 17 the embedded host's request pool lets its threads and their buffers go after 30 s,
   * and it closes idle connections after 30 s, so a reading taken while they existed made the idle
   * sessions look smaller than nothing.
   */
  private void idleSessions() throws Exception {
    List<Target> targets = new ArrayList<>();
    for (Target t : SERVERS) {
      if (!t.impl().equals("bare") && selected(t.name())) {
        targets.add(t);
      }
    }
    List<ServerProcess> servers = new ArrayList<>();
    Map<String, Long> idleBefore = new LinkedHashMap<>();
    Map<String, List<Sessions.Session>> opened = new LinkedHashMap<>();
    try {
      for (Target t : targets) {
        ServerProcess server = ServerProcess.start(t.name() + "-idle", t.impl(), t.host(), logs);
        servers.add(server);
        List<Sessions.Session> all = new ArrayList<>();
        Sessions.Session first = http.open(server.url());
        all.add(first);
        for (int i = 0; i < 50; i++) {
          http.echo(server.url(), first, EchoServer.BARE_TEXT);
        }
        List<Sessions.Session> warm = http.openMany(server.url(), warmSessions(), 8);
        http.echoEach(server.url(), warm, 8); // used, so that they idle rather than expire unused
        all.addAll(warm);
        opened.put(t.name(), all);
      }
      idle(System.nanoTime());
      long lastOpened = 0;
      for (int i = 0; i < targets.size(); i++) {
        Target t = targets.get(i);
        ServerProcess server = servers.get(i);
        List<Sessions.Session> all = opened.get(t.name());
        idleBefore.put(t.name(), server.liveHeapBytes());
        // another tenth, with the concurrency of the rest: the server's threads, their buffers and
        // the client's connections then exist before the next reading, so the difference over the
        // rest is the sessions' own
        all.addAll(http.openMany(server.url(), warmSessions(), 8));
        long before = server.liveHeapBytes();
        long start = System.nanoTime();
        all.addAll(http.openMany(server.url(), measuredSessions(), 8));
        long openedNanos = System.nanoTime();
        // read at once: a session opened and never used expires after a minute on our server
        long perNew = (server.liveHeapBytes() - before) / measuredSessions();
        newBytes.put(t.name(), perNew);
        // one call each, as a client makes, so that the sessions are used and wait out the idle
        // time as idle sessions rather than expire as unused ones
        long firstCallFailed = http.echoEach(server.url(), all, 8);
        lastOpened = System.nanoTime();
        System.out.printf("%-26s %,d sessions opened in %.1f s: %,d bytes per new session;"
                + " one call each, %d failed%n", t.name(), all.size(),
            (openedNanos - start) / 1e9, perNew, firstCallFailed);
      }
      idle(lastOpened);
      for (int i = 0; i < targets.size(); i++) {
        Target t = targets.get(i);
        ServerProcess server = servers.get(i);
        long after = server.liveHeapBytes();
        // every session opened after the idle baseline: the second tenth and the rest
        long perSession = (after - idleBefore.get(t.name()))
            / (warmSessions() + measuredSessions());
        long failed = http.echoEach(server.url(), opened.get(t.name()), 8);
        idleBytes.put(t.name(), perSession);
        idleErrors.put(t.name(), failed);
        System.out.printf("%-26s live heap %,d (idle, before) -> %,d bytes: %,d bytes per idle"
                + " session; %,d sessions called, %d failed%n", t.name(),
            idleBefore.get(t.name()), after, perSession, opened.get(t.name()).size(), failed);
      }
    } finally {
      for (ServerProcess s : servers) {
        s.close();
      }
    }
  }

  /** Waits until {@code idleWait} seconds have passed since {@code since} (a nanoTime). */
  private void idle(long since) throws InterruptedException {
    long wait = since + TimeUnit.SECONDS.toNanos(idleWait) - System.nanoTime();
    if (wait > 0) {
      System.out.printf("sessions idle for %d s ...%n", TimeUnit.NANOSECONDS.toSeconds(wait));
      TimeUnit.NANOSECONDS.sleep(wait);
    }
  }

  /** Sessions opened before each of the first two heap readings, besides the first one. */
  private int warmSessions() {
    return Math.max(1, (sessions - 1) / 10);
  }

  /** Sessions opened between the last two heap readings. */
  private int measuredSessions() {
    return sessions - 1 - 2 * warmSessions();
  }

  // ------------------------------------------------------------------ client

  /** Our client and the official client, each in its own JVM, against our server on Jetty. */
  private void clientThroughput() throws Exception {
    try (ServerProcess server = ServerProcess.start("client-target", "ours", "jetty", logs)) {
      for (String impl : List.of("ours", "official")) {
        for (int callers : List.of(1, 16)) {
          List<String> command = ServerProcess.java(List.of("client-bench", "--impl", impl,
              "--url", server.url(), "--callers", String.valueOf(callers),
              "--warmup", String.valueOf(warmup), "--max-warmup", String.valueOf(steadyWarmup),
              "--duration", String.valueOf(duration)), impl.equals("official"));
          Path log = logs.resolve("client-" + impl + "-" + callers + ".log");
          Process p = new ProcessBuilder(command).redirectErrorStream(true)
              .redirectOutput(log.toFile()).start();
          if (!p.waitFor(warmup + steadyWarmup + duration + 60L, TimeUnit.SECONDS)) {
            p.destroyForcibly();
          }
          String output = Files.readString(log, StandardCharsets.UTF_8);
          Result r;
          try {
            r = Result.parse(output);
          } catch (IllegalStateException e) {
            System.out.println("client-bench " + impl + " failed; see " + log);
            r = Result.NONE;
          }
          clients.put(impl + "@" + callers, r);
          output.lines().filter(l -> l.startsWith("WARMUP ")).findFirst().ifPresent(l ->
              warmedUp.put("client " + impl + ", " + callers + " callers", l.substring(7)));
          System.out.printf("client %-9s %2d callers: %,8.0f calls/s p50 %5.2f ms p99 %6.2f ms"
                  + " errors %d%n", impl, callers, r.perSecond(), r.p50Millis(), r.p99Millis(),
              r.errors());
        }
      }
    }
  }

  // ------------------------------------------------------------------ for the report

  Map<String, Result> at64() {
    return at64;
  }

  Map<String, Result> at1() {
    return at1;
  }

  Map<String, Long> idleBytes() {
    return idleBytes;
  }

  /** Live heap per session right after {@code initialize} and {@code notifications/initialized}. */
  Map<String, Long> newBytes() {
    return newBytes;
  }

  Map<String, Long> idleErrors() {
    return idleErrors;
  }

  Map<String, Result> clients() {
    return clients;
  }

  /** Server CPU time per request at 64 connections, in microseconds. */
  Map<String, Double> serverCpu() {
    return serverCpu;
  }

  /** wrk's own CPU time per request at 64 connections, in microseconds. */
  Map<String, Double> wrkCpu() {
    return wrkCpu;
  }

  int sessions() {
    return sessions;
  }

  Map<String, String> warmedUp() {
    return warmedUp;
  }

  String conditions() {
    return String.format("%s, %d cores, Java %s, JVM %s, wrk %d s per run after a %d s warm-up"
        + " and then until steady (at most %d s more)",
        Instant.now(), Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.version"), String.join(" ", ServerProcess.flags()), duration,
        warmup, steadyWarmup) + (checked ? ", every answer checked in Lua" : ", plain wrk (no Lua"
        + " check of answers)");
  }
}
