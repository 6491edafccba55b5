package dev.mcpkit.examples.cluster;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Starts one embedded PostgreSQL, {@code N} conformance-server processes of the examples jar on
 * it ({@code --postgres}) and a {@link RoundRobinProxy} in front of them, then writes the proxy's
 * MCP URL to a file and runs until it is stopped (SIGTERM), when it stops everything it started.
 *
 * <pre>java -cp TEST_CLASSPATH dev.mcpkit.examples.cluster.ConformanceCluster JAR URL_FILE LOG_DIR [N]</pre>
 */
public final class ConformanceCluster {
  private static final long START_TIMEOUT_MS = 90_000;

  private ConformanceCluster() {}

  public static void main(String[] args) throws Exception {
    if (args.length < 3) {
      System.err.println("usage: ConformanceCluster JAR URL_FILE LOG_DIR [INSTANCES]");
      System.exit(2);
    }
    Path jar = Path.of(args[0]);
    Path urlFile = Path.of(args[1]);
    Path logs = Files.createDirectories(Path.of(args[2]));
    int instances = args.length > 3 ? Integer.parseInt(args[3]) : 3;
    EmbeddedPostgres pg = EmbeddedPostgres.builder()
        .setServerConfig("max_connections", "200").start();
    String jdbc = pg.getJdbcUrl("postgres", "postgres");
    List<Process> processes = new ArrayList<>();
    RoundRobinProxy[] proxy = new RoundRobinProxy[1];
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      if (proxy[0] != null) {
        System.err.println("cluster: requests per instance " + Arrays.toString(proxy[0].served()));
        proxy[0].close();
      }
      processes.forEach(Process::destroy);
      for (Process p : processes) {
        try {
          if (!p.waitFor(10, TimeUnit.SECONDS)) {
            p.destroyForcibly();
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
      try {
        pg.close();
      } catch (IOException ignored) {
        // the JVM is exiting
      }
      stopped.countDown();
    }, "cluster-shutdown"));
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    for (int i = 1; i <= instances; i++) {
      Path log = logs.resolve("instance-" + i + ".log");
      ProcessBuilder builder = new ProcessBuilder(java, "-Xmx256m", "-XX:+UseSerialGC",
          "-jar", jar.toString(), "conformance-server", "--port", "0", "--postgres", jdbc)
          .redirectErrorStream(true).redirectOutput(log.toFile());
      processes.add(builder.start());
    }
    List<URI> upstreams = new ArrayList<>();
    for (int i = 0; i < instances; i++) {
      upstreams.add(awaitListening(processes.get(i), logs.resolve("instance-" + (i + 1) + ".log")));
    }
    proxy[0] = RoundRobinProxy.start(upstreams);
    String url = proxy[0].uri() + "/mcp";
    Files.writeString(urlFile, url + "\n");
    System.err.println("cluster: " + instances + " instances " + upstreams + " behind " + url);
    stopped.await();
  }

  /** The instance's base URI, read from the line it prints once it listens. */
  private static URI awaitListening(Process process, Path log) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(START_TIMEOUT_MS);
    String marker = "conformance server listening at ";
    while (System.nanoTime() < deadline) {
      if (Files.exists(log)) {
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
          int at = line.indexOf(marker);
          if (at >= 0) {
            URI url = URI.create(line.substring(at + marker.length()).trim());
            return URI.create(url.getScheme() + "://" + url.getRawAuthority());
          }
        }
      }
      if (!process.isAlive()) {
        throw new IllegalStateException("an instance exited early (exit " + process.exitValue()
            + "); see " + log);
      }
      Thread.sleep(100);
    }
    throw new IllegalStateException("an instance did not listen within 90 s; see " + log);
  }
}
