package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.schema.OfficialSchema;
import dev.mcpkit.core.schema.ProtocolVersion;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The sequence a new user types from the tool endpoint's product page, run verbatim with curl
 * against a real {@link McpHttpServer} on loopback: {@code initialize} asking for 2024-11-05 with
 * no {@code Accept} header, then {@code tools/list} and {@code tools/call}. Every answer must be
 * exactly what 2024-11-05 defines: no {@code title}, {@code annotations}, {@code outputSchema},
 * {@code structuredContent} or {@code icons}.
 */
class CurlSession20241105Test {
  /** The page's sequence; {@code $URL} is the endpoint. */
  static final String SEQUENCE = String.join("\n",
      "SID=$(curl -s -D - -o /dev/null -H 'Content-Type: application/json' \\",
      "  -d '{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
          + "\"protocolVersion\":\"2024-11-05\",\"capabilities\":{},"
          + "\"clientInfo\":{\"name\":\"curl\",\"version\":\"1\"}}}' \"$URL\" \\",
      "  | tr -d '\\r' | awk -F': ' 'tolower($1)==\"mcp-session-id\" {print $2}')",
      "curl -s -H 'Content-Type: application/json' -H \"Mcp-Session-Id: $SID\" \\",
      "  -d '{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}' \"$URL\"",
      "curl -s -H 'Content-Type: application/json' -H \"Mcp-Session-Id: $SID\" \\",
      "  -d '{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}' \"$URL\"; echo",
      "curl -s -H 'Content-Type: application/json' -H \"Mcp-Session-Id: $SID\" \\",
      "  -d '{\"jsonrpc\":\"2.0\",\"id\":3,\"method\":\"tools/call\",\"params\":{\"name\":"
          + "\"weather\",\"arguments\":{\"city\":\"Paris\"}}}' \"$URL\"; echo");

  @Test
  void theProductPageCurlSequenceGetsOnlyWhat20241105Defines() throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/bin/bash"))
        && Files.isExecutable(Path.of("/usr/bin/curl")), "bash or curl missing");
    try (ServerFixture fixture = new ServerFixture(RevisionFixture.server())) {
      List<JsonNode> answers = run("URL='" + fixture.http.url() + "'\n" + SEQUENCE);

      assertThat(answers).hasSize(2);
      JsonNode list = answers.get(0).get("result");
      JsonNode call = answers.get(1).get("result");
      assertThat(list.path("tools").findValuesAsText("name")).contains("weather");
      assertThat(call.path("content").get(0).path("text").asText()).contains("21.5");
      assertThat(OfficialSchema.problemsInResult(ProtocolVersion.V2024_11_05, "ListToolsResult",
          list)).as("%s", list).isEmpty();
      assertThat(OfficialSchema.problemsInResult(ProtocolVersion.V2024_11_05, "CallToolResult",
          call)).as("%s", call).isEmpty();
      String wire = answers.toString();
      for (String unknown : List.of("\"title\"", "\"annotations\"", "\"outputSchema\"",
          "\"structuredContent\"", "\"icons\"")) {
        assertThat(wire).doesNotContain(unknown);
      }
    }
  }

  private static List<JsonNode> run(String script) throws Exception {
    Process process = new ProcessBuilder("/bin/bash", "-c", script).redirectErrorStream(true)
        .start();
    process.getOutputStream().close();
    if (!process.waitFor(30, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("the curl sequence did not finish in 30 s");
    }
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    List<JsonNode> answers = new ArrayList<>();
    for (String line : output.split("\n")) {
      if (line.startsWith("{")) {
        answers.add(RawClient.json(line));
      }
    }
    assertThat(answers).as("answers in:%n%s", output).isNotEmpty();
    return answers;
  }
}
