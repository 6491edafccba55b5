package dev.mcpkit.benchmarks.load;

import com.sun.net.httpserver.HttpServer;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * HTTP servers that read the body and answer a fixed JSON-RPC reply, with no MCP at all: the most
 * an MCP server on the same stack can do. The JDK one gets what McpHttpServer gets (TCP_NODELAY,
 * an explicit pool of 200 threads).
 */
final class BareServers {
  static final byte[] REPLY = ("{\"jsonrpc\":\"2.0\",\"id\":1,\"result\":{\"content\":[{\"type\":"
      + "\"text\",\"text\":\"" + EchoServer.BARE_TEXT + "\"}]}}").getBytes(StandardCharsets.UTF_8);

  private BareServers() {}

  static AutoCloseable start(String host, int port) throws Exception {
    if (host.equals("jdk") && "embedded".equals(System.getProperty("load.bareJdk"))) {
      return embedded(port);
    }
    if (host.equals("jdk")) {
      return jdk(port);
    }
    return Containers.start(host, port, new FixedReplyServlet());
  }

  private static AutoCloseable jdk(int port) throws IOException {
    System.setProperty("sun.net.httpserver.nodelay", "true");
    HttpServer server = HttpServer.create(
        new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128);
    ThreadPoolExecutor pool = new ThreadPoolExecutor(200, 200, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>());
    pool.allowCoreThreadTimeOut(true);
    server.setExecutor(pool);
    server.createContext("/mcp", exchange -> {
      try (InputStream in = exchange.getRequestBody()) {
        in.transferTo(OutputStream.nullOutputStream());
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, REPLY.length);
      try (OutputStream out = exchange.getResponseBody()) {
        out.write(REPLY);
      }
    });
    server.start();
    return () -> {
      server.stop(0);
      pool.shutdownNow();
    };
  }

  /**
   * With {@code -Dload.bareJdk=embedded}: the HTTP server McpHttpServer runs on, answering the
   * fixed reply with no MCP, to tell the cost of the MCP layer from the cost of the HTTP server.
   */
  private static AutoCloseable embedded(int port) throws IOException {
    java.util.concurrent.ExecutorService pool =
        dev.mcpkit.core.engine.internal.Threads.hasVirtualThreads()
            ? dev.mcpkit.core.engine.internal.Threads.newExecutor("bare", 200)
            : fixedPool();
    dev.mcpkit.server.internal.http.NioHttpServer server =
        new dev.mcpkit.server.internal.http.NioHttpServer(
            new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 128, pool,
            new dev.mcpkit.server.internal.http.NioHttpServer.Service() {
              @Override
              public boolean refusesFromHeaders(dev.mcpkit.server.internal.http.HttpCall call) {
                return false;
              }

              @Override
              public void serve(dev.mcpkit.server.internal.http.NioHttpCall call) {
                try {
                  call.body().transferTo(OutputStream.nullOutputStream());
                  call.setHeader("Content-Type", "application/json");
                  OutputStream out = call.start(200, REPLY.length);
                  out.write(REPLY);
                } catch (IOException e) {
                  // the client went away
                } finally {
                  call.close();
                }
              }
            }, 10_000, 30_000, 4 << 20, 20_000, 5_000);
    return () -> {
      server.close();
      pool.shutdownNow();
    };
  }

  /** The pool McpHttpServer uses on Java 17. */
  private static java.util.concurrent.ExecutorService fixedPool() {
    ThreadPoolExecutor pool = new ThreadPoolExecutor(200, 200, 30, TimeUnit.SECONDS,
        new LinkedBlockingQueue<>());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  /** The bare answer as a servlet. */
  static final class FixedReplyServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;

    @Override
    protected void service(HttpServletRequest request, HttpServletResponse response)
        throws IOException {
      request.getInputStream().transferTo(OutputStream.nullOutputStream());
      response.setStatus(200);
      response.setContentType("application/json");
      response.setContentLength(REPLY.length);
      response.getOutputStream().write(REPLY);
    }
  }
}
