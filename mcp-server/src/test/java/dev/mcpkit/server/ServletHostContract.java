package dev.mcpkit.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The servlet adapter's event streams on containers whose stream connections it owns (Tomcat,
 * where it takes them over, and Jetty 12, where it watches them): a stream's answer says {@code
 * Connection: close}, the connection is read for the client's end, so a client that closes is
 * released without any write, and a client that sends bytes on its stream is cut off.
 */
abstract class ServletHostContract extends HttpCapacityContract {
  /** Whether the stream's body is chunked (Jetty) rather than running to the close (Tomcat). */
  protected abstract boolean streamsAreChunked();

  @Test
  @Timeout(30)
  void aGetStreamRunsOnItsOwnConnectionUntilItCloses() throws Exception {
    client.initialize();
    try (RawHttp stream = new RawHttp(base)) {
      stream.send("GET /mcp HTTP/1.1\r\nHost: " + stream.hostHeader
          + "\r\nAccept: text/event-stream\r\nMcp-Session-Id: " + client.sessionId
          + "\r\nMCP-Protocol-Version: " + client.protocolVersion + "\r\n\r\n");
      java.util.Map<String, String> headers = stream.readHeaders();
      // the connection ends with the stream, said so
      assertThat(headers).containsEntry("Connection", "close")
          .containsEntry("Content-Type", "text/event-stream").doesNotContainKey("Content-Length");
      if (!streamsAreChunked()) {
        assertThat(headers).doesNotContainKey("Transfer-Encoding"); // it runs until the close
      }
      assertThat(openStreamCount()).isEqualTo(1);

      // a change made as soon as the headers are in reaches the stream
      server.addTool(ToolDefinition.builder("late").description("Added")
          .handler((args, ctx) -> dev.mcpkit.core.schema.Tools.CallToolResult.text("x")).build());
      assertThat(
          stream.readUntil("notifications/tools/list_changed", 5_000)).isTrue();

      // ending the session ends the stream: the server closes the connection
      assertThat(client.send(java.net.http.HttpRequest
          .newBuilder(client.url).DELETE().header("Mcp-Session-Id", client.sessionId)
          .header("MCP-Protocol-Version", client.protocolVersion).build()).status())
          .isEqualTo(200);
      assertThat(stream.closedByServer(5_000)).isTrue();
      assertThat(openStreamCount()).isZero();
    }
  }

  @Test
  @Timeout(30)
  void aListenStreamRunsOnItsOwnConnectionAndIsReleasedAsItsClientCloses() throws Exception {
    String body = "{\"jsonrpc\":\"2.0\",\"id\":\"sub-1\",\"method\":\"subscriptions/listen\","
        + "\"params\":{\"notifications\":{\"toolsListChanged\":true},"
        + "\"_meta\":{\"io.modelcontextprotocol/protocolVersion\":\"2026-07-28\","
        + "\"io.modelcontextprotocol/clientCapabilities\":{}}}}";
    RawHttp stream = new RawHttp(base);
    stream.send("POST /mcp HTTP/1.1\r\nHost: " + stream.hostHeader
        + "\r\nContent-Type: application/json\r\nAccept: application/json, text/event-stream"
        + "\r\nMCP-Protocol-Version: 2026-07-28\r\nMcp-Method: subscriptions/listen"
        + "\r\nContent-Length: " + body.getBytes(java.nio.charset.StandardCharsets.UTF_8).length
        + "\r\n\r\n" + body);
    java.util.Map<String, String> headers = stream.readHeaders();
    assertThat(headers).containsEntry("Connection", "close");
    if (!streamsAreChunked()) {
      assertThat(headers).doesNotContainKey("Transfer-Encoding");
    }
    assertThat(
        stream.readUntil("notifications/subscriptions/acknowledged")).isTrue();
    server.addTool(ToolDefinition.builder("late").description("Added")
        .handler((args, ctx) -> dev.mcpkit.core.schema.Tools.CallToolResult.text("x")).build());
    assertThat(
        stream.readUntil("notifications/tools/list_changed")).isTrue();
    assertThat(openStreamCount()).isEqualTo(1);

    stream.close();
    awaitNoOpenStream(Duration.ofSeconds(5));
    assertThat(openStreamCount()).isZero();
  }

  @Test
  @Timeout(30)
  void aStreamClientThatSendsBytesOnItsStreamIsCutOff() throws Exception {
    try (RawHttp stream = openedLegacyStream()) {

      // a stream's client has nothing to send; a pipelined request or garbage beyond 8 KB ends it
      stream.send("GET /mcp HTTP/1.1\r\nHost: " + stream.hostHeader + "\r\n\r\n");
      stream.send("x".repeat(16 * 1024));

      assertThat(stream.closedByServer(5_000)).isTrue();
      awaitNoOpenStream(Duration.ofSeconds(5));
      assertThat(openStreamCount()).isZero();
    }
  }

  @Test
  @Timeout(30)
  void aGetStreamIsReleasedAsItsClientClosesWithoutAnyWrite() throws Exception {
    client.initialize();
    RawHttp stream = new RawHttp(base);
    stream.send("GET /mcp HTTP/1.1\r\nHost: " + stream.hostHeader
        + "\r\nAccept: text/event-stream\r\nMcp-Session-Id: " + client.sessionId
        + "\r\nMCP-Protocol-Version: " + client.protocolVersion + "\r\n\r\n");
    assertThat(stream.readHeaders()).containsEntry("Connection", "close");
    assertThat(openStreamCount()).isEqualTo(1);

    stream.close(); // nothing is written to it after this (no keep-alive in a test)

    long tookMillis = awaitNoOpenStream(Duration.ofSeconds(5));
    assertThat(openStreamCount()).as("open streams %d ms after the client closed", tookMillis)
        .isZero();
  }
}
