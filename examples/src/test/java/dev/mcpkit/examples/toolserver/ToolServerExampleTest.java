package dev.mcpkit.examples.toolserver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.client.ClientTransport;
import dev.mcpkit.client.McpClient;
import dev.mcpkit.client.StructuredResult;
import dev.mcpkit.client.transport.HttpStatusException;
import dev.mcpkit.core.engine.RequestOptions;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Tools.CallToolParams;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.core.schema.Tools.Tool;
import dev.mcpkit.examples.toolserver.HandOverTool.Priority;
import dev.mcpkit.examples.toolserver.SearchDocsTool.SearchResults;
import dev.mcpkit.examples.toolserver.WorkflowTool.Status;
import dev.mcpkit.server.McpHttpServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The tool server over real loopback HTTP, driven by mcp-client. */
class ToolServerExampleTest {
  private static final String TOKEN = "test-token-0123456789abcdefghij";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ByteArrayOutputStream CONSOLE = new ByteArrayOutputStream();

  @TempDir
  static Path outbox;
  private static ToolServerExample example;
  private static McpHttpServer http;

  @BeforeAll
  static void start() throws Exception {
    example = new ToolServerExample(outbox, Duration.ofMillis(100),
        new PrintStream(CONSOLE, true, StandardCharsets.UTF_8));
    http = example.serve(ToolServerOptions.parse(
        new String[] {"--port", "0", "--token", TOKEN, "--outbox", outbox.toString()}, Map.of()));
  }

  @AfterAll
  static void stop() {
    http.close();
  }

  private static McpClient connect(String protocolVersion) throws Exception {
    McpClient.Builder b = McpClient.builder()
        .transport(ClientTransport.http(http.url().toString()));
    return (protocolVersion == null ? b : b.protocolVersion(protocolVersion)).connect();
  }

  private static String text(CallToolResult result) {
    return result.content().stream().map(c -> ((Content.Text) c).text())
        .reduce("", String::concat);
  }

  @Test
  void theServerIsAtTheCapabilityUrlWithTheGivenToken() {
    assertThat(http.url().toString()).isEqualTo("http://127.0.0.1:" + http.port() + "/mcp/v1/"
        + TOKEN + "/mcp");
  }

  @Test
  void aClientListsTheFourToolsWithDescriptionsSchemasAndAnnotations() throws Exception {
    try (McpClient client = connect(null)) {
      List<Tool> tools = client.listTools().tools();

      Map<String, Tool> byName = tools.stream().collect(Collectors.toMap(Tool::name, t -> t));

      assertThat(byName).containsOnlyKeys("search_docs", "send_email", "execute_workflow",
          "hand_over");
      assertThat(tools).allSatisfy(t -> assertThat(t.description()).isNotBlank());
      Tool search = byName.get("search_docs");
      assertThat(search.inputSchema().path("required").toString()).isEqualTo("[\"query\"]");
      assertThat(search.outputSchema().path("properties").has("hits")).isTrue();
      assertThat(search.annotations().readOnlyHint()).isTrue();
      assertThat(byName.get("send_email").annotations().destructiveHint()).isTrue();
      assertThat(byName.get("execute_workflow").inputSchema().at("/properties/workflow/enum")
          .toString())
          .isEqualTo("[\"onboard_employee\",\"publish_release\",\"month_end_close\"]");
    }
  }

  @ParameterizedTest(name = "protocol {0}")
  @ValueSource(strings = {"2025-11-25", "2026-07-28"})
  void searchDocsAnswersWithRankedTextAndStructuredContent(String version) throws Exception {
    try (McpClient client = connect(version)) {
      StructuredResult<SearchResults> found = client.callTool("search_docs",
          Map.of("query", "I lost my laptop", "limit", 2), SearchResults.class);

      assertThat(found.isError()).isFalse();
      assertThat(found.value().hits()).hasSizeLessThanOrEqualTo(2);
      assertThat(found.value().hits().get(0).id()).isEqualTo("device-security");
      assertThat(found.value().hits().get(0).snippet()).contains("lost or stolen laptop");
      assertThat(text(found.result())).startsWith("1. Device security standard");
    }
  }

