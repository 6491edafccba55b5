package dev.mcpkit.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.engine.McpInterceptor;
import dev.mcpkit.core.engine.MethodHandlers;
import dev.mcpkit.core.engine.ProtocolEngine;
import dev.mcpkit.core.engine.RequestOptions;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Completions.Argument;
import dev.mcpkit.core.schema.Completions.CompleteParams;
import dev.mcpkit.core.schema.Completions.Context;
import dev.mcpkit.core.schema.Completions.PromptReference;
import dev.mcpkit.core.schema.Elicitation.ElicitParams;
import dev.mcpkit.core.schema.Elicitation.ElicitResult;
import dev.mcpkit.core.schema.Elicitation.UrlParams;
import dev.mcpkit.core.schema.Logging.LoggingLevel;
import dev.mcpkit.core.schema.Progress.ProgressParams;
import dev.mcpkit.core.schema.Prompts.Prompt;
import dev.mcpkit.core.schema.Resources.Resource;
import dev.mcpkit.core.schema.Resources.TextResourceContents;
import dev.mcpkit.core.schema.Roots.ListRootsResult;
import dev.mcpkit.core.schema.Roots.Root;
import dev.mcpkit.core.schema.Tools.CallToolParams;
import dev.mcpkit.core.transport.InMemoryTransport;
import dev.mcpkit.core.transport.McpTransports;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Every call of the client against a session-protocol server engine on an in-memory pair: what
 * goes on the wire and what comes back.
 */
class ClientCallsInMemoryTest {
  record Sum(int sum) {}

  record Sums(List<String> sum) {}

  private final Map<String, JsonNode> received = new ConcurrentHashMap<>();
  private final CountDownLatch rootsChanged = new CountDownLatch(1);
  private volatile String answeredVersion;
  private ProtocolEngine server;

  @AfterEach
  void stop() {
    if (server != null) {
      server.close();
    }
  }

  private static ObjectNode text(String text) {
    ObjectNode r = McpJson.object();
    r.putArray("content").addObject().put("type", "text").put("text", text);
    return r;
  }

