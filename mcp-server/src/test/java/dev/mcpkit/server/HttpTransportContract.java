package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.engine.ClientAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Iterator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * What every HTTP adapter must do, per the Streamable HTTP transport: the JDK server, Tomcat and
 * Jetty each run these tests.
 */
abstract class HttpTransportContract {
  protected RawClient client;
  protected McpServer server;

  /** Serves {@code endpoint} over real HTTP on loopback; returns the server's base URI. */
  protected abstract URI start(McpHttpOptions options, McpEndpoint endpoint) throws Exception;

  protected abstract void stop() throws Exception;

  /** Event streams the server holds open now. */
  protected abstract int openStreamCount();

  /** Sessions the server holds now. */
  protected abstract int sessionCount();

  /** Open streams the host can carry with default settings (the JDK host on 17 is bounded). */
  protected int streamCapacity() {
    return Integer.MAX_VALUE;
  }

  protected URI base;

  /** Serves again with other options (and endpoint). */
  protected void restart(McpHttpOptions options, McpEndpoint endpoint) throws Exception {
    stop();
    base = start(options, endpoint);
    client = new RawClient(base.resolve("/mcp"));
  }

  /** Whether the adapter serves the explorer page on endpoints that leave it unset. */
  protected boolean servesExplorerPageByDefault() {
    return false;
  }

  protected McpHttpOptions options() {
    return McpHttpOptions.builder().maxBodyBytes(64 * 1024).build();
  }

  @BeforeEach
  void startServer() throws Exception {
    TestTools.resetLatches();
    server = TestTools.server().build();
    base = start(options(), McpEndpoint.at("/mcp", server));
    client = new RawClient(base.resolve("/mcp"));
  }

  @AfterEach
  void stopServer() throws Exception {
    stop();
  }

  @Test
  void observersSeeTheAddressAndPortEachRequestCameFromOnSessionAndStatelessRequests()
      throws Exception {
    java.util.List<ClientAddress> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
    McpServer observed = TestTools.server().addInterceptor(chain -> {
      if ("tools/call".equals(chain.method())) {
        seen.add(chain.attributes().get(ClientAddress.KEY));
      }
      return chain.proceed(chain.params());
    }).build();
    restart(options(), McpEndpoint.at("/mcp", observed));
    client.initialize();
    client.call("echo", "{\"text\":\"hi\",\"times\":1}");
    RawClient.Response stateless = client.stateless("tools/call",
        "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\",\"times\":1}}");

    assertThat(stateless.status()).isEqualTo(200);
    assertThat(seen).hasSize(2).allSatisfy(address -> {
      assertThat(java.net.InetAddress.getByName(address.address()).isLoopbackAddress()).isTrue();
      assertThat(address.port()).isPositive().isNotEqualTo(base.getPort());
    });
  }

  @Test
  void initializeReturnsASessionIdAndTheNegotiatedVersion() {
    JsonNode result = client.initialize();

    assertThat(client.sessionId).matches("[A-Za-z0-9_-]{22}");
    assertThat(result.path("protocolVersion").asText()).isEqualTo("2025-11-25");
    assertThat(result.path("serverInfo").path("name").asText()).isEqualTo("test-server");
    assertThat(result.path("capabilities").has("tools")).isTrue();
  }

  @Test
  void olderClientGetsTheVersionItAskedFor() {
    client.protocolVersion = "2025-03-26";
    assertThat(client.initialize().path("protocolVersion").asText()).isEqualTo("2025-03-26");
  }

  @Test
  void toolCallThatStreamsNothingIsAnsweredAsPlainJson() {
    client.initialize();
    RawClient.Response r = client.post(client.request("tools/call",
        "{\"name\":\"echo\",\"arguments\":{\"text\":\"hi\",\"times\":2}}"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.contentType()).startsWith("application/json");
    assertThat(r.message().path("result").path("content").get(0).path("text").asText())
        .isEqualTo("hihi");
  }

  @Test
  void toolCallThatReportsProgressIsAnsweredAsAnEventStreamWithEventIds() {
    client.initialize();
    RawClient.Response r = client.post(client.request("tools/call",
        "{\"name\":\"progress\",\"arguments\":{},\"_meta\":{\"progressToken\":\"p1\"}}"));

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.isSse()).isTrue();
    assertThat(r.events()).extracting(e -> e.path("method").asText())
        .contains("notifications/progress", "notifications/message");
    assertThat(r.events().get(0).path("params").path("progressToken").asText()).isEqualTo("p1");
    assertThat(r.eventIds()).isNotEmpty().doesNotHaveDuplicates();
    assertThat(r.message().path("result").path("content").get(0).path("text").asText())
        .isEqualTo("finished");
  }

