package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The 2026-07-28 protocol: per-request metadata, header checks, input_required. */
class StatelessProtocolTest {
  private ServerFixture fixture;
  private RawClient client;

  private final MovableClock clock = new MovableClock();

  @BeforeEach
  void start() {
    fixture = new ServerFixture(TestTools.server().requestStateTtl(Duration.ofMillis(400))
        .clock(clock).build());
    client = fixture.client;
    client.protocolVersion = null;
  }

  @AfterEach
  void stop() {
    fixture.close();
  }

  private static JsonNode error(RawClient.Response r) {
    return r.message().path("error");
  }

  @Test
  void discoverListsVersionsCapabilitiesAndTheServersIdentity() {
    JsonNode result = client.stateless("server/discover", null).message().path("result");

    assertThat(result.path("supportedVersions").toString()).contains("2026-07-28");
    assertThat(result.path("capabilities").has("tools")).isTrue();
    assertThat(result.path("capabilities").path("resources").has("subscribe")).isFalse();
    assertThat(result.path("resultType").asText()).isEqualTo("complete");
    assertThat(result.path("_meta").path("io.modelcontextprotocol/serverInfo").path("name")
        .asText()).isEqualTo("test-server");
    assertThat(result.has("ttlMs")).isTrue();
    assertThat(result.path("cacheScope").asText()).isEqualTo("private");
  }

  @Test
  void requestWithoutMetaGets400InvalidParamsWithItsId() {
    RawClient.Response r = client.post("{\"jsonrpc\":\"2.0\",\"id\":41,\"method\":"
        + "\"tools/list\",\"params\":{}}", "MCP-Protocol-Version", "2026-07-28",
        "Mcp-Method", "tools/list");

    assertThat(r.status()).isEqualTo(400);
    assertThat(r.message().path("id").asInt()).isEqualTo(41);
    assertThat(error(r).path("code").asInt()).isEqualTo(-32602);
    assertThat(error(r).path("message").asText()).contains("_meta");
  }

  @Test
  void metaWithoutCapabilitiesGets400() {
    RawClient.Response r = client.stateless("tools/list", "{\"_meta\":{"
        + "\"io.modelcontextprotocol/clientCapabilities\":\"none\"}}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(error(r).path("message").asText()).contains("clientCapabilities");
  }

  @Test
  void versionHeaderThatDiffersFromTheBodyIsAHeaderMismatch() {
    RawClient.Response r = client.stateless("tools/list", "{\"_meta\":{"
        + "\"io.modelcontextprotocol/protocolVersion\":\"v999\"}}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(error(r).path("code").asInt()).isEqualTo(-32020);
  }

  @Test
  void unsupportedVersionGets400ListingTheSupportedOnes() {
    RawClient.Response r = client.stateless("tools/list", "{\"_meta\":{"
        + "\"io.modelcontextprotocol/protocolVersion\":\"v999\"}}",
        "MCP-Protocol-Version", "v999");

    assertThat(r.status()).isEqualTo(400);
    assertThat(error(r).path("code").asInt()).isEqualTo(-32022);
    assertThat(error(r).path("data").path("requested").asText()).isEqualTo("v999");
    assertThat(error(r).path("data").path("supported").toString()).contains("2026-07-28");
  }

  @Test
  void methodHeaderThatDiffersFromTheBodyIsAHeaderMismatch() {
    RawClient.Response r = client.stateless("tools/list", null, "Mcp-Method", "prompts/list");

    assertThat(r.status()).isEqualTo(400);
    assertThat(error(r).path("code").asInt()).isEqualTo(-32020);
    assertThat(error(r).path("message").asText()).contains("prompts/list").contains("tools/list");
  }

  @Test
  void nameHeaderThatDiffersFromTheBodyIsAHeaderMismatch() {
    RawClient.Response r = client.stateless("tools/call",
        "{\"name\":\"echo\",\"arguments\":{\"text\":\"a\",\"times\":1}}", "Mcp-Name", "boom");

    assertThat(r.status()).isEqualTo(400);
    assertThat(error(r).path("code").asInt()).isEqualTo(-32020);
  }

  @Test
  void base64EncodedNameHeaderIsDecodedBeforeComparing() {
    String encoded = "=?base64?" + Base64.getEncoder().encodeToString(
        "echo".getBytes(StandardCharsets.UTF_8)) + "?=";
    RawClient.Response ok = client.stateless("tools/call",
        "{\"name\":\"echo\",\"arguments\":{\"text\":\"a\",\"times\":1}}", "Mcp-Name", encoded);
    RawClient.Response bad = client.stateless("tools/call",
        "{\"name\":\"echo\",\"arguments\":{\"text\":\"a\",\"times\":1}}",
        "Mcp-Name", "=?base64?ZWNo!!!?=");

    assertThat(ok.status()).isEqualTo(200);
    assertThat(bad.status()).isEqualTo(400);
  }

  @Test
  void mirroredParameterHeadersMustMatchTheArguments() {
    fixture.server.addTool(ToolDefinition.builder("sql").description("Runs SQL in a region")
        .inputSchema(TestTools.schema("{\"type\":\"object\",\"properties\":{\"region\":{"
            + "\"type\":\"string\",\"x-mcp-header\":\"Region\"},\"limit\":{\"type\":"
            + "\"integer\",\"x-mcp-header\":\"Limit\"}}}"))
        .handler((a, c) -> CallToolResult.text("ok")).build());
    String call = "{\"name\":\"sql\",\"arguments\":{\"region\":\"eu-1\",\"limit\":10}}";

    RawClient.Response ok = client.stateless("tools/call", call, "Mcp-Param-Region", "eu-1",
        "Mcp-Param-Limit", "10.0");
    RawClient.Response encoded = client.stateless("tools/call", call, "Mcp-Param-Region",
        "=?base64?ZXUtMQ==?=", "Mcp-Param-Limit", "10");
    RawClient.Response missing = client.stateless("tools/call", call, "Mcp-Param-Limit", "10");
    RawClient.Response wrong = client.stateless("tools/call", call, "Mcp-Param-Region", "us-1",
        "Mcp-Param-Limit", "10");

    assertThat(ok.status()).isEqualTo(200);
    assertThat(encoded.status()).isEqualTo(200);
    assertThat(missing.status()).isEqualTo(400);
    assertThat(error(missing).path("message").asText()).contains("Mcp-Param-Region");
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(error(wrong).path("code").asInt()).isEqualTo(-32020);
  }

  @Test
  void aToolWhoseHeaderAnnotationIsUnreachableIsRejected() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> ToolDefinition.builder("bad")
        .description("d").inputSchema(TestTools.schema("{\"type\":\"object\",\"properties\":{"
            + "\"list\":{\"type\":\"array\",\"items\":{\"type\":\"string\","
            + "\"x-mcp-header\":\"Item\"}}}}"))
        .handler((a, c) -> CallToolResult.text("x")).build())
        .hasMessageContaining("tool 'bad'").hasMessageContaining("reachable");
  }

