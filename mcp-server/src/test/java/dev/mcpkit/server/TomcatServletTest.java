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

  /** Tomcat goes on writing what it took from an ended stream until its connection timeout. */
  @Override
  protected java.time.Duration closesAStuckConnectionWithin() {
    return java.time.Duration.ofSeconds(30);
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

      server.addTool(ToolDefinition.builder("late").description("Added")
          .handler((args, ctx) -> dev.mcpkit.core.schema.Tools.CallToolResult.text("x")).build());
      org.assertj.core.api.Assertions.assertThat(
          stream.readUntil("notifications/tools/list_changed")).isTrue();

      // ending the session ends the stream: the server closes the connection
      org.assertj.core.api.Assertions.assertThat(client.send(java.net.http.HttpRequest
          .newBuilder(client.url).DELETE().header("Mcp-Session-Id", client.sessionId)
          .header("MCP-Protocol-Version", client.protocolVersion).build()).status())
          .isEqualTo(200);
      org.assertj.core.api.Assertions.assertThat(stream.closedByServer(5_000)).isTrue();
      org.assertj.core.api.Assertions.assertThat(openStreamCount()).isZero();
    }
  }
}
