package dev.mcpkit.benchmarks.load;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An echo server (or a client bench) in its own JVM, with the harness's JVM flags. */
final class ServerProcess implements AutoCloseable {
  /** The JDK HTTP server reads {@code nodelay} JVM-wide; Jetty and Tomcat ignore it. */
  static final List<String> JVM_FLAGS = List.of("-Xms64m", "-Xmx512m", "-XX:+UseG1GC",
      "-Dsun.net.httpserver.nodelay=true");

  /**
   * The flags every server JVM (ours, the official SDK's, the bare ones) starts with; replaced as a
   * whole by {@code load --jvm-flags}.
   */
  private static volatile List<String> flags = JVM_FLAGS;

  /** Starts every later server with {@code heapAndGc} instead of the default heap and GC flags. */
  static void useFlags(List<String> heapAndGc) {
    List<String> all = new ArrayList<>(heapAndGc);
    all.add("-Dsun.net.httpserver.nodelay=true"); // without it every JDK-host answer waits ~40 ms
    flags = List.copyOf(all);
  }

  static List<String> flags() {
    return flags;
  }

  final String name;
  final int port;
  private final Process process;
  private final Path log;

  private ServerProcess(String name, int port, Process process, Path log) {
    this.name = name;
    this.port = port;
    this.process = process;
    this.log = log;
  }

  static ServerProcess start(String name, String impl, String host, Path logDir)
      throws IOException, InterruptedException {
    int port = freePort();
    List<String> command = java(List.of("echo-server", "--port", String.valueOf(port),
        "--host", host, "--impl", impl), impl.equals("official"));
    Path log = logDir.resolve(name + ".log");
    Process process = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(log.toFile()).start();
    ServerProcess server = new ServerProcess(name, port, process, log);
    server.awaitListening();
    return server;
  }

  /** {@code java <flags> -cp <this class path> Main <args>}, for the official SDK or ours. */
  static List<String> java(List<String> args, boolean official) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(flags);
    String extra = System.getProperty("load.jvmArgs");
    if (extra != null && !extra.isBlank()) {
      command.addAll(List.of(extra.trim().split("\\s+")));
    }
    command.add("-cp");
    command.add(official ? OfficialClasspath.classpath() : System.getProperty("java.class.path"));
    command.add("dev.mcpkit.benchmarks.Main");
    command.addAll(args);
    return command;
  }

  String url() {
    return "http://127.0.0.1:" + port + "/mcp";
  }

  long pid() {
    return process.pid();
  }

  private void awaitListening() throws IOException, InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IOException(name + " exited: " + Files.readString(log, StandardCharsets.UTF_8));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    throw new IOException(name + " did not listen on port " + port + " within 60 s; see " + log);
  }

  /** The CPU time the server process has used so far (all its threads), or -1 if unknown. */
  long cpuNanos() {
    return process.info().totalCpuDuration().map(java.time.Duration::toNanos).orElse(-1L);
  }

  /**
   * The live heap in bytes: {@code jcmd GC.class_histogram} runs a full GC and then counts what is
   * reachable.
   */
  long liveHeapBytes() throws IOException, InterruptedException {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p = new ProcessBuilder(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd",
        String.valueOf(pid()), "GC.class_histogram").redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    p.waitFor();
    for (String line : out.split("\n")) {
      String t = line.trim();
      if (t.startsWith("Total ")) {
        String[] parts = t.split("\\s+");
        return Long.parseLong(parts[2]);
      }
    }
    throw new IOException("no Total line from jcmd GC.class_histogram: " + out);
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      process.waitFor(10, TimeUnit.SECONDS);
    }
  }
}
