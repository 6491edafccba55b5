package dev.mcpkit.server;

import dev.mcpkit.server.servlet.McpServlet;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/** The transport contract on the servlet adapter in embedded Tomcat 11. */
class TomcatServletTest extends HttpTransportContract {
  private Tomcat tomcat;

  @Override
  protected URI start(McpHttpOptions options, McpEndpoint endpoint) throws Exception {
    tomcat = new Tomcat();
    File base = Files.createTempDirectory("tomcat").toFile();
    tomcat.setBaseDir(base.getAbsolutePath());
    Connector connector = new Connector();
    connector.setPort(0);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", base.getAbsolutePath());
    Tomcat.addServlet(context, "mcp", new McpServlet(options, endpoint));
    context.addServletMappingDecoded("/*", "mcp");
    tomcat.start();
    return URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  @Override
  protected void stop() throws Exception {
    tomcat.stop();
    tomcat.destroy();
  }
}