  @Test
  void removedMethodsGet404MethodNotFound() {
    for (String method : new String[] {"ping", "initialize", "logging/setLevel",
        "resources/subscribe", "no/such/method"}) {
      RawClient.Response r = client.stateless(method, null);
      assertThat(r.status()).as(method).isEqualTo(404);
      assertThat(error(r).path("code").asInt()).as(method).isEqualTo(-32601);
    }
  }

  @Test
  void getAndDeleteFromStatelessClientsGet405() {
    for (String method : new String[] {"GET", "DELETE"}) {
      RawClient.Response r = client.send(HttpRequest.newBuilder(client.url)
          .method(method, HttpRequest.BodyPublishers.noBody())
          .header("Accept", "text/event-stream").header("MCP-Protocol-Version", "2026-07-28")
          .build());
      assertThat(r.status()).as(method).isEqualTo(405);
    }
  }

  @Test
  void resultsCarryResultTypeAndListsCarryCacheHints() {
    JsonNode list = client.stateless("tools/list", null).message().path("result");
    JsonNode call = client.stateless("tools/call",
        "{\"name\":\"echo\",\"arguments\":{\"text\":\"a\",\"times\":1}}").message().path("result");

    assertThat(list.path("resultType").asText()).isEqualTo("complete");
    assertThat(list.path("ttlMs").isIntegralNumber()).isTrue();
    assertThat(call.path("resultType").asText()).isEqualTo("complete");
    assertThat(call.has("ttlMs")).isFalse();
  }

  @Test
  void inputRequiredRoundTripCompletesWithTheAnswer() {
    JsonNode first = client.stateless("tools/call", "{\"name\":\"ask\",\"arguments\":{}}")
        .message().path("result");
    String state = first.path("requestState").asText();
    JsonNode second = client.stateless("tools/call", "{\"name\":\"ask\",\"arguments\":{},"
        + "\"inputResponses\":{\"name\":{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}}},"
        + "\"requestState\":\"" + state + "\"}").message().path("result");

    assertThat(first.path("resultType").asText()).isEqualTo("input_required");
    assertThat(first.path("inputRequests").path("name").path("method").asText())
        .isEqualTo("elicitation/create");
    assertThat(state).isNotEmpty();
    assertThat(second.path("resultType").asText()).isEqualTo("complete");
    assertThat(second.path("content").get(0).path("text").asText()).isEqualTo("hello Ada");
  }

