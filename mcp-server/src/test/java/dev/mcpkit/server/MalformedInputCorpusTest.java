package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.core.schema.Prompts.GetPromptResult;
import dev.mcpkit.core.schema.Prompts.PromptMessage;
import dev.mcpkit.core.schema.Resources.TextResourceContents;
import dev.mcpkit.core.schema.Content.Role;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Thousands of hostile bodies (see {@link MalformedCorpus}) to a real server on loopback, in
 * every protocol era: no answer is a 5xx, every answer body is valid JSON-RPC, and the server
 * still serves an ordinary call afterwards.
 */
class MalformedInputCorpusTest {
  private static final int MESSAGES = 3000;
  private static final int CLIENTS = 4;
  private static final List<String> ERAS = List.of("none", "2024-11-05", "2025-03-26",
      "2025-06-18", "2025-11-25", "2026-07-28");
  private static final HttpClient HTTP = HttpClient.newBuilder()
      .connectTimeout(Duration.ofSeconds(5)).build();

  private static McpServer server() {
    return TestTools.server()
        .resource(ResourceDefinition.builder("file:///notes/readme.txt").name("readme")
            .mimeType("text/plain").text("Read me first").build())
        .resource(ResourceDefinition.template("books://{shelf}/{title}").name("book")
            .reader((uri, vars, ctx) -> List.of(new TextResourceContents(uri, "text/plain",
                vars.get("title")))).build())
        .prompt(PromptDefinition.builder("summarize").description("Summarizes a book")
            .argument("title", "The book", true)
            .handler((args, ctx) -> new GetPromptResult("Summary", List.of(new PromptMessage(
                Role.USER, new Content.Text("Summarize " + args.get("title")))))).build())
        .completions((params, ctx) -> new dev.mcpkit.core.schema.Completions.Completion(
            List.of("Dune")))
        .build();
  }

  @Test
  @Timeout(value = 180, unit = TimeUnit.SECONDS)
  void everyHostileBodyInEveryEraGetsAValidJsonRpcAnswerAndTheServerKeepsServing()
      throws Exception {
    McpHttpOptions options = McpHttpOptions.builder().maxBodyBytes(256 * 1024).build();
    try (ServerFixture fixture = new ServerFixture(server(), options)) {
      List<String> sessions = new ArrayList<>();
      for (String era : ERAS) {
        RawClient c = new RawClient(fixture.client.url);
        c.protocolVersion = era;
        sessions.add(era.startsWith("20") && !era.equals("2026-07-28")
            ? initialize(c) : null);
      }
      MalformedCorpus corpus = new MalformedCorpus(20261206L);
      List<byte[]> bodies = new ArrayList<>();
      for (int i = 0; i < MESSAGES; i++) {
        bodies.add(corpus.next());
      }
      List<String> problems = Collections.synchronizedList(new ArrayList<>());
      java.util.Map<Integer, Integer> statuses = new java.util.concurrent.ConcurrentSkipListMap<>();
      ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
      List<Future<?>> done = new ArrayList<>();
      for (int t = 0; t < CLIENTS; t++) {
        int first = t;
        done.add(pool.submit(() -> {
          for (int i = first; i < bodies.size(); i += CLIENTS) {
            int era = i % ERAS.size();
            HttpResponse<String> answer = send(fixture, bodies.get(i), ERAS.get(era),
                sessions.get(era));
            statuses.merge(answer.statusCode(), 1, Integer::sum);
            String problem = check(answer);
            if (problem != null) {
              problems.add(problem + " for " + preview(bodies.get(i)) + " in " + ERAS.get(era));
            }
          }
          return null;
        }));
      }
      for (Future<?> f : done) {
        f.get(150, TimeUnit.SECONDS);
      }
      pool.shutdown();

      assertThat(problems).as("answers that were not valid JSON-RPC or were 5xx").isEmpty();
      assertThat(statuses.keySet()).as("the corpus reaches handlers, not only the parser: "
          + statuses).contains(200, 202, 400, 404);
      RawClient after = new RawClient(fixture.client.url);
      after.initialize();
      assertThat(after.call("echo", "{\"text\":\"still serving\",\"times\":1}").toString())
          .contains("still serving");
    }
  }

