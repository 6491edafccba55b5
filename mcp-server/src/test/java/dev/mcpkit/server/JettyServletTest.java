package dev.mcpkit.server;

import dev.mcpkit.server.servlet.McpServlet;
import java.net.URI;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** The transport contract on the servlet adapter in embedded Jetty 12 (EE10). */
class JettyServletTest extends ServletHostContract {
  private Server jetty;
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
    jetty = new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(0);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    servlet = new McpServlet(options, endpoint);
    ServletHolder holder = new ServletHolder(servlet);
    holder.setAsyncSupported(true);
    context.addServlet(holder, "/*");
    jetty.setHandler(context);
    jetty.start();
    return URI.create("http://127.0.0.1:" + connector.getLocalPort());
  }

  @Override
  protected void stop() throws Exception {
    jetty.stop();
  }

  @Override
  protected boolean streamsAreChunked() {
    return true;
  }
}