  private String firstState() {
    return client.stateless("tools/call", "{\"name\":\"ask\",\"arguments\":{}}").message()
        .path("result").path("requestState").asText();
  }

  private RawClient.Response retry(String tool, String state) {
    return client.stateless("tools/call", "{\"name\":\"" + tool + "\",\"arguments\":{},"
        + "\"inputResponses\":{\"name\":{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}}},"
        + "\"requestState\":\"" + state + "\"}");
  }

  @Test
  void forgedRequestStateIsRejected() {
    String state = firstState();
    String forged = state.substring(0, 10) + (state.charAt(10) == 'A' ? 'B' : 'A')
        + state.substring(11);

    JsonNode e = error(retry("ask", forged));

    assertThat(e.path("code").asInt()).isEqualTo(-32602);
    assertThat(e.path("message").asText()).contains("requestState");
  }

  @Test
  void replayedRequestStateIsRejected() {
    String state = firstState();
    assertThat(retry("ask", state).message().has("result")).isTrue();

    assertThat(error(retry("ask", state)).path("message").asText()).contains("already used");
  }

  @Test
  void requestStateOfAnotherCallIsRejected() {
    String state = firstState();

    assertThat(error(retry("poll", state)).path("message").asText())
        .contains("belongs to another request");
  }

  @Test
  void expiredRequestStateIsRejected() {
    String state = firstState();
    clock.advance(Duration.ofMillis(500)); // the state lives 400 ms

    assertThat(error(retry("ask", state)).path("message").asText()).contains("expired");
  }

  @Test
  void askingAClientThatLacksTheCapabilityIs400MissingCapability() {
    RawClient.Response r = client.stateless("tools/call", "{\"name\":\"ask\",\"arguments\":{},"
        + "\"_meta\":{\"io.modelcontextprotocol/clientCapabilities\":{}}}");

    assertThat(r.status()).isEqualTo(400);
    assertThat(error(r).path("code").asInt()).isEqualTo(-32021);
    assertThat(error(r).path("data").path("requiredCapabilities").has("elicitation")).isTrue();
  }

  @Test
  void progressAndLogsGoOnTheRequestsOwnStreamOnlyWhenAsked() {
    RawClient.Response quiet = client.stateless("tools/call",
        "{\"name\":\"progress\",\"arguments\":{}}");
    RawClient.Response chatty = client.stateless("tools/call",
        "{\"name\":\"progress\",\"arguments\":{},\"_meta\":{\"progressToken\":7,"
            + "\"io.modelcontextprotocol/logLevel\":\"debug\"}}");

    assertThat(quiet.isSse()).isFalse();
    assertThat(chatty.isSse()).isTrue();
    assertThat(chatty.events()).extracting(e -> e.path("method").asText())
        .contains("notifications/progress", "notifications/message");
  }

  @Test
  @Timeout(10)
  void listenStreamAcknowledgesThenDeliversTaggedToolListChanges() throws Exception {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":\"sub-1\",\"method\":\"subscriptions/listen\","
        + "\"params\":{\"notifications\":{\"toolsListChanged\":true,\"promptsListChanged\":true},"
        + "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
        + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
    HttpResponse<Stream<String>> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        client.url).header("Accept", RawClient.JSON_AND_SSE).header("Content-Type",
        "application/json").header("MCP-Protocol-Version", "2026-07-28")
        .header("Mcp-Method", "subscriptions/listen")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
        HttpResponse.BodyHandlers.ofLines());
    Iterator<String> lines = r.body().iterator();

    JsonNode ack = RawClient.nextEvent(lines, null);
    fixture.server.addTool(ToolDefinition.builder("late").description("Added")
        .handler((a, c) -> CallToolResult.text("late")).build());
    JsonNode changed = RawClient.nextEvent(lines, null);

    assertThat(ack.path("method").asText()).isEqualTo("notifications/subscriptions/acknowledged");
    assertThat(ack.path("params").path("notifications").has("toolsListChanged")).isTrue();
    assertThat(ack.path("params").path("notifications").has("promptsListChanged")).isFalse();
    assertThat(changed.path("method").asText()).isEqualTo("notifications/tools/list_changed");
    assertThat(changed.path("params").path("_meta").path("io.modelcontextprotocol/subscriptionId")
        .asText()).isEqualTo("sub-1");
  }
}