  private static String initialize(RawClient c) {
    c.initialize();
    return c.sessionId;
  }

  private static HttpResponse<String> send(ServerFixture fixture, byte[] body, String era,
      String session) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(fixture.client.url)
        .timeout(Duration.ofSeconds(20))
        .header("Accept", RawClient.JSON_AND_SSE).header("Content-Type", "application/json");
    if (era.equals("2026-07-28")) {
      body = stateless(body, b);
    } else if (session != null) {
      b.header("Mcp-Session-Id", session);
      if (!era.equals("2024-11-05")) {
        b.header("MCP-Protocol-Version", era);
      }
    }
    return HTTP.send(b.POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** A 2026-07-28 request: the version and method headers, and {@code _meta} where it fits. */
  private static byte[] stateless(byte[] body, HttpRequest.Builder b) {
    b.header("MCP-Protocol-Version", "2026-07-28");
    try {
      JsonNode tree = McpJson.mapper().readTree(body);
      if (tree instanceof ObjectNode o) {
        if (o.path("method").isTextual() && !o.path("method").asText().isEmpty()
            && o.path("method").asText().chars().allMatch(ch -> ch > 32 && ch < 127)) {
          b.header("Mcp-Method", o.path("method").asText());
        }
        if (o.get("params") instanceof ObjectNode p && !p.has("_meta")) {
          ObjectNode meta = p.putObject("_meta");
          meta.put("io.modelcontextprotocol/protocolVersion", "2026-07-28");
          meta.putObject("io.modelcontextprotocol/clientCapabilities");
          return McpJson.mapper().writeValueAsBytes(o);
        }
      }
    } catch (java.io.IOException | RuntimeException e) {
      // not JSON: sent as it is
    }
    return body;
  }

  /** What is wrong with an answer, or null. */
  private static String check(HttpResponse<String> r) {
    if (r.statusCode() >= 500) {
      return "status " + r.statusCode();
    }
    String body = r.body();
    if (body.isEmpty()) {
      return r.statusCode() == 202 || r.statusCode() == 200 ? null
          : "an empty " + r.statusCode();
    }
    String type = r.headers().firstValue("Content-Type").orElse("");
    try {
      if (type.startsWith("text/event-stream")) {
        for (String line : body.split("\n")) {
          if (line.startsWith("data:") && !line.substring(5).isBlank()) {
            String problem = jsonRpc(McpJson.mapper().readTree(line.substring(5)));
            if (problem != null) {
              return problem;
            }
          }
        }
        return null;
      }
      JsonNode answer = McpJson.mapper().readTree(body);
      if (answer.isArray()) {
        for (JsonNode m : answer) {
          String problem = jsonRpc(m);
          if (problem != null) {
            return problem;
          }
        }
        return answer.isEmpty() ? "an empty batch answer" : null;
      }
      return jsonRpc(answer);
    } catch (java.io.IOException e) {
      return "a body that is not JSON (" + r.statusCode() + " " + type + ")";
    }
  }

  private static String jsonRpc(JsonNode m) {
    if (!m.isObject() || !"2.0".equals(m.path("jsonrpc").asText())) {
      return "not a JSON-RPC 2.0 object: " + preview(m.toString().getBytes(StandardCharsets.UTF_8));
    }
    if (m.has("method")) {
      return m.get("method").isTextual() ? null : "a message with a non-string method";
    }
    if (!m.has("id") || m.has("result") == m.has("error")) {
      return "a response without an id, or with neither or both of result and error: " + m;
    }
    JsonNode error = m.get("error");
    if (error != null && (!error.path("code").isInt() || !error.path("message").isTextual())) {
      return "an error without an integer code and a message: " + error;
    }
    return null;
  }

  private static String preview(byte[] body) {
    String s = new String(body, 0, Math.min(body.length, 120), StandardCharsets.UTF_8);
    return "'" + s.replaceAll("\\p{Cntrl}", "?") + (body.length > 120 ? "...'" : "'");
  }
}
