package dev.mcpkit.client;

import dev.mcpkit.core.schema.Roots.Root;
import dev.mcpkit.core.schema.Roots.ListRootsResult;
import dev.mcpkit.core.schema.Logging.LoggingLevel;
import dev.mcpkit.core.schema.Elicitation.ElicitResult;
import static dev.mcpkit.client.ResultText.text;
import static dev.mcpkit.client.ResultText.names;
import static dev.mcpkit.client.ScriptedServer.data;
import static dev.mcpkit.client.ScriptedServer.json;
import static dev.mcpkit.client.ScriptedServer.response;
import static dev.mcpkit.client.ScriptedServer.toolResult;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.json.McpJson;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import mockwebserver3.MockResponse;
import mockwebserver3.SocketEffect;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class FallbackAndStatelessTest {
  private ScriptedServer server;

  @BeforeEach
  void start() throws IOException {
    server = new ScriptedServer();
  }

  @AfterEach
  void stop() {
    server.close();
  }

  @ParameterizedTest(name = "a POST refused with HTTP {0} falls back to the legacy SSE transport")
  @ValueSource(ints = {400, 404, 405})
  void refusedPostFallsBackToTheLegacySseTransport(int status) throws IOException {
    EventStreamBody stream = new EventStreamBody();
    stream.push("event: endpoint\ndata: /messages?sessionId=abc");
    server.on("server/discover", e -> new MockResponse.Builder().code(status).build());
    server.on("initialize", e -> {
      if (e.http().getUrl().encodedPath().equals("/mcp")) {
        return new MockResponse.Builder().code(status).body("not here").build();
      }
      stream.push(data(response(e, ScriptedServer.initializeResult("2024-11-05"))));
      return new MockResponse.Builder().code(202).build();
    });
    server.on("tools/call", e -> {
      stream.push(data(response(e, toolResult("via sse", false))));
      return new MockResponse.Builder().code(202).build();
    });
    server.onGet = e -> new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "text/event-stream").body(stream).build();
    try (McpClient client = McpClient.builder().transport(ClientTransport.http(server.url()))
        .connect()) {
      assertThat(client.protocolVersion().id()).isEqualTo("2024-11-05");
      assertThat(client.description()).startsWith("sse ");
      assertThat(text(client.callTool("echo", Map.of()))).isEqualTo("via sse");
    } finally {
      stream.end();
    }
    List<ScriptedServer.Exchange> inits = server.posts("initialize");
    assertThat(inits).hasSize(2);
    assertThat(inits.get(1).http().getUrl().encodedPath()).isEqualTo("/messages");
    assertThat(inits.get(1).http().getUrl().queryParameter("sessionId")).isEqualTo("abc");
  }

  @Test
  void aRefusalCarryingAJsonRpcErrorIsTheServersAnswerAndDoesNotFallBack() {
    server.on("initialize", e -> {
      ObjectNode r = McpJson.object();
      r.put("jsonrpc", "2.0");
      r.set("id", e.id());
      r.putObject("error").put("code", -32600).put("message", "Bad Request: unsupported");
      return new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
          .body(McpJson.write(r)).build();
    });
    assertThatThrownBy(() -> McpClient.builder().transport(ClientTransport.http(server.url()))
        .connect())
        .isInstanceOfSatisfying(McpProtocolException.class,
            e -> assertThat(e.error().message()).isEqualTo("Bad Request: unsupported"));
    assertThat(server.requests("GET")).isEmpty();
  }

  @Test
  void anUnauthorizedPostEndsConnectingInsteadOfFallingBack() {
    server.on("server/discover", e -> new MockResponse.Builder().code(401).build());
    assertThatThrownBy(() -> McpClient.builder().transport(ClientTransport.http(server.url()))
        .connect())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("HTTP 401");
    assertThat(server.posts("initialize")).isEmpty();
    assertThat(server.requests("GET")).isEmpty();
  }

  @Test
  void pinnedLegacySseSkipsStreamableHttpAndInitializesOverTheStream() throws IOException {
    EventStreamBody stream = new EventStreamBody();
    stream.push("event: endpoint\ndata: /messages?sessionId=pinned");
    server.on("initialize", e -> {
      stream.push(data(response(e, ScriptedServer.initializeResult("2024-11-05"))));
      return new MockResponse.Builder().code(202).build();
    });
    server.onGet = e -> new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "text/event-stream").body(stream).build();
    try (McpClient client = McpClient.builder().transport(ClientTransport.sse(server.url()))
        .connect()) {
      assertThat(client.description()).startsWith("sse ");
    } finally {
      stream.end();
    }
    assertThat(server.posts("server/discover")).isEmpty();
    assertThat(server.posts("initialize")).singleElement()
        .satisfies(e -> assertThat(e.http().getUrl().encodedPath()).isEqualTo("/messages"));
  }

  @Test
  void anEndpointOnAnotherOriginIsRefused() {
    EventStreamBody stream = new EventStreamBody();
    stream.push("event: endpoint\ndata: http://evil.example/steal");
    server.onGet = e -> new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "text/event-stream").body(stream).build();
    try {
      assertThatThrownBy(() -> McpClient.builder().transport(ClientTransport.sse(server.url()))
          .connect())
          .isInstanceOf(IOException.class)
          .hasMessageContaining("another origin");
    } finally {
      stream.end();
    }
    assertThat(server.posts("initialize")).isEmpty();
  }

  @Test
  void aLegacySseStreamThatEndsFailsTheWaitingCallNamingTheUrl() throws IOException {
    EventStreamBody stream = new EventStreamBody();
    stream.push("event: endpoint\ndata: /messages");
    server.on("initialize", e -> {
      stream.push(data(response(e, ScriptedServer.initializeResult("2024-11-05"))));
      return new MockResponse.Builder().code(202).build();
    });
    server.on("tools/list", e -> {
      stream.end(); // the server goes away without answering
      return new MockResponse.Builder().code(202).build();
    });
    server.onGet = e -> new MockResponse.Builder().code(200)
        .addHeader("Content-Type", "text/event-stream").body(stream)
        .onResponseEnd(new SocketEffect.CloseSocket(true, false, false)).build();
    try (McpClient client = McpClient.builder().transport(ClientTransport.sse(server.url()))
        .requestTimeout(Duration.ofSeconds(20)).connect()) {
      long start = System.nanoTime();
      assertThatThrownBy(client::listTools)
          .isInstanceOf(IOException.class)
          .hasMessageContaining("tools/list")
          .hasMessageContaining(server.url());
      assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }
  }

  @Test
  void pinnedStreamableHttpDoesNotFallBack() {
    server.on("initialize", e -> new MockResponse.Builder().code(404).build());
    assertThatThrownBy(() -> McpClient.builder()
        .transport(ClientTransport.streamableHttp(server.url())).connect())
        .isInstanceOf(IOException.class)
        .hasMessageContaining("HTTP 404");
    assertThat(server.requests("GET")).isEmpty();
  }

  private void statelessServer() {
    server.on("server/discover", e -> {
      ObjectNode r = McpJson.object();
      r.putArray("supportedVersions").add("2026-07-28");
      r.putObject("capabilities").putObject("tools");
      r.put("resultType", "complete");
      return json(e, r);
    });
  }

  @Test
  void statelessServerGetsMetaAndHeadersOnEveryRequestAndNoSession() throws IOException {
    statelessServer();
    server.on("tools/list", e -> {
      ObjectNode r = McpJson.object();
      ObjectNode tool = r.putArray("tools").addObject();
      tool.put("name", "weather");
      ObjectNode props = tool.putObject("inputSchema").put("type", "object")
          .putObject("properties");
      props.putObject("region").put("type", "string").put("x-mcp-header", "Region");
      ObjectNode bad = r.withArray("tools").addObject();
      bad.put("name", "broken");
      bad.putObject("inputSchema").put("type", "object").putObject("properties")
          .putObject("n").put("type", "number").put("x-mcp-header", "N");
      return json(e, r);
    });
    server.on("tools/call", e -> json(e, toolResult("sunny", false)));
    try (McpClient client = McpClient.builder().transport(ClientTransport.http(server.url()))
        .clientInfo("test-host", "9.9").connect()) {
      assertThat(client.protocolVersion().id()).isEqualTo("2026-07-28");
      assertThat(client.sessionId()).isNull();
      assertThat(names(client.listTools())).containsExactly("weather");
      client.setLoggingLevel(LoggingLevel.INFO);
      client.callTool("weather", Map.of("region", "Zürich"));
    }
    assertThat(server.posts("initialize")).isEmpty();
    ScriptedServer.Exchange call = server.posts("tools/call").get(0);
    JsonNode meta = call.body().at("/params/_meta");
    assertThat(meta.path("io.modelcontextprotocol/protocolVersion").asText()).isEqualTo("2026-07-28");
    assertThat(meta.at("/io.modelcontextprotocol~1clientInfo/name").asText()).isEqualTo("test-host");
    assertThat(meta.path("io.modelcontextprotocol/clientCapabilities").isObject()).isTrue();
    assertThat(meta.path("io.modelcontextprotocol/logLevel").asText()).isEqualTo("info");
    assertThat(call.header("MCP-Protocol-Version")).isEqualTo("2026-07-28");
    assertThat(call.header("Mcp-Method")).isEqualTo("tools/call");
    assertThat(call.header("Mcp-Name")).isEqualTo("weather");
    assertThat(call.header("Mcp-Param-Region")).isEqualTo("=?base64?WsO8cmljaA==?=");
    assertThat(call.header("Mcp-Session-Id")).isNull();
    assertThat(server.requests("GET")).isEmpty();
    assertThat(server.requests("DELETE")).isEmpty();
  }

  @Test
  void inputRequiredResultsAreFulfilledByTheHandlersAndRetriedWithState() throws IOException {
    statelessServer();
    AtomicInteger round = new AtomicInteger();
    server.on("tools/call", e -> {
      if (round.getAndIncrement() == 0) {
        ObjectNode r = McpJson.object();
        r.put("resultType", "input_required");
        ObjectNode requests = r.putObject("inputRequests");
        ObjectNode ask = requests.putObject("who");
        ask.put("method", "elicitation/create");
        ask.putObject("params").put("mode", "form").put("message", "Name?")
            .putObject("requestedSchema").put("type", "object").putObject("properties")
            .putObject("name").put("type", "string");
        requests.putObject("where").put("method", "roots/list");
        r.put("requestState", "opaque-1");
        return json(e, r);
      }
      return json(e, toolResult("hello " + e.body().at("/params/inputResponses/who/content/name")
          .asText(), false));
    });
    try (McpClient client = McpClient.builder().transport(ClientTransport.http(server.url()))
        .elicitation(p -> ElicitResult.accept(Map.of("name",
            McpJson.mapper().getNodeFactory().textNode("Ada"))))
        .roots(() -> new ListRootsResult(List.of(new Root("file:///w", null, null, null))))
        .connect()) {
      assertThat(text(client.callTool("greet", Map.of("x", 1)))).isEqualTo("hello Ada");
    }
    List<ScriptedServer.Exchange> calls = server.posts("tools/call");
    assertThat(calls).hasSize(2);
    JsonNode retry = calls.get(1).body();
    assertThat(retry.get("id")).isNotEqualTo(calls.get(0).body().get("id"));
    assertThat(retry.at("/params/requestState").asText()).isEqualTo("opaque-1");
    assertThat(retry.at("/params/inputResponses/where/roots/0/uri").asText())
        .isEqualTo("file:///w");
    assertThat(retry.at("/params/arguments/x").asInt()).isEqualTo(1);
  }

  @Test
  void endlessInputRequiredRoundsStopAtTheConfiguredLimit() throws IOException {
    statelessServer();
    server.on("tools/call", e -> {
      ObjectNode r = McpJson.object();
      r.put("resultType", "input_required");
      r.put("requestState", "again");
      return json(e, r);
    });
    try (McpClient client = McpClient.builder().transport(ClientTransport.http(server.url()))
        .maxInputRounds(3).requestTimeout(Duration.ofSeconds(5)).connect()) {
      assertThatThrownBy(() -> client.callTool("loop", Map.of()))
          .isInstanceOf(McpProtocolException.class)
          .hasMessageContaining("after 3 rounds");
    }
    assertThat(server.posts("tools/call")).hasSize(4);
  }

  @Test
  void listenStreamDeliversListChangesAndCarriesResourceSubscriptions() throws Exception {
    statelessServer();
    List<EventStreamBody> streams = new java.util.concurrent.CopyOnWriteArrayList<>();
    java.util.concurrent.CountDownLatch twoListens = new java.util.concurrent.CountDownLatch(2);
    server.on("subscriptions/listen", e -> {
      twoListens.countDown();
      EventStreamBody stream = new EventStreamBody();
      streams.add(stream);
      ObjectNode ack = McpJson.object();
      ack.put("jsonrpc", "2.0").put("method", "notifications/subscriptions/acknowledged");
      ack.set("params", McpJson.object().set("notifications", e.body().at("/params/notifications")));
      stream.push(data(ack));
      ObjectNode changed = McpJson.object();
      changed.put("jsonrpc", "2.0").put("method", "notifications/tools/list_changed");
      stream.push(data(changed));
      return new MockResponse.Builder().code(200).addHeader("Content-Type", "text/event-stream")
          .body(stream).build();
    });
    java.util.concurrent.CountDownLatch changed = new java.util.concurrent.CountDownLatch(1);
    try (McpClient client = McpClient.builder().transport(ClientTransport.http(server.url()))
        .listener(new ClientListener() {
          @Override
          public void onToolListChanged() {
            changed.countDown();
          }
        }).connect()) {
      assertThat(changed.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
      client.subscribeResource("file:///notes.txt");
      assertThat(twoListens.await(5, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
    } finally {
      streams.forEach(EventStreamBody::end);
    }
    List<ScriptedServer.Exchange> listens = server.posts("subscriptions/listen");
    assertThat(listens.get(0).body().at("/params/notifications/toolsListChanged").asBoolean())
        .isTrue();
    assertThat(listens.get(0).body().at("/params/_meta/io.modelcontextprotocol~1protocolVersion")
        .asText()).isEqualTo("2026-07-28");
    assertThat(listens.get(1).body().at("/params/notifications/resourceSubscriptions/0").asText())
        .isEqualTo("file:///notes.txt");
    assertThat(server.posts("resources/subscribe")).isEmpty();
  }

  @Test
  void unsupportedVersionErrorListingTheStatelessVersionIsRetried() throws IOException {
    AtomicInteger discovers = new AtomicInteger();
    server.on("server/discover", e -> {
      if (discovers.getAndIncrement() == 0) {
        ObjectNode r = McpJson.object();
        r.put("jsonrpc", "2.0");
        r.set("id", e.id());
        ObjectNode err = r.putObject("error").put("code", -32022).put("message", "unsupported");
        err.putObject("data").put("requested", "x").putArray("supported").add("2026-07-28");
        return new MockResponse.Builder().code(400).addHeader("Content-Type", "application/json")
            .body(McpJson.write(r)).build();
      }
      ObjectNode r = McpJson.object();
      r.putArray("supportedVersions").add("2026-07-28");
      r.putObject("capabilities");
      return json(e, r);
    });
    try (McpClient client = McpClient.builder().transport(ClientTransport.http(server.url()))
        .connect()) {
      assertThat(client.protocolVersion().id()).isEqualTo("2026-07-28");
    }
  }
}
