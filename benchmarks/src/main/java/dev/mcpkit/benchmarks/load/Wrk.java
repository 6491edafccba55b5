package dev.mcpkit.benchmarks.load;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs wrk with a Lua script that POSTs a JSON-RPC request (a new id each time) and checks every
 * response: status 200 and a body containing the echoed text (JSON or SSE alike), else it counts
 * as an error.
 */
final class Wrk {
  /** Where the request id goes: each request gets its own, as JSON-RPC asks within a session. */
  static final String ID_TOKEN = "\"id\":0";

  private Wrk() {}

  /** Whether wrk is on the PATH. */
  static boolean installed() {
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (Files.isExecutable(Path.of(dir, "wrk"))) {
        return true;
      }
    }
    return false;
  }

  static Result run(String url, Map<String, String> headers, String body, String expected,
      int connections, int seconds) throws IOException, InterruptedException {
    return measure(url, headers, body, expected, connections, seconds, true).result();
  }

  /**
   * One wrk run and the CPU time wrk itself used.
   *
   * @param result the requests, latencies and errors
   * @param wrkCpuNanos user and system CPU time of the wrk process, or -1 if not known
   */
  record Measured(Result result, long wrkCpuNanos) {}

  /**
   * Runs wrk; with {@code checked} false, as a plain wrk setup does, without the Lua check of each
   * answer (see {@link #plainScript}).
   */
  static Measured measure(String url, Map<String, String> headers, String body, String expected,
      int connections, int seconds, boolean checked) throws IOException, InterruptedException {
    Path script = Files.createTempFile("mcp-load", ".lua");
    try {
      Files.writeString(script, checked ? script(headers, body, expected) : plainScript(headers,
          body), StandardCharsets.UTF_8);
      int threads = Math.min(connections, 2);
      // bash's times builtin prints the CPU its children (wrk) used
      String wrkLine = String.join(" ", "wrk", "-t" + threads, "-c" + connections,
          "-d" + seconds + "s", "--timeout", "10s", "-s", "'" + script + "'", "'" + url + "'");
      List<String> command = new ArrayList<>(List.of("bash", "-c", wrkLine + "; times"));
      Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
        wrk.destroyForcibly();
        throw new IOException("wrk did not finish");
      }
      if (Boolean.getBoolean("load.verbose")) {
        System.out.print(output);
      }
      return new Measured(Result.parse(output), childCpuNanos(output));
    } finally {
      Files.deleteIfExists(script);
    }
  }

  /** The children's user and system time from the second line {@code times} prints. */
  static long childCpuNanos(String output) {
    String[] lines = output.strip().split("\n");
    if (lines.length < 2) {
      return -1;
    }
    String[] parts = lines[lines.length - 1].trim().split("\\s+");
    if (parts.length != 2) {
      return -1;
    }
    return seconds(parts[0]) + seconds(parts[1]);
  }

  /** {@code 1m2.345s} in nanoseconds. */
  private static long seconds(String time) {
    int m = time.indexOf('m');
    double minutes = Double.parseDouble(time.substring(0, m));
    double secs = Double.parseDouble(time.substring(m + 1, time.length() - 1));
    return (long) ((minutes * 60 + secs) * 1e9);
  }

  /**
   * Without the check: each request still gets its own id (a session refuses an id that a request
   * in flight already uses, so a fixed body would turn concurrent requests into JSON-RPC errors),
   * but no {@code response()} callback, so wrk never copies a body into Lua; non-2xx answers,
   * socket errors and timeouts are the errors.
   */
  static String plainScript(Map<String, String> headers, String body) {
    String checked = script(headers, body, "");
    int from = checked.indexOf("function response(");
    int to = checked.indexOf("function done(");
    return checked.substring(0, from) + checked.substring(to)
        .replace("local b = 0", "local b = summary.errors.status")
        .replace("b = b + t:get(\"bad\")", "");
  }

  static String script(Map<String, String> headers, String body, String expected) {
    StringBuilder lua = new StringBuilder();
    lua.append("wrk.method = \"POST\"\n");
    int at = body.indexOf(ID_TOKEN);
    if (at < 0) {
      throw new IllegalArgumentException("the body must carry " + ID_TOKEN + " to number requests");
    }
    lua.append("local prefix = ").append(quote(body.substring(0, at) + "\"id\":")).append('\n');
    lua.append("local suffix = ").append(quote(body.substring(at + ID_TOKEN.length())))
        .append('\n');
    headers.forEach((k, v) -> lua.append("wrk.headers[").append(quote(k)).append("] = ")
        .append(quote(v)).append('\n'));
    lua.append("local expected = ").append(quote(expected)).append('\n');
    lua.append("""
        local threads = {}
        local counter = 0
        function setup(thread)
          table.insert(threads, thread)
          thread:set("base", #threads * 1000000000)
        end
        function init(args)
          bad = 0
          counter = base
        end
        function request()
          counter = counter + 1
          return wrk.format(nil, nil, nil, prefix .. counter .. suffix)
        end
        function response(status, headers, body)
          if status ~= 200 or not string.find(body, expected, 1, true) then
            bad = bad + 1
          end
        end
        function done(summary, latency, requests)
          local b = 0
          for _, t in ipairs(threads) do
            b = b + t:get("bad")
          end
          local e = summary.errors
          io.write(string.format("RESULT requests=%d duration_us=%d bad=%d p50_us=%d p99_us=%d"
            .. " connect=%d read=%d write=%d status=%d timeout=%d\\n",
            summary.requests, summary.duration, b, latency:percentile(50),
            latency:percentile(99), e.connect, e.read, e.write, e.status, e.timeout))
        end
        """);
    return lua.toString();
  }

  /** A Lua string literal. */
  private static String quote(String s) {
    StringBuilder q = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '\\' -> q.append("\\\\");
        case '"' -> q.append("\\\"");
        case '\n' -> q.append("\\n");
        case '\r' -> q.append("\\r");
        default -> q.append(c);
      }
    }
    return q.append('"').toString();
  }
}
