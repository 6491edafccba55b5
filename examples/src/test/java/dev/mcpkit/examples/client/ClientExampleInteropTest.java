package dev.mcpkit.examples.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The client example against the reference server {@code @modelcontextprotocol/server-everything}
 * from npm, over stdio and Streamable HTTP. Skipped, saying why, unless Node 22 and
 * {@code interop/node_modules} are installed ({@code .ci/setup-node} installs both).
 */
class ClientExampleInteropTest {
  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  private static Path node() {
    String env = System.getenv("MCPKIT_NODE22");
    Path node = env != null ? Path.of(env) : ROOT.resolve(".ci/.node/current/bin/node");
    assumeTrue(Files.isExecutable(node) && Files.isRegularFile(everything()),
        "skipped: Node 22 or server-everything missing; run .ci/setup-node");
    return node;
  }

  private static Path everything() {
    return ROOT.resolve("interop/node_modules/@modelcontextprotocol/server-everything/dist/index.js");
  }

  private static String[] run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = ClientExample.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new String[] {Integer.toString(code), out.toString(StandardCharsets.UTF_8),
        err.toString(StandardCharsets.UTF_8)};
  }

  @Test
  void listsAndCallsServerEverythingsToolsOverStdio() {
    String command = node() + " " + everything() + " stdio";
    String[] list = run("--transport", "stdio", "list-tools", command);
    assertThat(list[0]).as(list[2]).isEqualTo("0");
    assertThat(list[1]).contains("echo", "get-sum");

    String[] call = run("--transport", "stdio", "call", command, "echo", "{\"message\":\"hi there\"}");
    assertThat(call[0]).as(call[2]).isEqualTo("0");
    assertThat(call[1]).contains("Echo: hi there");
  }

  @Test
  void callsServerEverythingOverStreamableHttp() throws Exception {
    Path node = node();
    int port;
    try (ServerSocket s = new ServerSocket(0)) {
      port = s.getLocalPort();
    }
    ProcessBuilder pb = new ProcessBuilder(node.toString(), everything().toString(), "streamableHttp")
        .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD);
    pb.environment().put("PORT", Integer.toString(port));
    Process p = pb.start();
    try {
      awaitListening(p, port);
      String[] call = run("call", "http://127.0.0.1:" + port + "/mcp", "get-sum", "{\"a\":2,\"b\":40}");
      assertThat(call[0]).as(call[2]).isEqualTo("0");
      assertThat(call[1]).contains("42");
    } finally {
      p.destroy();
      if (!p.waitFor(5, TimeUnit.SECONDS)) {
        p.destroyForcibly();
      }
    }
  }

  private static void awaitListening(Process p, int port) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (System.nanoTime() < deadline) {
      assertThat(p.isAlive()).as("server-everything still running").isTrue();
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 200);
        return;
      } catch (IOException notYet) {
        p.waitFor(100, TimeUnit.MILLISECONDS);
      }
    }
    throw new AssertionError("server-everything did not listen on " + port);
  }
}