  @Test
  void notificationsAreAcceptedWith202AndNoBody() {
    client.initialize();
    RawClient.Response r = client.post("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");

    assertThat(r.status()).isEqualTo(202);
    assertThat(r.body()).isEmpty();
  }

  @Test
  void requestWithoutSessionIdGets400() {
    RawClient.Response r = client.post(client.request("tools/list", null));

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.message().path("error").path("message").asText()).contains("Mcp-Session-Id");
  }

  @Test
  void unknownSessionGets404SoTheClientReinitializes() {
    client.sessionId = "AAAAAAAAAAAAAAAAAAAAAA";
    RawClient.Response r = client.post(client.request("tools/list", null));

    assertThat(r.status()).isEqualTo(404);
    assertThat(r.message().path("error").path("message").asText()).contains("initialize");
  }

  @Test
  void deletedSessionGets404() {
    client.initialize();
    RawClient.Response deleted = client.send(HttpRequest.newBuilder(client.url).DELETE()
        .header("Mcp-Session-Id", client.sessionId).build());
    RawClient.Response after = client.post(client.request("tools/list", null));

    assertThat(deleted.status()).isEqualTo(200);
    assertThat(after.status()).isEqualTo(404);
  }

  @Test
  void acceptHeaderWithoutEventStreamGets406() {
    client.initialize();
    RawClient.Response r = client.post(client.request("tools/list", null),
        "Accept", "application/json");

    assertThat(r.status()).isEqualTo(406);
    assertThat(r.message().path("error").path("message").asText()).contains("text/event-stream");
  }

  @Test
  void bodyThatIsNotJsonByContentTypeGets415() {
    client.initialize();
    RawClient.Response r = client.post(client.request("tools/list", null),
        "Content-Type", "text/plain");

    assertThat(r.status()).isEqualTo(415);
  }

  @Test
  void unsupportedProtocolVersionHeaderGets400() {
    client.initialize();
    RawClient.Response r = client.post(client.request("tools/list", null),
        "MCP-Protocol-Version", "1999-01-01");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.message().path("error").path("message").asText()).contains("1999-01-01")
        .contains("2025-11-25");
  }

  @Test
  void malformedJsonGetsAParseError() {
    client.initialize();
    RawClient.Response r = client.post("{\"jsonrpc\":\"2.0\",\"id\":1,");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.message().path("error").path("code").asInt()).isEqualTo(-32700);
  }

  @Test
  void oversizeBodyGets413WithAJsonRpcError() {
    client.initialize();
    String big = "x".repeat(70 * 1024);
    RawClient.Response r = client.post(client.request("tools/call",
        "{\"name\":\"echo\",\"arguments\":{\"text\":\"" + big + "\",\"times\":1}}"));

    assertThat(r.status()).isEqualTo(413);
    assertThat(r.message().path("error").path("message").asText()).contains("65536");
  }

  @Test
  void foreignOriginGets403() {
    RawClient.Response r = client.post(client.request("initialize", "{\"protocolVersion\":"
        + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"x\",\"version\":\"1\"}}"),
        "Origin", "http://evil.example.com");

    assertThat(r.status()).isEqualTo(403);
    assertThat(r.message().path("error").path("message").asText()).contains("evil.example.com");
  }

  @Test
  void loopbackOriginIsAccepted() {
    RawClient.Response r = client.post(client.request("initialize", "{\"protocolVersion\":"
        + "\"2025-11-25\",\"capabilities\":{},\"clientInfo\":{\"name\":\"x\",\"version\":\"1\"}}"),
        "Origin", "http://localhost:6274");

    assertThat(r.status()).isEqualTo(200);
  }

  @Test
  void elicitationTravelsOnTheCallsStreamAndTheAnswerComesBackInAnotherPost() throws Exception {
    client.initialize();
    HttpRequest call = HttpRequest.newBuilder(client.url)
        .header("Accept", RawClient.JSON_AND_SSE).header("Content-Type", "application/json")
        .header("Mcp-Session-Id", client.sessionId)
        .POST(HttpRequest.BodyPublishers.ofString(client.request("tools/call",
            "{\"name\":\"ask\",\"arguments\":{}}"))).build();
    HttpResponse<Stream<String>> stream = HttpClient.newHttpClient()
        .send(call, HttpResponse.BodyHandlers.ofLines());
    Iterator<String> lines = stream.body().iterator();

    JsonNode elicitation = RawClient.nextEvent(lines, "elicitation/create");
    RawClient.Response accepted = client.post("{\"jsonrpc\":\"2.0\",\"id\":"
        + elicitation.get("id") + ",\"result\":{\"action\":\"accept\",\"content\":{\"name\":"
        + "\"Ada\"}}}");
    JsonNode answer = RawClient.nextEvent(lines, null);

    assertThat(stream.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
    assertThat(elicitation.path("params").path("message").asText()).isEqualTo("Your name?");
    assertThat(accepted.status()).isEqualTo(202);
    assertThat(answer.path("result").path("content").get(0).path("text").asText())
        .isEqualTo("hello Ada");
  }

  @Test
  @Timeout(10)
  void getStreamCarriesListChangedWhenAToolIsAddedOrRemoved() {
    client.initialize();
    Iterator<String> lines = client.openStream().iterator();
    while (lines.hasNext() && !lines.next().startsWith("id: ")) {
      // the priming event says the stream is attached
    }

    server.addTool(ToolDefinition.builder("late").description("Added later")
        .handler((a, c) -> dev.mcpkit.core.schema.Tools.CallToolResult.text("late")).build());

    assertThat(RawClient.nextEvent(lines, "notifications/tools/list_changed").path("method")
        .asText()).isEqualTo("notifications/tools/list_changed");

    server.removeTool("late");

    assertThat(RawClient.nextEvent(lines, null).path("method").asText())
        .isEqualTo("notifications/tools/list_changed");
  }

  @Test
  @Timeout(10)
  void aChangeMadeAsSoonAsTheGetStreamsHeadersArriveReachesIt() {
    client.initialize();
    Iterator<String> lines = client.openStream().iterator(); // returns with the headers

    server.addTool(ToolDefinition.builder("early").description("Added at once")
        .handler((a, c) -> dev.mcpkit.core.schema.Tools.CallToolResult.text("early")).build());

    assertThat(RawClient.nextEvent(lines, "notifications/tools/list_changed").path("method")
        .asText()).isEqualTo("notifications/tools/list_changed");
  }

  @Test
  void secondGetStreamOfASessionGets409() {
    client.initialize();
    Iterator<String> first = client.openStream().iterator();
    while (first.hasNext() && !first.next().startsWith("id: ")) {
      // attached
    }
    RawClient.Response second = client.send(HttpRequest.newBuilder(client.url).GET()
        .header("Accept", "text/event-stream").header("Mcp-Session-Id", client.sessionId)
        .timeout(Duration.ofSeconds(5)).build());

    assertThat(second.status()).isEqualTo(409);
  }

  @Test
  void aStreamTheServerClosedResumesWithLastEventId() {
    client.initialize();
    RawClient.Response r = client.post(client.request("tools/call",
        "{\"name\":\"poll\",\"arguments\":{}}"));

    assertThat(r.isSse()).isTrue();
    assertThat(r.body()).contains("retry: ");
    assertThat(r.events()).isEmpty();
    String lastEventId = r.eventIds().get(r.eventIds().size() - 1);
    Iterator<String> resumed = client.openStream("Last-Event-ID", lastEventId).iterator();
    JsonNode answer = RawClient.nextEvent(resumed, null);

    assertThat(answer.path("result").path("content").get(0).path("text").asText())
        .isEqualTo("after reconnect");
  }

  @Test
  void aBrowserGetsTheExplorerPageWhereTheEndpointAsksForIt() throws Exception {
    RawClient.Response unset = browserGet(client.url);
    stop();
    URI asked = start(options(), McpEndpoint.builder(server).path("/mcp").explorerPage().build())
        .resolve("/mcp");
    RawClient.Response served = browserGet(asked);
    stop();
    URI refused = start(options(), McpEndpoint.builder(server).path("/mcp").noExplorerPage()
        .build()).resolve("/mcp");
    RawClient.Response notServed = browserGet(refused);

    assertThat(unset.status()).isEqualTo(servesExplorerPageByDefault() ? 200 : 406);
    assertThat(served.status()).isEqualTo(200);
    assertThat(served.contentType()).startsWith("text/html");
    assertThat(served.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(served.body()).contains("data-tool=\"echo\"");
    assertThat(notServed.status()).isEqualTo(406);
  }

  private RawClient.Response browserGet(URI url) {
    return client.send(HttpRequest.newBuilder(url).GET()
        .header("Accept", "text/html,application/xhtml+xml").build());
  }

  @Test
  void statelessClientsAreServedOnTheSameEndpoint() {
    RawClient.Response r = client.stateless("server/discover", null);

    assertThat(r.status()).isEqualTo(200);
    assertThat(r.headers().firstValue("Mcp-Session-Id")).isEmpty();
    assertThat(r.message().path("result").path("supportedVersions").toString())
        .contains("2026-07-28", "2025-11-25");
  }
}
