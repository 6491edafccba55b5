package dev.mcpkit.benchmarks.load;

import jakarta.servlet.http.HttpServlet;
import java.io.File;
import java.nio.file.Files;
import org.apache.catalina.Context;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.servlet.ServletHolder;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Embedded Jetty 12.1 (EE10) and Tomcat 11 with their default thread pools (or {@code
 * -Dload.maxThreads=N}), serving one servlet at
 * {@code /mcp} on 127.0.0.1. Every server of the harness uses the same setup, so a comparison on one
 * container compares the MCP layers only.
 */
final class Containers {
  private Containers() {}

  static AutoCloseable start(String host, int port, HttpServlet servlet) throws Exception {
    return switch (host) {
      case "jetty" -> jetty(port, servlet);
      case "tomcat" -> tomcat(port, servlet);
      default -> throw new IllegalArgumentException("unknown container '" + host
          + "'; use jetty or tomcat");
    };
  }

  /**
   * Tomcat's socket read and write buffers with a smaller pool ({@code -Dload.socketBufferBytes=N},
   * 2 KB by default; 0 keeps Tomcat's 8 KB).
   */
  private static final int SOCKET_BUFFER_BYTES = Integer.getInteger("load.socketBufferBytes", 2048);

  /** A smaller thread pool than the container's default, or 0 for the default. */
  private static final int MAX_THREADS = Integer.getInteger("load.maxThreads", 0);

  static AutoCloseable jetty(int port, HttpServlet servlet) throws Exception {
    Server jetty = MAX_THREADS > 0
        ? new Server(new org.eclipse.jetty.util.thread.QueuedThreadPool(MAX_THREADS, 4))
        : new Server();
    ServerConnector connector = new ServerConnector(jetty);
    connector.setHost("127.0.0.1");
    connector.setPort(port);
    jetty.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler("/");
    ServletHolder holder = new ServletHolder(servlet);
    holder.setAsyncSupported(true); // the official SDK answers asynchronously
    context.addServlet(holder, "/mcp");
    context.addServlet(holder, "/mcp/*");
    jetty.setHandler(context);
    jetty.start();
    return jetty::stop;
  }

  static AutoCloseable tomcat(int port, HttpServlet servlet) throws Exception {
    Tomcat tomcat = new Tomcat();
    File base = Files.createTempDirectory("tomcat").toFile();
    tomcat.setBaseDir(base.getAbsolutePath());
    Connector connector = new Connector();
    if (MAX_THREADS > 0) {
      connector.setProperty("maxThreads", String.valueOf(MAX_THREADS));
      connector.setProperty("minSpareThreads", "4");
      connector.setProperty("maxConnections", "20000"); // open streams are connections too
      // Tomcat keeps an 8 KB read and an 8 KB write buffer per connection, open streams included
      // (whose connections the servlet adapter takes over, leaving these and little else)
      if (SOCKET_BUFFER_BYTES > 0) {
        connector.setProperty("socket.appReadBufSize", String.valueOf(SOCKET_BUFFER_BYTES));
        connector.setProperty("socket.appWriteBufSize", String.valueOf(SOCKET_BUFFER_BYTES));
      }
    }
    connector.setPort(port);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    Context context = tomcat.addContext("", base.getAbsolutePath());
    Wrapper wrapper = Tomcat.addServlet(context, "mcp", servlet);
    wrapper.setAsyncSupported(true);
    context.addServletMappingDecoded("/mcp", "mcp");
    context.addServletMappingDecoded("/mcp/*", "mcp");
    tomcat.start();
    return () -> {
      tomcat.stop();
      tomcat.destroy();
    };
  }
}
