package dev.mcpkit.benchmarks.load;

import java.util.ArrayList;
import java.util.List;

/**
 * The warm-up rule of the load harness and the client bench: 10-second windows until the rate
 * stops rising, that is at least six, then until none of the last three is more than 5 % above the
 * best window before them, or until a time limit.
 */
final class Steady {
  /** Seconds per window. */
  static final int WINDOW = 10;

  private Steady() {}

  /** Measures one window and returns its rate per second. */
  @FunctionalInterface
  interface Window {
    double measure() throws Exception;
  }

  /** The rates of the windows run, in order; no more than {@code maxSeconds} of them in all. */
  static List<Double> warmUp(int maxSeconds, Window window) throws Exception {
    List<Double> rates = new ArrayList<>();
    for (int spent = 0; spent < maxSeconds; spent += WINDOW) {
      rates.add(window.measure());
      if (levelled(rates)) {
        break;
      }
    }
    return rates;
  }

  /** Whether the rates have stopped rising by the rule above. */
  static boolean levelled(List<Double> rates) {
    int n = rates.size();
    return n >= 6 && max(rates.subList(n - 3, n)) <= 1.05 * max(rates.subList(0, n - 3));
  }

  /** Whether {@code rates} ran into the time limit rather than levelling off. */
  static boolean stoppedAtLimit(List<Double> rates, int maxSeconds) {
    return maxSeconds > 0 && rates.size() * WINDOW >= maxSeconds && !levelled(rates);
  }

  /** The rates as "1,234, 2,345, ...". */
  static String curve(List<Double> rates) {
    StringBuilder curve = new StringBuilder();
    for (double r : rates) {
      curve.append(curve.length() == 0 ? "" : ", ").append(String.format("%,.0f", r));
    }
    return curve.toString();
  }

  private static double max(List<Double> values) {
    return values.stream().mapToDouble(d -> d).max().orElse(0);
  }
}
