package dev.mcpkit.server;

import dev.mcpkit.server.servlet.McpServlet;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/** The transport contract on the servlet adapter in embedded Tomcat 11. */
class TomcatServletTest extends ServletHostContract {
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

  /** Tomcat's taken connection sends the stream's body with neither a length nor chunking. */
  @Override
  protected boolean streamsAreChunked() {
    return false;
  }
}
