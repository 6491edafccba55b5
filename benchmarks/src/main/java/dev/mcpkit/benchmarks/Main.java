package dev.mcpkit.benchmarks;

import java.util.Arrays;

/**
 * {@code java -jar benchmarks/target/mcp-benchmarks.jar jmh [JMH options]} runs the JMH benchmarks
 * (e.g. {@code jmh CodecBenchmark -prof gc}).
 */
public final class Main {
  private Main() {}

  public static void main(String[] args) throws Exception {
    if (args.length == 0) {
      System.err.println("usage: java -jar mcp-benchmarks.jar jmh [JMH options]");
      System.exit(2);
    }
    String[] rest = Arrays.copyOfRange(args, 1, args.length);
    switch (args[0]) {
      case "jmh" -> org.openjdk.jmh.Main.main(rest);
      default -> {
        System.err.println("unknown command " + args[0]);
        System.exit(2);
      }
    }
  }
}
