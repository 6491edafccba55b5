package dev.mcpkit.server.explorer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mcpkit.server.explorer.Snippet;
import dev.mcpkit.server.explorer.internal.Snippets;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs the page's curl snippet in bash against a loopback MCP endpoint. */
class ExplorerCurlSessionTest {

  @BeforeAll
  static void needsBashAndCurl() {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash")) && Files.isExecutable(Path.of("/usr/bin/curl")),
        "bash or curl missing (/bin/bash, /usr/bin/curl): the curl snippet is not run");
  }

  @Test
  void theCurlSnippetRunsAWholeSessionAgainstTheEndpoint() throws Exception {
    try (TestMcpEndpoint endpoint = TestMcpEndpoint.start()) {
      String output = runBash(curlSnippet(endpoint.model()), Map.of());

      assertThat(output).contains("\"serverInfo\":{\"name\":\"Acme Weather & Tools\"")
          .contains("\"name\":\"get_forecast\"", "\"name\":\"echo\"")
          .contains("\"structuredContent\":{\"city\":\"example\"");
      assertThat(endpoint.calls).hasSize(1);
      assertThat(endpoint.calls.get(0).path("name").asText()).isEqualTo("get_forecast");
    }
  }

  @Test
  void withAHeaderApiKeyTheSnippetSendsTheKeyFromTheEnvironment() throws Exception {
    try (TestMcpEndpoint endpoint = TestMcpEndpoint.startWithApiKey("k-3141592653")) {
      String script = curlSnippet(endpoint.model());

      String output = runBash(script, Map.of("MCP_API_KEY", "k-3141592653"));
      assertThat(output).contains("\"structuredContent\":{\"city\":\"example\"");
      assertThat(script).doesNotContain("k-3141592653");

      String refused = runBash(script, Map.of());
      assertThat(refused).contains("export MCP_API_KEY first");
      assertThat(endpoint.calls).hasSize(1);
    }
  }

  private static String curlSnippet(ExplorerModel model) {
    return Snippets.of(model).stream().filter(s -> s.id().equals("curl")).findFirst()
        .map(Snippet::text).orElseThrow();
  }

  private static String runBash(String script, Map<String, String> env)
      throws IOException, InterruptedException {
    ProcessBuilder pb = new ProcessBuilder("/bin/bash", "-c", script).redirectErrorStream(true);
    pb.environment().remove("MCP_API_KEY");
    pb.environment().putAll(env);
    Process process = pb.start();
    process.getOutputStream().close();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the curl session did not finish in 30 s");
    }
    return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
  }
}
