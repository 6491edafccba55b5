package dev.mcpkit.server;

import dev.mcpkit.server.servlet.McpServlet;
import java.io.File;
import java.net.URI;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/** One endpoint served on loopback by the JDK host, Tomcat or Jetty, chosen by name. */
final class ServletHosts {
  private ServletHosts() {}

  /** A started host: its base URI and how to stop it (gracefully, as in production). */
  static final class Running {
    private final URI base;
    private final Stopper stopper;
    private boolean stopped;

    Running(URI base, Stopper stopper) {
      this.base = base;
      this.stopper = stopper;
    }

    URI base() {
      return base;
    }

    /** Stops the host; again does nothing. */
    synchronized void stop() throws Exception {
      if (!stopped) {
        stopped = true;
        stopper.stop();
      }
    }
  }

  interface Stopper {
    void stop() throws Exception;
  }

  static Running start(String host, McpHttpOptions options, McpEndpoint endpoint)
      throws Exception {
    return start(host, options, endpoint, false);
  }

  /** As {@link #start}, with the servlet registered with async support where {@code async}. */
  static Running start(String host, McpHttpOptions options, McpEndpoint endpoint, boolean async)
      throws Exception {
    switch (host) {
      case "jdk" -> {
        McpHttpServer http = McpHttpServer.builder().options(options).endpoint(endpoint).start();
        URI url = http.url(endpoint);
        return new Running(URI.create("http://127.0.0.1:" + url.getPort()), http::close);
      }
      case "tomcat" -> {
        Tomcat tomcat = new Tomcat();
        File base = Files.createTempDirectory("tomcat").toFile();
        tomcat.setBaseDir(base.getAbsolutePath());
        Connector connector = new Connector();
        connector.setPort(0);
        connector.setProperty("address", "127.0.0.1");
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", base.getAbsolutePath());
        Tomcat.addServlet(context, "mcp", new McpServlet(options, endpoint))
            .setAsyncSupported(async);
        context.addServletMappingDecoded("/*", "mcp");
        tomcat.start();
        return new Running(URI.create("http://127.0.0.1:" + connector.getLocalPort()), () -> {
          tomcat.stop();
          tomcat.destroy();
        });
      }
      case "jetty" -> {
        Server jetty = new Server();
        ServerConnector connector = new ServerConnector(jetty);
        connector.setHost("127.0.0.1");
        connector.setPort(0);
        jetty.addConnector(connector);
        ServletContextHandler context = new ServletContextHandler("/");
        ServletHolder holder = new ServletHolder(new McpServlet(options, endpoint));
        holder.setAsyncSupported(async);
        context.addServlet(holder, "/*");
        jetty.setHandler(context);
        jetty.start();
        return new Running(URI.create("http://127.0.0.1:" + connector.getLocalPort()), jetty::stop);
      }
      default -> throw new IllegalArgumentException("no host named " + host);
    }
  }
}