  @Test
  void searchDocsRefusesALimitOutOfRangeAsAToolError() throws Exception {
    try (McpClient client = connect(null)) {
      CallToolResult result = client.callTool("search_docs", Map.of("query", "x", "limit", 50));

      assertThat(result.failed()).isTrue();
      assertThat(text(result)).isEqualTo("limit must be between 1 and 10, got 50");
    }
  }

  @Test
  void sendEmailWritesTheMessageToTheOutboxAndReturnsItsPath() throws Exception {
    try (McpClient client = connect(null)) {
      CallToolResult result = client.callTool("send_email", Map.of("to", "ana.silva@example.com",
          "subject", "Refund approved", "body", "Hi Ana, your refund of 80 EUR is approved."));

      assertThat(result.failed()).isFalse();
      String answer = text(result);
      Path file = Path.of(answer.substring(answer.indexOf(": ") + 2));
      assertThat(file.getParent()).isEqualTo(outbox.toAbsolutePath());
      assertThat(Files.readString(file)).contains("To: ana.silva@example.com",
          "Subject: Refund approved", "your refund of 80 EUR is approved");
    }
  }

  @Test
  void sendEmailToAnInvalidAddressIsAToolErrorTheModelCanFix() throws Exception {
    try (McpClient client = connect(null)) {
      CallToolResult result = client.callTool("send_email",
          Map.of("to", "ana at example", "subject", "s", "body", "b"));

      assertThat(result.failed()).isTrue();
      assertThat(text(result)).contains("'ana at example' is not an email address");
    }
  }

  @ParameterizedTest(name = "protocol {0}")
  @ValueSource(strings = {"2025-11-25", "2026-07-28"})
  void executeWorkflowReportsProgressAfterEachStep(String version) throws Exception {
    List<String> progress = new CopyOnWriteArrayList<>();
    try (McpClient client = connect(version)) {
      CallToolResult result = client.callTool(new CallToolParams("execute_workflow",
              (ObjectNode) McpJson.toTree(Map.of("workflow", "publish_release"))),
          RequestOptions.timeout(Duration.ofSeconds(10))
              .withProgress((p, total, message) -> progress.add(p + "/" + total + " " + message),
                  true));

      assertThat(result.failed()).isFalse();
      assertThat(text(result)).contains("completed 4 steps");
      assertThat(progress).containsExactly("1.0/4.0 run tests (1/4)",
          "2.0/4.0 build images (2/4)", "3.0/4.0 deploy canary (3/4)",
          "4.0/4.0 deploy to all regions (4/4)");
    }
  }

  @Test
  void cancellingExecuteWorkflowStopsItBeforeTheLastStep() throws Exception {
    // steps long enough that the cancellation surely arrives before the last one
    ToolServerExample slow = new ToolServerExample(outbox, Duration.ofSeconds(2), System.out);
    McpHttpServer slowHttp = slow.serve(ToolServerOptions.parse(new String[] {"--port", "0"},
        Map.of()));
    CountDownLatch firstStep = new CountDownLatch(1);
    try (McpClient client = McpClient.builder()
        .transport(ClientTransport.http(slowHttp.url().toString()))
        .protocolVersion("2025-11-25").connect()) {
      CompletableFuture<CallToolResult> call = client.callToolAsync(
          new CallToolParams("execute_workflow",
              (ObjectNode) McpJson.toTree(Map.of("workflow", "month_end_close"))),
          RequestOptions.DEFAULT.withProgress((p, total, message) -> firstStep.countDown(), false));
      assertThat(firstStep.await(10, TimeUnit.SECONDS)).isTrue();

      call.cancel(true);

      WorkflowTool.Run run = awaitRun(slow, r -> r.status() != Status.RUNNING);
      assertThat(run.status()).isEqualTo(Status.CANCELLED);
      assertThat(run.stepsDone()).isEqualTo(1);
    } finally {
      slowHttp.close();
    }
  }

