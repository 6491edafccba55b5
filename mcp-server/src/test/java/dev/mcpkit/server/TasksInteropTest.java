package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The TypeScript SDK's task client (experimental in the pinned 1.32.2, 2025-11-25 tasks) drives
 * our tasks over loopback: task-augmented calls, status, the result through {@code tasks/result}
 * (input asked over it), and {@code tasks/list}. Needs Node 22 and {@code interop/node_modules};
 * skipped without them, like {@link InteropTest}.
 */
class TasksInteropTest {
  private final TaskToolsForTests tools = new TaskToolsForTests();
  private Path node;
  private Path interop;
  private ServerFixture fixture;

  @BeforeEach
  void start() {
    node = locate("MCPKIT_NODE22", ".ci/.node/current/bin/node");
    interop = locate("MCPKIT_INTEROP", "interop");
    assumeTrue(node != null && interop != null
        && Files.isDirectory(interop.resolve("node_modules/@modelcontextprotocol/sdk")),
        "Node 22 and interop/node_modules are not installed: run .ci/setup-node");
    fixture = new ServerFixture(tools.server(TaskOptions.defaults()).build());
  }

  @AfterEach
  void stop() {
    if (fixture != null) {
      fixture.close();
    }
  }

  private static Path locate(String env, String relative) {
    String value = System.getenv(env);
    if (value != null && !value.isBlank()) {
      return Path.of(value);
    }
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve(relative))) {
        return dir.resolve(relative);
      }
    }
    return null;
  }

  @Test
  void theTypeScriptSdkRunsOurToolsAsTasks() throws Exception {
    File log = Files.createTempFile("tasks-interop", ".log").toFile();
    Process p = new ProcessBuilder(node.toString(),
        Path.of("src/test/js/sdk-tasks-client.mjs").toAbsolutePath().toString(),
        interop.toAbsolutePath().toString(), fixture.http.url().toString())
        .redirectError(log).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("finished in time").isTrue();
    assertThat(p.exitValue()).as("exit status; stderr: %s", Files.readString(log.toPath()))
        .isZero();
    JsonNode seen = RawClient.json(out.substring(out.indexOf('{')));

    assertThat(seen.path("protocolVersion").asText()).isEqualTo("2025-11-25");
    assertThat(seen.path("capabilities").path("requests").path("tools").has("call")).isTrue();
    assertThat(seen.path("execution").path("must_task").asText()).isEqualTo("required");
    assertThat(seen.path("required").path("seen").toString()).contains("taskCreated")
        .contains("result");
    assertThat(seen.path("required").path("text").asText()).isEqualTo("tasked");
    assertThat(seen.path("asked").path("text").asText()).isEqualTo("Hello Ada");
    assertThat(seen.path("elicited").asInt()).isEqualTo(1);
    assertThat(seen.path("status").asText()).isEqualTo("completed");
    assertThat(seen.path("listed")).hasSize(2);
  }
}
