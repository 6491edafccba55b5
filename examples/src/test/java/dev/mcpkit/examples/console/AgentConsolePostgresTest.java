package dev.mcpkit.examples.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.examples.toolserver.ToolServerExample;
import dev.mcpkit.postgres.TestDatabase;
import dev.mcpkit.server.McpHttpServer;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent console with {@code --postgres} against a real PostgreSQL: servers, permissions, the
 * connection, a pending approval and the log survive a restart of the console.
 */
class AgentConsolePostgresTest {
  private static final String KEY = "console-test-key-0123456789abcdefghijklmnop";
  @TempDir static Path outbox;
  private static McpHttpServer toolServer;

  @BeforeAll
  static void startToolServer() throws Exception {
    toolServer = ToolServerExample.startInBackground(outbox, KEY);
  }

  @AfterAll
  static void stopToolServer() {
    toolServer.close();
  }

  private static String run(String script, Map<String, String> env) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    Map<String, String> all = new HashMap<>(env);
    all.put("TOOL_SERVER_URL", toolServer.url().toString());
    all.put("TOOL_SERVER_API_KEY", KEY);
    int code = AgentConsoleExample.run(new String[0],
        new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8), all);
    String text = out.toString(StandardCharsets.UTF_8);
    assertThat(code).as(text).isZero();
    return text;
  }

  @Test
  void serversPermissionsPendingApprovalsAndTheLogSurviveARestart() throws Exception {
    Map<String, String> env = Map.of(
        "MCPKIT_POSTGRES_URL", TestDatabase.jdbcUrl(),
        "MCPKIT_SECRET_KEY", Base64.getEncoder().encodeToString(new byte[32]));
    String first = run("""
        register docs ${TOOL_SERVER_URL} --name "Docs" --api-key-header Authorization
        share docs group:support
        attach docs
        permission docs search_docs always
        permission docs send_email approval
        as alice
        call docs/search_docs {"query": "deploy"}
        api-key docs ${TOOL_SERVER_API_KEY}
        call send_email {"to": "ops@lumen.example", "subject": "Before the restart", "body": "x"}
        """, env);
    assertThat(first).contains("stores: PostgreSQL").contains("approval 1 needed");

    String second = run("""
        as alice
        approve 1
        call search_docs {"query": "deploy"}
        as admin
        log 40
        """, env);

    assertThat(second).contains("approval 1 pending since").contains("Before the restart")
        .contains("result (").contains("search_docs").contains("attached server 'Docs'")
        .contains("connection_required");
    assertThat(outbox.toFile().list()).hasSize(1);

    String inMemory = run("as alice\ncall docs/search_docs {\"query\": \"deploy\"}\n", Map.of());
    assertThat(inMemory).doesNotContain("stores: PostgreSQL").doesNotContain("result (");
  }

  @Test
  void postgresWithoutASecretKeyIsRefusedWithWhatToSet() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = AgentConsoleExample.run(new String[] {"--postgres", TestDatabase.jdbcUrl()},
        new ByteArrayInputStream(new byte[0]), new PrintStream(out, true, StandardCharsets.UTF_8),
        Map.of());
    assertThat(code).isEqualTo(2);
    assertThat(out.toString(StandardCharsets.UTF_8)).contains("MCPKIT_SECRET_KEY");
  }
}