  @Test
  void handOverOpensATicketAndReturnsItsId() throws Exception {
    try (McpClient client = connect(null)) {
      CallToolResult result = client.callTool("hand_over", Map.of(
          "reason", "The customer disputes a refund above 2,000 EUR",
          "summary", "Parcel 88213 arrived damaged; the customer asks for 2,400 EUR.",
          "priority", "URGENT"));

      assertThat(result.failed()).isFalse();
      HandOverTool.Ticket ticket = example.handOver().queue().stream()
          .filter(t -> t.reason().contains("2,000 EUR")).findFirst().orElseThrow();
      assertThat(text(result)).startsWith("Ticket " + ticket.id() + " is open")
          .contains("within 15 minutes");
      assertThat(ticket.id()).matches("HO-\\d{4}");
      assertThat(ticket.priority()).isEqualTo(Priority.URGENT);
      assertThat(ticket.summary()).contains("Parcel 88213");
      assertThat(CONSOLE.toString(StandardCharsets.UTF_8))
          .contains("hand-over " + ticket.id() + " (URGENT) from anonymous:");
    }
  }

  @Test
  void onlyTheCapabilityPathAnswersAndEveryOtherPathGets404() throws Exception {
    String base = "http://127.0.0.1:" + http.port();
    String initialize = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":{"
        + "\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},"
        + "\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

    assertThat(post(http.url().toString(), initialize).statusCode()).isEqualTo(200);
    for (String path : List.of("/", "/mcp", "/mcp/v1/mcp", "/mcp/v1/" + TOKEN,
        "/mcp/v1/" + TOKEN + "/mcpx", "/mcp/v1/" + TOKEN.replace('t', 'T') + "/mcp",
        "/mcp/v1/wrong-token-0123456789abcdefgh/mcp", "/sse")) {
      HttpResponse<String> response = post(base + path, initialize);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(response.body()).as(path).doesNotContain(TOKEN);
    }
  }

  @Test
  void aBrowserOpeningTheUrlGetsTheExplorerPage() throws Exception {
    HttpResponse<String> page = HTTP.send(HttpRequest.newBuilder(http.url())
        .header("Accept", "text/html").GET().build(), HttpResponse.BodyHandlers.ofString());

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(page.body()).contains("search_docs", "send_email", "execute_workflow",
        "hand_over");
  }

  @Test
  void withAnApiKeyOnlyCallersThatSendItGetIn() throws Exception {
    String key = "k".repeat(12) + "0123456789abcdefghijklmn";
    McpHttpServer guarded = example.serve(ToolServerOptions.parse(
        new String[] {"--port", "0", "--api-key", key}, Map.of()));
    try {
      String url = guarded.url().toString();
      assertThatThrownBy(() -> McpClient.builder().transport(ClientTransport.http(url)).connect())
          .satisfies(e -> assertThat(HttpStatusException.find(e).statusCode()).isEqualTo(401));
      try (McpClient client = McpClient.builder().transport(ClientTransport.http(url))
          .header("Authorization", "Bearer " + key).connect()) {
        assertThat(client.listTools().tools()).hasSize(4);
      }
    } finally {
      guarded.close();
    }
  }

  @Test
  void theStartupOutputShowsTheUrlTheExplorerAndTheClaudeAndCursorSnippets() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ToolServerExample.printStartup(new PrintStream(out, true, StandardCharsets.UTF_8), http,
        ToolServerOptions.parse(new String[] {"--outbox", outbox.toString()}, Map.of()));
    String url = http.url().toString();

    assertThat(out.toString(StandardCharsets.UTF_8)).contains(
        "MCP endpoint:  " + url + "\n",
        "Explorer page: " + url + "  (open it in a browser)\n",
        "Claude Desktop (claude_desktop_config.json):\n{\n  \"mcpServers\": {\n"
            + "    \"mcpkit-tool-server\": {\n      \"command\": \"npx\",\n"
            + "      \"args\": [\"mcp-remote\", \"" + url + "\"]",
        "Cursor (.cursor/mcp.json):\n",
        "\"args\": [\"-y\", \"mcp-remote\", \"" + url + "\"]",
        "Its token is new on every start",
        "Ctrl-C stops the server.");
  }

  private static HttpResponse<String> post(String url, String body) throws Exception {
    return HTTP.send(HttpRequest.newBuilder(URI.create(url))
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  private static WorkflowTool.Run awaitRun(ToolServerExample server,
      Predicate<WorkflowTool.Run> done) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (System.nanoTime() < deadline) {
      for (WorkflowTool.Run run : server.workflows().runs().values()) {
        if (done.test(run)) {
          return run;
        }
      }
      Thread.sleep(10);
    }
    throw new AssertionError("no run finished: " + server.workflows().runs());
  }
}
