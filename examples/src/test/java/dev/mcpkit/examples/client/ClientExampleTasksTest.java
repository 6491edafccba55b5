package dev.mcpkit.examples.client;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.examples.conformance.ConformanceServer;
import dev.mcpkit.server.McpHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The client CLI running a tool as a task against the conformance server, over loopback. */
@Timeout(30)
class ClientExampleTasksTest {
  private McpHttpServer server;
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  @BeforeEach
  void start() {
    server = ConformanceServer.start(0);
  }

  @AfterEach
  void stop() {
    server.close();
  }

  private int run(String... args) {
    return ClientExample.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  @Test
  void aTaskShowsItsProgressWhilePollingAndPrintsTheResult() {
    int exit = run("--task", "call", server.url().toString(), "slow_compute",
        "{\"seconds\": 1, \"label\": \"cli\"}");

    String log = err.toString(StandardCharsets.UTF_8);
    assertThat(exit).isEqualTo(0);
    assertThat(log).contains("protocol 2026-07-28").containsPattern("task [0-9a-f]{32} started")
        .contains("task working: 0/1: computing cli").contains("task completed");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Computed cli in 1 s");
  }

  @Test
  void aSessionServerRunsTheTaskToo() {
    int exit = run("--task", "--protocol", "2025-11-25", "call", server.url().toString(),
        "slow_compute", "{\"seconds\": 0, \"label\": \"s\"}");

    assertThat(exit).isEqualTo(0);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("started");
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("Computed s in 0 s");
  }

  @Test
  void aToolErrorInATaskExitsWithOne() {
    assertThat(run("--task", "call", server.url().toString(), "failing_job", "{}")).isEqualTo(1);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("the input data set is empty");
  }
}
