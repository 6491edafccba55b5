package dev.mcpkit.benchmarks;

import java.lang.management.ManagementFactory;

/**
 * {@code alloc-per-call [--calls N]}: bytes allocated per {@code tools/call} on the whole in-memory
 * server path ({@link EngineDispatchBenchmark}'s session and 2026-07-28 methods, bytes in to bytes
 * out), read from the calling thread's allocation counter over {@code N} calls after {@code 2N} of
 * warm-up, three rounds each. Unlike times, these counts hold on a busy machine. About 750 B of
 * each call is the benchmark's own in-memory exchange, not the server's.
 */
final class AllocationPerCall {
  private AllocationPerCall() {}

  static void main(String[] args) throws Exception {
    int calls = 100_000;
    for (int i = 0; i < args.length; i++) {
      if (args[i].equals("--calls")) {
        calls = Integer.parseInt(args[++i]);
      } else {
        System.err.println("usage: alloc-per-call [--calls N]");
        System.exit(2);
      }
    }
    EngineDispatchBenchmark b = new EngineDispatchBenchmark();
    b.setUp();
    try {
      for (boolean stateless : new boolean[] {false, true}) {
        for (int i = 0; i < 2 * calls; i++) {
          call(b, stateless);
        }
        StringBuilder line = new StringBuilder(stateless ? "2026-07-28 tools/call:"
            : "session tools/call:   ");
        for (int round = 0; round < 3; round++) {
          long before = allocated();
          for (int i = 0; i < calls; i++) {
            call(b, stateless);
          }
          line.append(String.format(" %,d B", (allocated() - before) / calls));
        }
        System.out.println(line + " per call (three rounds of " + calls + ")");
      }
    } finally {
      b.tearDown();
    }
  }

  private static Object call(EngineDispatchBenchmark b, boolean stateless) {
    return stateless ? b.statelessToolsCallOverHttp() : b.sessionToolsCallOverHttp();
  }

  private static long allocated() {
    return ((com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean())
        .getThreadAllocatedBytes(Thread.currentThread().getId());
  }
}
