package dev.mcpkit.server;

import dev.mcpkit.server.servlet.McpServlet;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/** The transport contract on the servlet adapter in embedded Tomcat 11. */
class TomcatServletTest extends HttpCapacityContract {
  private Tomcat tomcat;
  private McpServlet servlet;

  @Override
  protected int openStreamCount() {
    return servlet.openStreamCount();
  }

  @Override
  protected int sessionCount() {
    return servlet.sessionCount();
  }

  @Override
  protected URI start(McpHttpOptions options, McpEndpoint endpoint) throws Exception {
    tomcat = new Tomcat();
    File base = Files.createTempDirectory("tomcat").toFile();
    tomcat.setBaseDir(base.getAbsolutePath());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    connector.setProperty("connectionTimeout", "20000"); // as in Tomcat's own server.xml
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", base.getAbsolutePath());
    servlet = new McpServlet(options, endpoint);
    Tomcat.addServlet(context, "mcp", servlet).setAsyncSupported(true);
    context.addServletMappingDecoded("/*", "mcp");
    tomcat.start();
    return URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  @Override
  protected void stop() throws Exception {
    tomcat.stop();
    tomcat.destroy();
  }

  @org.junit.jupiter.api.Test
  @org.junit.jupiter.api.Timeout(30)
  void aGetStreamRunsOnItsOwnConnectionUntilItCloses() throws Exception {
    client.initialize();
    try (RawHttp stream = new RawHttp(base)) {
      stream.send("GET /mcp HTTP/1.1\r\nHost: " + stream.hostHeader
          + "\r\nAccept: text/event-stream\r\nMcp-Session-Id: " + client.sessionId
          + "\r\nMCP-Protocol-Version: " + client.protocolVersion + "\r\n\r\n");
      java.util.Map<String, String> headers = stream.readHeaders();
      // the body runs until the connection closes: no length, no chunking, said so
      org.assertj.core.api.Assertions.assertThat(headers).containsEntry("Connection", "close")
          .containsEntry("Content-Type", "text/event-stream")
          .doesNotContainKeys("Transfer-Encoding", "Content-Length");
      org.assertj.core.api.Assertions.assertThat(openStreamCount()).isEqualTo(1);

      // a change made as soon as the headers are in reaches the stream
      server.addTool(ToolDefinition.builder("late").description("Added")
          .handler((args, ctx) -> dev.mcpkit.core.schema.Tools.CallToolResult.text("x")).build());
      org.assertj.core.api.Assertions.assertThat(
          stream.readUntil("notifications/tools/list_changed", 5_000)).isTrue();

      // ending the session ends the stream: the server closes the connection
      org.assertj.core.api.Assertions.assertThat(client.send(java.net.http.HttpRequest
          .newBuilder(client.url).DELETE().header("Mcp-Session-Id", client.sessionId)
          .header("MCP-Protocol-Version", client.protocolVersion).build()).status())
          .isEqualTo(200);
      org.assertj.core.api.Assertions.assertThat(stream.closedByServer(5_000)).isTrue();
      org.assertj.core.api.Assertions.assertThat(openStreamCount()).isZero();
    }
  }

  @org.junit.jupiter.api.Test
  @org.junit.jupiter.api.Timeout(30)
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
    org.assertj.core.api.Assertions.assertThat(stream.readHeaders())
        .containsEntry("Connection", "close").doesNotContainKey("Transfer-Encoding");
    org.assertj.core.api.Assertions.assertThat(
        stream.readUntil("notifications/subscriptions/acknowledged")).isTrue();
    server.addTool(ToolDefinition.builder("late").description("Added")
        .handler((args, ctx) -> dev.mcpkit.core.schema.Tools.CallToolResult.text("x")).build());
    org.assertj.core.api.Assertions.assertThat(
        stream.readUntil("notifications/tools/list_changed")).isTrue();
    org.assertj.core.api.Assertions.assertThat(openStreamCount()).isEqualTo(1);

    stream.close();
    awaitNoOpenStream(java.time.Duration.ofSeconds(5));
    org.assertj.core.api.Assertions.assertThat(openStreamCount()).isZero();
  }

  @org.junit.jupiter.api.Test
  @org.junit.jupiter.api.Timeout(30)
  void aStreamClientThatSendsBytesOnItsStreamIsCutOff() throws Exception {
    try (RawHttp stream = openedLegacyStream()) {

      // a stream's client has nothing to send; a pipelined request or garbage beyond 8 KB ends it
      stream.send("GET /mcp HTTP/1.1\r\nHost: " + stream.hostHeader + "\r\n\r\n");
      stream.send("x".repeat(16 * 1024));

      org.assertj.core.api.Assertions.assertThat(stream.closedByServer(5_000)).isTrue();
      awaitNoOpenStream(java.time.Duration.ofSeconds(5));
      org.assertj.core.api.Assertions.assertThat(openStreamCount()).isZero();
    }
  }
}
