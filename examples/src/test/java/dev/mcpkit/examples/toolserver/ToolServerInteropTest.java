package dev.mcpkit.examples.toolserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.server.McpHttpServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The clients the start-up output points to, against the tool server: mcp-remote (what the
 * Claude Desktop and Cursor snippets run) and the MCP Inspector CLI. Needs Node 22 and the
 * repository's {@code interop/node_modules} ({@code .ci/setup-node}); skipped without them.
 */
class ToolServerInteropTest {
  @TempDir
  static Path dir;
  private static Path node;
  private static Path interop;
  private static McpHttpServer http;

  @BeforeAll
  static void start() throws Exception {
    node = locate("MCPKIT_NODE22", ".ci/.node/current/bin/node");
    interop = locate("MCPKIT_INTEROP", "interop");
    assumeTrue(node != null && interop != null
        && Files.isDirectory(interop.resolve("node_modules/mcp-remote"))
        && Files.isDirectory(interop.resolve("node_modules/@modelcontextprotocol/inspector-cli")),
        "Node 22 and interop/node_modules are not installed: run .ci/setup-node (CI does) or set"
            + " MCPKIT_NODE22 and MCPKIT_INTEROP to run the interop tests");
    http = new ToolServerExample(dir.resolve("outbox"), Duration.ofMillis(50), System.out)
        .serve(ToolServerOptions.parse(new String[] {"--port", "0"}, Map.of()));
  }

  @AfterAll
  static void stop() {
    if (http != null) {
      http.close();
    }
  }

  @Test
  void mcpRemoteAsInTheClaudeDesktopSnippetListsAndCallsTheTools() throws Exception {
    JsonNode seen = run(Path.of("."), Path.of("src/test/js/mcp-remote-call.mjs").toAbsolutePath()
        .toString(), interop.toString(), http.url().toString(),
        Files.createDirectories(dir.resolve("mcp-remote")).toString(), "search_docs",
        "{\"query\":\"customer refund for a damaged parcel\"}");

    assertThat(seen.path("tools").toString()).contains("search_docs", "send_email",
        "execute_workflow", "hand_over");
    assertThat(seen.at("/result/structuredContent/hits/0/id").asText())
        .isEqualTo("customer-refunds");
  }

  @Test
  void inspectorCliCallsSearchDocs() throws Exception {
    Path cli = interop.resolve("node_modules/@modelcontextprotocol/inspector-cli/build");
    JsonNode called = run(cli, "index.js", http.url().toString(), "--transport", "http",
        "--method", "tools/call", "--tool-name", "search_docs",
        "--tool-arg", "query=reset my two-factor authentication");

    assertThat(called.at("/structuredContent/hits/0/id").asText()).isEqualTo("password-reset");
  }

  private static JsonNode run(Path workDir, String... args) throws Exception {
    List<String> command = new ArrayList<>();
    command.add(node.toString());
    command.addAll(List.of(args));
    File log = Files.createTempFile(dir, "interop", ".log").toFile();
    Process p = new ProcessBuilder(command).directory(workDir.toFile()).redirectError(log).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished in time").isTrue();
    assertThat(p.exitValue()).as("exit status; stderr: %s", Files.readString(log.toPath()))
        .isZero();
    return McpJson.mapper().readTree(out.substring(out.indexOf('{')));
  }

  /** From the environment variable, or found in the checkout above the module. */
  private static Path locate(String env, String relative) {
    String value = System.getenv(env);
    if (value != null && !value.isBlank()) {
      return Path.of(value);
    }
    for (Path d = Path.of("").toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.exists(d.resolve(relative))) {
        return d.resolve(relative);
      }
    }
    return null;
  }
}
