package dev.mcpkit.postgres.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Elicitation;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import dev.mcpkit.postgres.McpPostgres;
import dev.mcpkit.postgres.TestDatabase;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.ToolDefinition;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Two server instances with one requestState store on PostgreSQL: a 2026-07-28 {@code
 * input_required} state minted by one instance is accepted by the other, and a replay of it to
 * either instance is refused; an instance with its own per-JVM store would reject the state.
 */
@Timeout(60)
class SharedRequestStateTest {
  static final String ASK = "{\"name\":\"ask\",\"arguments\":{}";
  final HttpClient http = HttpClient.newHttpClient();

  static McpHttpServer instance(McpPostgres pg) {
    McpServer.Builder server = McpServer.builder().name("asker").version("1.0.0")
        .tool(ToolDefinition.builder("ask").description("Asks the user for a name")
            .handler((args, ctx) -> CallToolResult.text("hello "
                + ctx.elicit("name", form()).content().get("name").asText())).build());
    if (pg != null) {
      server.requestStateStore(pg.requestStateStore());
    }
    return McpHttpServer.builder().port(0).endpoint(McpEndpoint.at("/mcp", server.build()))
        .start();
  }

  static Elicitation.FormParams form() {
    return McpJson.fromTree(McpJson.mapper().createObjectNode().put("mode", "form")
        .put("message", "Your name?").set("requestedSchema", json(
            "{\"type\":\"object\",\"properties\":{\"name\":{\"type\":\"string\"}}}")),
        Elicitation.FormParams.class);
  }

  JsonNode call(URI url, String params) throws Exception {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\",\"params\":" + params
        + ",\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
        + "\"io.modelcontextprotocol/clientCapabilities\":{\"elicitation\":{}}}}}";
    HttpRequest request = HttpRequest.newBuilder(url)
        .header("Content-Type", "application/json")
        .header("Accept", "application/json, text/event-stream")
        .header("MCP-Protocol-Version", "2026-07-28")
        .header("Mcp-Method", "tools/call").header("Mcp-Name", "ask")
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    return json(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
  }

  static JsonNode json(String text) {
    try {
      return McpJson.mapper().readTree(text);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  static String answered(String state) {
    return ",\"inputResponses\":{\"name\":{\"action\":\"accept\",\"content\":{\"name\":\"Ada\"}}},"
        + "\"requestState\":\"" + state + "\"";
  }

  @Test
  void aStateMintedByOneInstanceIsAcceptedByTheOtherAndRefusedWhenReplayedToEither()
      throws Exception {
    McpPostgres pg = TestDatabase.freshStores("request_states_shared");
    try (McpHttpServer first = instance(pg);
        McpHttpServer second = instance(TestDatabase.storesOn(pg.schema()))) {
      JsonNode asked = call(first.url(), ASK).path("result");
      assertThat(asked.path("resultType").asText()).isEqualTo("input_required");
      String state = asked.path("requestState").asText();

      JsonNode done = call(second.url(), ASK + answered(state)).path("result");
      assertThat(done.path("content").get(0).path("text").asText()).isEqualTo("hello Ada");

      for (URI replayTo : new URI[] {first.url(), second.url()}) {
        JsonNode refused = call(replayTo, ASK + answered(state)).path("error");
        assertThat(refused.path("code").asInt()).isEqualTo(-32602);
        assertThat(refused.path("message").asText()).contains("already used");
      }
    }
  }

  @Test
  void anInstanceWithItsOwnPerJvmStoreRejectsAStateTheSharedOnesMinted() throws Exception {
    McpPostgres pg = TestDatabase.freshStores("request_states_alone");
    try (McpHttpServer shared = instance(pg); McpHttpServer alone = instance(null)) {
      String state = call(shared.url(), ASK).path("result").path("requestState").asText();

      JsonNode refused = call(alone.url(), ASK + answered(state)).path("error");

      assertThat(refused.path("message").asText()).contains("integrity check failed");
    }
  }
}
