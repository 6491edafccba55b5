package dev.mcpkit.server.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Tools.CallToolResult;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

class MockMcpServerTest {
  private static JsonNode post(MockMcpServer mock, String session, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(mock.url())
        .header("Accept", "application/json, text/event-stream")
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body));
    if (session != null) {
      b.header("Mcp-Session-Id", session);
    }
    HttpResponse<String> r = HttpClient.newHttpClient().send(b.build(),
        HttpResponse.BodyHandlers.ofString());
    JsonNode json = McpJson.mapper().readTree(r.body());
    return session == null ? McpJson.object().put("session",
        r.headers().firstValue("Mcp-Session-Id").orElse(null)).set("body", json) : json;
  }

  @Test
  void enqueuedAnswersAreServedInOrderAndRequestsAreRecorded() throws Exception {
    try (MockMcpServer mock = new MockMcpServer()) {
      mock.tool("get_weather").enqueueText("Sunny").enqueueToolError("no such city")
          .enqueueProtocolError(-32602, "bad");
      mock.start();
      String session = post(mock, null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\","
          + "\"params\":{\"protocolVersion\":\"2025-11-25\",\"capabilities\":{},\"clientInfo\":"
          + "{\"name\":\"host\",\"version\":\"1\"}}}").path("session").asText();
      String call = "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\",\"params\":{\"name\":"
          + "\"get_weather\",\"arguments\":{\"city\":\"Paris\"}}}";

      JsonNode first = post(mock, session, call);
      JsonNode second = post(mock, session, call);
      JsonNode third = post(mock, session, call);
      JsonNode fourth = post(mock, session, call);

      assertThat(first.path("result").path("content").get(0).path("text").asText())
          .isEqualTo("Sunny");
      assertThat(second.path("result").path("isError").asBoolean()).isTrue();
      assertThat(third.path("error").path("code").asInt()).isEqualTo(-32602);
      assertThat(fourth.path("result").path("content").get(0).path("text").asText())
          .contains("no answer enqueued");

      MockMcpServer.RecordedRequest init = mock.takeRequest();
      MockMcpServer.RecordedRequest recorded = mock.takeRequest("tools/call");
      assertThat(init.method()).isEqualTo("initialize");
      assertThat(init.header("Accept")).contains("text/event-stream");
      assertThat(recorded.toolName()).isEqualTo("get_weather");
      assertThat(recorded.arguments().path("city").asText()).isEqualTo("Paris");
      assertThat(recorded.header("Mcp-Session-Id")).isEqualTo(session);
      assertThat(mock.count("tools/call")).isEqualTo(4);
    }
  }

  @Test
  void anUnstartedMockSaysSo() throws IOException {
    try (MockMcpServer mock = new MockMcpServer()) {
      org.assertj.core.api.Assertions.assertThatThrownBy(mock::url)
          .hasMessageContaining("start()");
    }
  }

  @Test
  void enqueueingAResultObjectWorksToo() throws Exception {
    try (MockMcpServer mock = new MockMcpServer()) {
      mock.tool("t").enqueue(CallToolResult.structured(McpJson.object().put("n", 1)));
      mock.start();
      JsonNode r = post(mock, null, "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"tools/call\","
          + "\"params\":{\"name\":\"t\",\"arguments\":{},\"_meta\":{"
          + "\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
          + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}");
      // a 2026-07-28 request needs its headers; without them the mock answers as the spec says
      assertThat(r.path("body").path("error").path("code").asInt()).isEqualTo(-32020);
    }
  }
}