  private McpClient connect(McpClient.Builder builder) throws IOException {
    InMemoryTransport[] pair = InMemoryTransport.pair();
    MethodHandlers handlers = MethodHandlers.builder()
        .onRequest("initialize", (ctx, p) -> {
          received.put("initialize", p);
          ObjectNode r = McpJson.object();
          r.put("protocolVersion", answeredVersion != null ? answeredVersion
              : p.path("protocolVersion").asText());
          ObjectNode caps = r.putObject("capabilities");
          caps.putObject("resources").put("subscribe", true);
          caps.putObject("prompts");
          caps.putObject("completions");
          caps.putObject("logging");
          r.putObject("serverInfo").put("name", "calls").put("version", "2");
          return r;
        })
        .onRequest("resources/list", (ctx, p) -> {
          boolean first = !p.has("cursor");
          ObjectNode r = McpJson.object();
          r.putArray("resources").addObject().put("uri", first ? "file:///a" : "file:///b")
              .put("name", first ? "a" : "b");
          if (first) {
            r.put("nextCursor", "page-2");
          }
          return r;
        })
        .onRequest("resources/read", (ctx, p) -> {
          ObjectNode r = McpJson.object();
          r.putArray("contents").addObject().put("uri", p.path("uri").asText())
              .put("mimeType", "text/plain").put("text", "contents of " + p.path("uri").asText());
          return r;
        })
        .onRequest("resources/subscribe", (ctx, p) -> {
          received.put("resources/subscribe", p);
          ctx.sendNotification("notifications/resources/updated",
              McpJson.object().put("uri", p.path("uri").asText()));
          return McpJson.object();
        })
        .onRequest("prompts/list", (ctx, p) -> {
          ObjectNode r = McpJson.object();
          r.putArray("prompts").addObject().put("name", "greet").putArray("arguments")
              .addObject().put("name", "who").put("required", true);
          return r;
        })
        .onRequest("prompts/get", (ctx, p) -> {
          ObjectNode r = McpJson.object();
          r.putArray("messages").addObject().put("role", "user").putObject("content")
              .put("type", "text").put("text", "Hello, " + p.at("/arguments/who").asText());
          return r;
        })
        .onRequest("completion/complete", (ctx, p) -> {
          received.put("completion/complete", p);
          ObjectNode r = McpJson.object();
          r.putObject("completion").put("total", 2).put("hasMore", false).putArray("values")
              .add("Ada").add("Alan");
          return r;
        })
        .onRequest("ping", (ctx, p) -> {
          received.put("ping", p == null ? McpJson.object() : p);
          return McpJson.object();
        })
        .onRequest("logging/setLevel", (ctx, p) -> {
          received.put("logging/setLevel", p);
          return McpJson.object();
        })
        .onNotification("notifications/roots/list_changed", (a, p) -> rootsChanged.countDown())
        .onRequest("tools/call", (ctx, p) -> switch (p.path("name").asText()) {
          case "add" -> {
            ObjectNode r = text("sum");
            r.putObject("structuredContent").put("sum",
                p.at("/arguments/a").asInt() + p.at("/arguments/b").asInt());
            yield r;
          }
          case "progress" -> {
            JsonNode token = p.at("/_meta/progressToken");
            for (int i = 1; i <= 2; i++) {
              ObjectNode n = McpJson.object().put("progress", i).put("total", 2);
              n.set("progressToken", token);
              ctx.sendNotification("notifications/progress", n);
            }
            yield text("progressed");
          }
          case "roots" -> {
            JsonNode roots = ctx.sendRequest("roots/list", null, Duration.ofSeconds(5));
            yield text(roots.at("/roots/0/uri").asText());
          }
          case "open-url" -> {
            ObjectNode ask = McpJson.object().put("mode", "url").put("message", "Sign in")
                .put("url", "https://example.com/login").put("elicitationId", "e-1");
            JsonNode answer = ctx.sendRequest("elicitation/create", ask, Duration.ofSeconds(5));
            yield text(answer.path("action").asText());
          }
          default -> text("unknown");
        })
        .build();
    server = McpTransports.connect(pair[1], ProtocolEngine.builder().name("server")
        .handlers(handlers));
    return builder.transport(ClientTransport.custom(() -> pair[0])).connect();
  }

  @Test
  void resourcesAreListedAcrossEveryPageOrOnePageAtATimeAndRead() throws IOException {
    try (McpClient client = connect(McpClient.builder())) {
      assertThat(client.listResources().resources()).extracting(Resource::uri)
          .containsExactly("file:///a", "file:///b");
      var first = client.listResources(null);
      assertThat(first.nextCursor()).isEqualTo("page-2");
      assertThat(client.listResources("page-2").resources()).extracting(Resource::name)
          .containsExactly("b");
      var read = client.readResource("file:///a");
      assertThat(((TextResourceContents) read.contents().get(0)).text())
          .isEqualTo("contents of file:///a");
    }
  }

  @Test
  void promptsAreListedAndGotWithTheirArgumentsFilledIn() throws IOException {
    try (McpClient client = connect(McpClient.builder())) {
      assertThat(client.listPrompts().prompts()).extracting(Prompt::name).containsExactly("greet");
      var prompt = client.getPrompt("greet", Map.of("who", "Ada"));
      assertThat(McpJson.toTree(prompt.messages().get(0)).at("/content/text").asText())
          .isEqualTo("Hello, Ada");
    }
  }

  @Test
  void completionSendsTheReferenceArgumentAndContextAndReturnsTheSuggestions()
      throws IOException {
    try (McpClient client = connect(McpClient.builder())) {
      var result = client.complete(new CompleteParams(new PromptReference("greet"),
          new Argument("who", "A"), new Context(Map.of("lang", "en")), null, null));
      assertThat(result.completion().values()).containsExactly("Ada", "Alan");
    }
    JsonNode sent = received.get("completion/complete");
    assertThat(sent.at("/ref/type").asText()).isEqualTo("ref/prompt");
    assertThat(sent.at("/ref/name").asText()).isEqualTo("greet");
    assertThat(sent.at("/argument/value").asText()).isEqualTo("A");
    assertThat(sent.at("/context/arguments/lang").asText()).isEqualTo("en");
  }

