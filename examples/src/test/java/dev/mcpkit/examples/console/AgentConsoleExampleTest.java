package dev.mcpkit.examples.console;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcpkit.examples.platform.CrmOAuthServer;
import dev.mcpkit.examples.toolserver.ToolServerExample;
import dev.mcpkit.server.McpHttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Stream;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The agent console driven by scripts against the tool-server example over loopback HTTP (with an
 * API key): register, share, attach, permissions, calls, approvals, denials and the log.
 */
class AgentConsoleExampleTest {
  private static final String KEY = "console-test-key-0123456789abcdefghijklmnop";
  @TempDir static Path outbox;
  private static McpHttpServer toolServer;
  private static MockOAuth2Server as;
  private static CrmOAuthServer crm;

  @BeforeAll
  static void startToolServer() throws Exception {
    toolServer = ToolServerExample.startInBackground(outbox, KEY);
    as = new MockOAuth2Server();
    as.start();
    crm = new CrmOAuthServer(as);
  }

  @AfterAll
  static void stopToolServer() {
    toolServer.close();
    crm.close();
    as.shutdown();
  }

  private static String run(String script, String... args) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = AgentConsoleExample.run(args,
        new ByteArrayInputStream(script.getBytes(StandardCharsets.UTF_8)),
        new PrintStream(out, true, StandardCharsets.UTF_8),
        Map.of("TOOL_SERVER_URL", toolServer.url().toString(), "TOOL_SERVER_API_KEY", KEY,
            "CRM_URL", crm.url().toString()));
    assertThat(code).isZero();
    return out.toString(StandardCharsets.UTF_8);
  }

  private static final String SETUP = """
      register docs ${TOOL_SERVER_URL} --name "Docs" --api-key-header Authorization
      share docs group:support
      attach docs
      permission docs search_docs always
      permission docs send_email approval
      permission docs execute_workflow disabled
      """;

  @Test
  void registerShareAttachPermitCallApproveAndTheLogShowsItAll() throws Exception {
    String out = run(SETUP + """
        as alice
        call docs/search_docs {"query": "roll back a bad deploy", "limit": 1}
        api-key docs ${TOOL_SERVER_API_KEY}
        call search_docs {"query": "roll back a bad deploy", "limit": 1}
        call send_email {"to": "ops@lumen.example", "subject": "Rollback", "body": "Done."}
        approve 1
        approve 1
        as admin
        log 50 --full
        """, "--script", "-");
    assertThat(out)
        .contains("registered docs: Docs at " + toolServer.url())
        .contains("connect your account to Docs", "this server takes an API key: api-key docs KEY")
        .contains("connection ", "to docs: CONNECTED")
        .contains("1. Runbook: rolling back a deployment (deploy-rollback")
        .contains("approval 1 needed: docs/send_email")
        .contains("Email to ops@lumen.example queued in the outbox")
        .contains("denied (approval-used)");
    try (Stream<Path> files = Files.list(outbox)) {
      assertThat(files.filter(f -> f.toString().endsWith(".eml"))).hasSize(1);
    }
    String log = out.substring(out.lastIndexOf("log 50 --full"));
    assertThat(log)
        .containsPattern("ADMIN_CHANGE +admin +docs/search_docs +changed")
        .containsPattern("DENIAL +alice +docs/search_docs +connection_required")
        .containsPattern("CALL +alice +docs/search_docs +completed")
        .containsPattern("APPROVAL_REQUESTED +alice +docs/send_email +approval_required")
        .containsPattern("APPROVAL_DECISION +alice +docs/send_email +approved")
        .containsPattern("CALL +alice +docs/send_email +completed")
        .contains("input:  {\"to\":\"ops@lumen.example\",\"subject\":\"Rollback\",\"body\":\"Done.\"}")
        .contains("result: {\"content\":[{\"type\":\"text\",\"text\":\"Email to ops@lumen.example");
    assertThat(out).as("the API key is never printed").doesNotContain(KEY);
  }

  @Test
  void aSharedConnectionIsListedSharedWithTheTeamRenamedByAManagerAndDeletedAndTheLogShowsIt()
      throws Exception {
    String out = run(SETUP + """
        share docs group:support user:bob
        shared-connection docs "Support desk" group:support
        api-key "Support desk" ${TOOL_SERVER_API_KEY}
        connection share "Support desk" team user:bob:manage
        connections docs
        as bob
        connections
        connection rename "Support desk" "Desk account"
        as alice
        connection rename "Desk account" "Mine now"
        connection delete "Desk account"
        connection reconnect "Desk account"
        as admin
        connection delete "Desk account"
        connections docs
        connection rename nothing-like-this x
        log 80
        """, "--script", "-");
    assertThat(out)
        .containsPattern("connection \\S+ to docs: CONNECTED")
        .contains("connection 'Support desk' shared with team (use), user:bob (manage)")
        .containsPattern("'Support desk' +shared +CONNECTED +owner admin +shared with team \\(use\\)")
        .contains("docs (API_KEY)")
        .containsPattern("renamed 'Desk account'")
        .contains("connection 'Desk account' takes an API key: api-key ")
        .contains("connection 'Desk account' deleted")
        .contains("(no connections)")
        .contains("error: no connection 'nothing-like-this' that you may see (try: connections)");
    String alice = out.substring(out.indexOf("alice@assistant> connection rename"),
        out.indexOf("alice@assistant> connection reconnect"));
    assertThat(alice).as("alice may use the connection, not manage it")
        .doesNotContain("renamed").doesNotContain("deleted");
    String log = out.substring(out.lastIndexOf("log 80"));
    assertThat(log)
        .containsPattern("ADMIN_CHANGE +admin +docs +")
        .containsPattern("CONNECTION_CHANGE +admin +docs")
        .containsPattern("CONNECTION_CHANGE +bob +docs");
    assertThat(out).as("the API key is never printed").doesNotContain(KEY);
  }

  @Test
  void anOAuthServerAsksUsersToAuthorizeAndItsConnectionCanBeReconnected() throws Exception {
    String out = run("""
        register crm ${CRM_URL} --name "CRM" --client-id console --client-secret s3cret --scope crm.read --redirect-url http://127.0.0.1/agent-console/oauth/callback
        share crm --team
        attach crm
        permission crm lookup_customer always
        as alice
        call crm/lookup_customer {"name": "Acme"}
        connections crm
        connection reconnect crm
        """, "--script", "-");
    assertThat(out)
        .contains("registered crm: CRM at " + crm.url())
        .contains("shared crm (team)")
        .contains("connect your account to CRM")
        .containsPattern("open http://(localhost|127\\.0\\.0\\.1):\\d+/\\S*authorize\\S*")
        .containsPattern("personal +PENDING +owner alice")
        .contains("crm (OAUTH, scope crm.read)");
    String reconnect = out.substring(out.lastIndexOf("connection reconnect crm"));
    assertThat(reconnect)
        .containsPattern("reconnect '[^']+': open http://(localhost|127\\.0\\.0\\.1):\\d+/")
        .contains("then: callback ");
  }

  @Test
  void anOAuthConnectionCompletedWithTheCallbackUrlCallsAsThatUser() throws Exception {
    BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    BufferedReader in = new BufferedReader(new Reader() {
      private String pending = "";

      @Override
      public int read(char[] buf, int off, int len) throws IOException {
        try {
          while (pending.isEmpty()) {
            String next = lines.poll(30, TimeUnit.SECONDS);
            pending = next == null ? "quit\n" : next + "\n";
          }
        } catch (InterruptedException e) {
          throw new IOException(e);
        }
        int n = Math.min(len, pending.length());
        pending.getChars(0, n, buf, off);
        pending = pending.substring(n);
        return n;
      }

      @Override
      public void close() {}
    });
    Thread console = new Thread(() -> {
      try {
        AgentConsoleExample.repl(in, out, Map.of(), true, null, new byte[32]);
      } catch (IOException e) {
        out.println("console failed: " + e);
      }
    });
    console.start();
    lines.addAll(List.of("register crm " + crm.url() + " --name CRM --client-id console "
        + "--client-secret s3cret --scope \"openid crm.read\"", "share crm --team", "attach crm",
        "permission crm lookup_customer always", "as alice",
        "call crm/lookup_customer {\"name\": \"Acme\"}"));
    Matcher open = Pattern.compile("open (http://\\S+/authorize\\S+)").matcher("");
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (!open.reset(bytes.toString(StandardCharsets.UTF_8)).find()
        && System.nanoTime() < deadline) {
      Thread.sleep(20); // waiting for the console's own output, not for time to pass
    }
    assertThat(open.reset(bytes.toString(StandardCharsets.UTF_8)).find()).as(bytes.toString())
        .isTrue();
    as.enqueueCallback(new DefaultOAuth2TokenCallback("default", "alice@crm", "JWT",
        List.of(crm.url().toString()), Map.of("scope", "crm.read"), 3600));
    HttpResponse<Void> login = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(open.group(1))).timeout(Duration.ofSeconds(10)).build(),
        HttpResponse.BodyHandlers.discarding());
    assertThat(login.statusCode()).as(open.group(1)).isEqualTo(302);
    String callback = login.headers().firstValue("Location").orElseThrow();
    assertThat(callback).startsWith(AgentConsoleExample.OAUTH_CALLBACK.toString());
    lines.addAll(List.of("callback crm " + callback,
        "call crm/lookup_customer {\"name\": \"Acme\"}", "connections crm", "quit"));
    console.join(30_000);

    String text = bytes.toString(StandardCharsets.UTF_8);
    assertThat(console.isAlive()).as(text).isFalse();
    assertThat(text).containsPattern("connection \\S+ to crm: CONNECTED")
        .contains("customer Acme looked up for alice@crm")
        .containsPattern("'CRM' +personal +CONNECTED +owner alice");
  }

  @Test
  void rejectedDisabledAndUnsharedCallsAreDeniedWithTheRuleThatRefused() throws Exception {
    String out = run(SETUP + """
        as alice
        api-key docs ${TOOL_SERVER_API_KEY}
        call send_email {"to": "all@lumen.example", "subject": "Hi", "body": "all"}
        reject 1 "not to everyone"
        approve 1
        call docs/execute_workflow {"workflow": "onboard_employee"}
        explain docs/execute_workflow
        tools
        as bob
        call docs/search_docs {"query": "expenses"}
        """, "--script", "-");
    assertThat(out)
        .contains("rejected: not to everyone")
        .contains("denied (tool-permission): tool 'execute_workflow' is disabled")
        .contains("not allowed:")
        .contains("denied (server-sharing)");
    assertThat(out.substring(out.lastIndexOf("alice@assistant> tools"))).as("disabled tools are not offered")
        .contains("docs/search_docs", "docs/send_email").doesNotContain("docs/execute_workflow");
    try (Stream<Path> files = Files.list(outbox)) {
      assertThat(files.filter(f -> f.toString().contains("all@"))).isEmpty();
    }
  }

  @Test
  void onlyAdminsRegisterAndBadInputGetsAClearErrorWithoutEndingTheSession() throws Exception {
    String out = run("""
        as alice
        register rogue http://127.0.0.1:9/mcp --api-key-header X-API-Key
        as admin
        register bad ftp://example.com/mcp
        call docs/search_docs {not json
        say "unclosed
        frobnicate
        call ${NOT_SET}
        permission docs search_docs sometimes
        help
        """, "--script", "-");
    assertThat(out)
        .containsPattern("refused: .*admin")
        .contains("error: arguments are not valid JSON")
        .contains("error: a quote is not closed")
        .contains("unknown command 'frobnicate' (type help)")
        .contains("error: ${NOT_SET} is not set (use --var NOT_SET=VALUE)")
        .contains("error: usage: permission SERVER TOOL always|approval|disabled")
        .contains("the agent at work");
    assertThat(out.substring(out.indexOf("register bad"))).contains("error: ");
  }

  @Test
  void theBundledDemoRunsAgainstItsOwnToolServer() throws Exception {
    String out = run("", "--demo");
    assertThat(out)
        .contains("tool-server example started at http://127.0.0.1:")
        .contains("approval 1 needed: docs/send_email")
        .contains("queued in the outbox")
        .contains("rejected: not to everyone")
        .contains("denied (server-sharing)")
        .containsPattern("CALL +alice +docs/send_email +completed")
        .contains("api-key docs ****")
        .contains("api-key \"Lumen service account\" ****")
        .containsPattern("'Lumen service' +shared +CONNECTED +owner admin +shared with team \\(use\\), "
            + "group:support \\(manage\\)");
    String log = out.substring(out.lastIndexOf("log 60"));
    assertThat(log).as("the log shows the admin's changes as the script says")
        .containsPattern("ADMIN_CHANGE +admin +docs +")
        .containsPattern("CONNECTION_CHANGE +admin +docs");
  }

  @Test
  void wordsAreSplitOnBlanksGroupedByQuotesAndCommentsAreDropped() {
    assertThat(Words.split("reject 2 \"not to \\\"everyone\\\"\"  # a comment"))
        .containsExactly("reject", "2", "not to \"everyone\"");
    assertThat(Words.after("call docs/x {\"a\": \"b c\"}", 2)).isEqualTo("{\"a\": \"b c\"}");
  }
}
