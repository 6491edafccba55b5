package dev.mcpkit.benchmarks;

import java.util.Arrays;

/**
 * {@code java -jar benchmarks/target/mcp-benchmarks.jar COMMAND}: {@code jmh [JMH options]} runs the
 * JMH benchmarks (e.g. {@code jmh CodecBenchmark -prof gc}); {@code echo-server} serves the echo
 * tool; {@code load} runs the loopback load harness; {@code client-bench} measures one client;
 * {@code telemetry-overhead} compares tools/call with and without mcp-opentelemetry.
 */
public final class Main {
  private static final String USAGE = """
      usage: java -jar mcp-benchmarks.jar COMMAND [options]
        jmh [JMH options]                 JMH benchmarks (e.g. jmh CodecBenchmark -prof gc)
        echo-server --port PORT --host jdk|jetty|tomcat [--impl ours|official|bare]
        load [--duration S] [--warmup S] [--sessions N] [--idle-wait S] [--only NAMES]
             [--skip-idle] [--skip-client] [--skip-throughput] [--vs-bare] [--plain-wrk]
             [--jvm-flags "FLAGS"] [--out FILE]  every server under wrk, idle sessions,
                                          clients; prints the table with the targets
        client-bench --impl ours|official --url URL --callers N [--warmup S] [--duration S]
        postgres [--url JDBC_URL] [--duration S]  approval decisions across two instances, audit
                                          appends, and session tools/call with PostgreSQL stores
                                          against in-memory ones (starts PostgreSQL without --url)
        telemetry-overhead [--rounds N] [--batch N]  tools/call with no telemetry, on the
                                          OpenTelemetry API alone and on the SDK, interleaved

        streams --host jdk|jetty|tomcat [--streams N] [--slow N] [--duration S] [--warmup S]
                                          open event streams and slow connections under wrk
        alloc-per-call [--calls N]        bytes allocated per tools/call on the in-memory server
                                          path, session and 2026-07-28""";

  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println(USAGE);
      System.exit(2);
    }
    if (System.getProperty("sun.net.httpserver.nodelay") == null) {
      // JDK-host servers started in this JVM (postgres, telemetry-overhead): without it every
      // small answer waits for the peer's delayed ACK (~40 ms), which measures TCP, not mcpkit
      System.setProperty("sun.net.httpserver.nodelay", "true");
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "jmh" -> org.openjdk.jmh.Main.main(rest);
      case "echo-server" -> dev.mcpkit.benchmarks.load.EchoServer.main(rest);
      case "load" -> dev.mcpkit.benchmarks.load.LoadHarness.main(rest);
      case "client-bench" -> dev.mcpkit.benchmarks.load.ClientBench.main(rest);
      case "postgres" -> dev.mcpkit.benchmarks.postgres.PostgresFigures.main(rest);
      case "telemetry-overhead" -> TelemetryOverhead.main(rest);
      case "streams" -> dev.mcpkit.benchmarks.load.StreamLoad.main(rest);
      case "alloc-per-call" -> AllocationPerCall.main(rest);
      default -> {
        System.err.println("unknown command " + args[0]);
        System.err.println(USAGE);
        System.exit(2);
      }
    }
  }
}