  @Test
  void pingAndTheLoggingLevelReachTheServer() throws IOException {
    try (McpClient client = connect(McpClient.builder())) {
      client.ping();
      client.setLoggingLevel(LoggingLevel.WARNING);
    }
    assertThat(received).containsKey("ping");
    assertThat(received.get("logging/setLevel").path("level").asText()).isEqualTo("warning");
  }

  @Test
  void aSubscribedResourcesUpdatesReachTheListener() throws Exception {
    CountDownLatch updated = new CountDownLatch(1);
    List<String> uris = new CopyOnWriteArrayList<>();
    try (McpClient client = connect(McpClient.builder().listener(new ClientListener() {
      @Override
      public void onResourceUpdated(String uri) {
        uris.add(uri);
        updated.countDown();
      }
    }))) {
      client.subscribeResource("file:///a");
      assertThat(updated.await(5, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(received.get("resources/subscribe").path("uri").asText()).isEqualTo("file:///a");
    assertThat(uris).containsExactly("file:///a");
  }

  @Test
  void progressReachesTheCallsOwnListenerAndTheClientListener() throws Exception {
    CountDownLatch both = new CountDownLatch(2);
    List<Number> global = new CopyOnWriteArrayList<>();
    List<Double> own = new CopyOnWriteArrayList<>();
    try (McpClient client = connect(McpClient.builder().listener(new ClientListener() {
      @Override
      public void onProgress(ProgressParams progress) {
        global.add(progress.progress());
        both.countDown();
      }
    }))) {
      client.callTool(new CallToolParams("progress", McpJson.object()),
          RequestOptions.DEFAULT.withProgress((p, total, message) -> own.add(p), false));
      assertThat(both.await(5, TimeUnit.SECONDS)).isTrue();
    }
    assertThat(own).containsExactly(1.0, 2.0);
    assertThat(global).extracting(Number::intValue).containsExactly(1, 2);
  }

  @Test
  void theServerListsTheRootsAndHearsWhenTheyChange() throws Exception {
    try (McpClient client = connect(McpClient.builder().roots(() -> new ListRootsResult(
        List.of(new Root("file:///workspace", "workspace", null, null)))))) {
      assertThat(ResultText.text(client.callTool("roots", Map.of())))
          .isEqualTo("file:///workspace");
      client.notifyRootsChanged();
      assertThat(rootsChanged.await(5, TimeUnit.SECONDS)).isTrue();
    }
  }

  @Test
  void urlModeElicitationIsDeclaredAndReachesTheHandlerWithItsUrl() throws IOException {
    List<ElicitParams> asked = new CopyOnWriteArrayList<>();
    ElicitationHandler handler = new ElicitationHandler() {
      @Override
      public ElicitResult elicit(ElicitParams params) {
        asked.add(params);
        return ElicitResult.accept(null);
      }

      @Override
      public boolean supportsUrlMode() {
        return true;
      }
    };
    try (McpClient client = connect(McpClient.builder().elicitation(handler))) {
      assertThat(ResultText.text(client.callTool("open-url", Map.of()))).isEqualTo("accept");
    }
    JsonNode caps = received.get("initialize").path("capabilities").path("elicitation");
    assertThat(caps.has("form")).isTrue();
    assertThat(caps.has("url")).isTrue();
    assertThat(asked).singleElement().isInstanceOfSatisfying(UrlParams.class, url -> {
      assertThat(url.url()).isEqualTo("https://example.com/login");
      assertThat(url.elicitationId()).isEqualTo("e-1");
    });
  }

  @Test
  void asyncVariantsCompleteWithTheResult() throws Exception {
    try (McpClient client = connect(McpClient.builder())) {
      CompletableFuture<dev.mcpkit.core.schema.Tools.CallToolResult> call = client.callToolAsync(
          new CallToolParams("add", (ObjectNode) McpJson.toTree(Map.of("a", 2, "b", 3))),
          RequestOptions.DEFAULT);
      CompletableFuture<JsonNode> raw = client.requestAsync("resources/read",
          McpJson.object().put("uri", "file:///b"), null);
      assertThat(call.get(5, TimeUnit.SECONDS).structuredContent().path("sum").asInt())
          .isEqualTo(5);
      assertThat(raw.get(5, TimeUnit.SECONDS).at("/contents/0/text").asText())
          .isEqualTo("contents of file:///b");
      assertThat(client.callTool("add", Map.of("a", 1, "b", 1), Sum.class).value())
          .isEqualTo(new Sum(2));
    }
  }

  @Test
  void asyncCallsLetEachInterceptorCarryTheCallersStateToTheWorkerThread() throws Exception {
    ThreadLocal<String> caller = new ThreadLocal<>();
    List<String> wrappedOn = new CopyOnWriteArrayList<>();
    List<String> seenByInterceptor = new CopyOnWriteArrayList<>();
    McpClient.Builder builder = McpClient.builder().addInterceptor(new McpInterceptor() {
      @Override
      public JsonNode intercept(Chain chain) throws Exception {
        seenByInterceptor.add(chain.method() + " " + caller.get());
        return chain.proceed(chain.params());
      }

      @Override
      public Runnable carryAcrossThreads(Runnable task) {
        String state = caller.get();
        wrappedOn.add(Thread.currentThread().getName());
        return () -> {
          caller.set(state);
          try {
            task.run();
          } finally {
            caller.remove();
          }
        };
      }
    });
    try (McpClient client = connect(builder)) {
      caller.set("request-42");
      try {
        client.requestAsync("ping", null, null).get(5, TimeUnit.SECONDS);
      } finally {
        caller.remove();
      }
    }

    assertThat(wrappedOn).containsExactly(Thread.currentThread().getName());
    assertThat(seenByInterceptor).contains("ping request-42");
  }

  @Test
  void structuredContentThatDoesNotFitTheTypeIsAnIoExceptionNamingToolAndType() throws IOException {
    try (McpClient client = connect(McpClient.builder())) {
      assertThatThrownBy(() -> client.callTool("add", Map.of("a", 1, "b", 2), Sums.class))
          .isInstanceOf(IOException.class)
          .hasMessageContaining("tool 'add'")
          .hasMessageContaining("does not fit Sums");
    }
  }

  @Test
  void aPinnedVersionIsTheOnlyOneOffered() throws IOException {
    try (McpClient client = connect(McpClient.builder().protocolVersion("2025-06-18"))) {
      assertThat(client.protocolVersion().id()).isEqualTo("2025-06-18");
    }
    assertThat(received.get("initialize").path("protocolVersion").asText())
        .isEqualTo("2025-06-18");
  }

  @Test
  void aServerAnsweringAnotherVersionThanThePinnedOneIsRefused() {
    answeredVersion = "2025-03-26";
    assertThatThrownBy(() -> connect(McpClient.builder().protocolVersion("2025-06-18")))
        .isInstanceOfSatisfying(McpProtocolException.class, e -> {
          assertThat(e.code()).isEqualTo(-32022);
          assertThat(e.getMessage()).contains("2025-03-26").contains("2025-06-18");
        });
  }

  @Test
  void withoutPinningTheClientAcceptsAnOlderVersionTheServerPicks() throws IOException {
    answeredVersion = "2024-11-05";
    try (McpClient client = connect(McpClient.builder())) {
      assertThat(client.protocolVersion().id()).isEqualTo("2024-11-05");
    }
    assertThat(received.get("initialize").path("protocolVersion").asText())
        .isEqualTo("2025-11-25");
  }
}
