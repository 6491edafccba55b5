package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Other implementations' clients against our server: the TypeScript SDK (Streamable HTTP and
 * legacy SSE), the MCP Inspector CLI, and mcp-remote (the bridge Claude Desktop and Cursor use).
 * Needs Node 22 and the repository's {@code interop/node_modules}; skipped without them.
 */
class InteropTest {
  private static Path node;
  private static Path interop;
  private static ServerFixture fixture;

  @BeforeAll
  static void start() {
    node = locate("MCPKIT_NODE22", ".ci/.node/current/bin/node");
    interop = locate("MCPKIT_INTEROP", "interop");
    assumeTrue(node != null && interop != null
        && Files.isDirectory(interop.resolve("node_modules/@modelcontextprotocol/sdk")),
        "Node 22 and interop/node_modules are not installed: run .ci/setup-node (CI does) or set"
            + " MCPKIT_NODE22 and MCPKIT_INTEROP to run the interop tests");
    fixture = new ServerFixture(TestTools.server().build());
  }

  @AfterAll
  static void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  /** From the environment variable, or found in the checkout above the module. */
  private static Path locate(String env, String relative) {
    String value = System.getenv(env);
    if (value != null && !value.isBlank()) {
      return Path.of(value);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      Path candidate = dir.resolve(relative);
      if (Files.exists(candidate)) {
        return candidate;
      }
    }
    return null;
  }

  private static JsonNode run(Path workDir, String... args) throws IOException,
      InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(node.toString());
    command.addAll(List.of(args));
    File log = Files.createTempFile("interop", ".log").toFile();
    Process p = new ProcessBuilder(command).directory(workDir.toFile())
        .redirectError(log).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished in time").isTrue();
    assertThat(p.exitValue()).as("exit status; stderr: %s",
        Files.readString(log.toPath())).isZero();
    String last = out.strip().lines().reduce((a, b) -> b).orElse("{}");
    return RawClient.json(last.startsWith("{") ? last : out.substring(out.indexOf('{')));
  }

  private static Path script(String name) {
    return Path.of("src/test/js", name).toAbsolutePath();
  }

  @Test
  void typeScriptSdkClientListsAndCallsToolsOverStreamableHttp() throws Exception {
    JsonNode seen = run(Path.of("."), script("sdk-client.mjs").toString(), interop.toString(),
        fixture.http.url().toString(), "http");

    assertThat(seen.path("server").path("name").asText()).isEqualTo("test-server");
    assertThat(seen.path("sessionId").asText()).isNotEmpty();
    assertThat(seen.path("tools").toString()).contains("echo", "progress", "ask");
    assertThat(seen.path("echo").asText()).isEqualTo("hihi");
    assertThat(seen.path("progress").asInt()).isEqualTo(2);
    assertThat(seen.path("asked").asText()).isEqualTo("hello Ada");
    assertThat(seen.path("invalid").path("isError").asBoolean()).isTrue();
  }

  @Test
  void typeScriptSdkClientWorksOverTheLegacySseTransport() throws Exception {
    JsonNode seen = run(Path.of("."), script("sdk-client.mjs").toString(), interop.toString(),
        fixture.http.baseUri().resolve("/sse").toString(), "sse");

    assertThat(seen.path("echo").asText()).isEqualTo("hihi");
    assertThat(seen.path("asked").asText()).isEqualTo("hello Ada");
  }

  @Test
  void inspectorCliListsAndCallsTools() throws Exception {
    Path cli = interop.resolve("node_modules/@modelcontextprotocol/inspector-cli/build");
    JsonNode listed = run(cli, "index.js", fixture.http.url().toString(), "--transport", "http",
        "--method", "tools/list");
    JsonNode called = run(cli, "index.js", fixture.http.url().toString(), "--transport", "http",
        "--method", "tools/call", "--tool-name", "echo", "--tool-arg", "text=inspected",
        "--tool-arg", "times=1");

    assertThat(listed.path("tools").toString()).contains("\"echo\"");
    assertThat(called.path("content").get(0).path("text").asText()).isEqualTo("inspected");
  }

  @Test
  void mcpRemoteBridgesStdioToOurHttpEndpoint() throws Exception {
    Path config = Files.createTempDirectory("mcp-remote");
    JsonNode seen = run(Path.of("."), script("mcp-remote-client.mjs").toString(),
        interop.toString(), fixture.http.url().toString(), config.toString());

    assertThat(seen.path("tools").toString()).contains("echo");
    assertThat(seen.path("echo").asText()).isEqualTo("bridged");
  }
}
