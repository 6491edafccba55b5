package dev.mcpkit.benchmarks.load;

import java.util.HashMap;
import java.util.Map;

/** One load run: completed requests per second, latency percentiles and failed requests. */
record Result(double perSecond, double p50Millis, double p99Millis, long errors) {
  static final Result NONE = new Result(Double.NaN, Double.NaN, Double.NaN, -1);

  /**
   * Reads the {@code RESULT key=value ...} line that the wrk script and the client bench print;
   * errors are the failed checks plus wrk's socket errors, timeouts and non-2xx answers.
   */
  static Result parse(String output) {
    for (String line : output.split("\n")) {
      if (line.startsWith("RESULT ")) {
        Map<String, Long> v = new HashMap<>();
        for (String pair : line.substring(7).trim().split(" ")) {
          int eq = pair.indexOf('=');
          v.put(pair.substring(0, eq), Long.parseLong(pair.substring(eq + 1)));
        }
        long errors = v.getOrDefault("bad", 0L) + v.getOrDefault("connect", 0L)
            + v.getOrDefault("read", 0L) + v.getOrDefault("write", 0L)
            + v.getOrDefault("timeout", 0L);
        double seconds = v.get("duration_us") / 1e6;
        return new Result(v.get("requests") / seconds, v.get("p50_us") / 1000.0,
            v.get("p99_us") / 1000.0, errors);
      }
    }
    throw new IllegalStateException("no RESULT line in:\n" + output);
  }
}
