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
    Path script = Files.createTempFile("mcp-load", ".lua");
    try {
      Files.writeString(script, script(headers, body, expected), StandardCharsets.UTF_8);
      int threads = Math.min(connections, 2);
      List<String> command = new ArrayList<>(List.of("wrk", "-t" + threads, "-c" + connections,
          "-d" + seconds + "s", "--timeout", "10s", "-s", script.toString(), url));
      Process wrk = new ProcessBuilder(command).redirectErrorStream(true).start();
      String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!wrk.waitFor(seconds + 30L, TimeUnit.SECONDS)) {
        wrk.destroyForcibly();
        throw new IOException("wrk did not finish");
      }
      if (Boolean.getBoolean("load.verbose")) {
        System.out.print(output);
      }
      return Result.parse(output);
    } finally {
      Files.deleteIfExists(script);
    }
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
