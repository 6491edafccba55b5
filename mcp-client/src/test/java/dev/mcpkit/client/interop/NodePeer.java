package dev.mcpkit.client.interop;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A Node program from {@code interop/node_modules} run as a test peer. Interop tests are skipped,
 * with a message saying how to enable them, when Node 22 and the installed peers are missing.
 */
final class NodePeer implements AutoCloseable {
  private final Process process;
  final int port;

  private NodePeer(Process process, int port) {
    this.process = process;
    this.port = port;
  }

  /** The repository root (the parent of the module directory tests run in). */
  static Path root() {
    Path dir = Path.of("").toAbsolutePath();
    return Files.exists(dir.resolve("interop")) ? dir : dir.getParent();
  }

  static Path interop() {
    String env = System.getenv("MCPKIT_INTEROP");
    return env != null ? Path.of(env) : root().resolve("interop");
  }

  /** Node 22, or the test is skipped. */
  static Path node() {
    String env = System.getenv("MCPKIT_NODE22");
    Path node = env != null ? Path.of(env) : root().resolve(".ci/.node/current/bin/node");
    assumeTrue(Files.isExecutable(node) && Files.isDirectory(interop().resolve("node_modules")),
        "interop tests skipped: Node 22 (" + node + ") or " + interop().resolve("node_modules")
            + " is missing; run .ci/setup-node to install them");
    return node;
  }

  static Path serverEverything() {
    return interop().resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js");
  }

  /** The command line that runs server-everything on stdio. */
  static List<String> serverEverythingStdio() {
    return List.of(node().toString(), serverEverything().toString(), "stdio");
  }

  static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }

  /** Starts {@code node args...} with PORT set, and waits until the port accepts connections. */
  static NodePeer start(Map<String, String> env, String... args) throws Exception {
    int port = freePort();
    List<String> cmd = new ArrayList<>();
    cmd.add(node().toString());
    for (String a : args) {
      cmd.add(a.replace("{port}", Integer.toString(port)));
    }
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(new File(System.getProperty("java.io.tmpdir"),
            "mcpkit-interop-" + port + ".log")));
    pb.environment().put("PORT", Integer.toString(port));
    pb.environment().put("NODE_PATH", interop().resolve("node_modules").toString());
    pb.environment().putAll(env);
    Process p = pb.start();
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("node peer " + cmd + " exited with " + p.exitValue());
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return new NodePeer(p, port);
      } catch (IOException notYet) {
        p.waitFor(100, TimeUnit.MILLISECONDS);
      }
    }
    p.destroyForcibly();
    throw new IllegalStateException("node peer " + cmd + " did not listen on " + port);
  }

  String url(String path) {
    return "http://127.0.0.1:" + port + path;
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(5, TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
