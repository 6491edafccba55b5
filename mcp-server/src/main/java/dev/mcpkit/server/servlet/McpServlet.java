package dev.mcpkit.server.servlet;

import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpOptions;
import dev.mcpkit.server.McpServer;
import dev.mcpkit.server.internal.http.McpHttpHandler;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.List;

/**
 * Serves MCP endpoints from a Jakarta Servlet 6 container (Tomcat, Jetty, Spring Boot). Endpoint
 * paths are relative to the web application's context path; map the servlet so that it receives
 * them (e.g. {@code /*} or {@code /mcp/*}).
 *
 * <pre>{@code
 * McpServlet servlet = new McpServlet(McpHttpOptions.defaults(), McpEndpoint.at("/mcp", server));
 * context.addServlet("mcp", servlet).addMapping("/mcp/*");
 * }</pre>
 *
 * <p>Register the servlet with async support ({@code asyncSupported=true}): open event streams then
 * hold no thread and are written with non-blocking I/O, and requests that run the host's code
 * ({@code tools/call}, {@code prompts/get}, {@code resources/read}, ...) run on a handler pool
 * (virtual threads on Java 21+) while the container's thread returns. Other requests are answered
 * on the container's thread. Without async support each open stream and each request holds a
 * container thread (a warning says so once). On Tomcat an open event stream takes its connection
 * over from the container (its answer says {@code Connection: close} and ends with the
 * connection), which frees Tomcat's buffers for the request and notices at once a client that
 * closes. On Jetty 12 an open event stream's connection is watched for its client's end without
 * a thread (its answer says {@code Connection: close} too), so a client that closes is noticed at
 * once there as well, not at the stream's next write. {@code
 * -Ddev.mcpkit.servlet.takeStreamConnections=false} turns both off.
 * {@link #destroy()} shuts down gracefully.
 */
public class McpServlet extends HttpServlet {
  private static final long serialVersionUID = 1L;
  private final transient McpHttpHandler handler;

  /** Serves {@code server} at {@code /mcp} with default options. */
  public McpServlet(McpServer server) {
    this(McpHttpOptions.defaults(), McpEndpoint.at("/mcp", server));
  }

  public McpServlet(McpHttpOptions options, McpEndpoint... endpoints) {
    if (endpoints.length == 0) {
      throw new IllegalArgumentException("McpServlet needs at least one endpoint");
    }
    this.handler = new McpHttpHandler(options, List.of(endpoints));
  }

  /** Starts serving another endpoint. */
  public void addEndpoint(McpEndpoint endpoint) {
    handler.addEndpoint(endpoint);
  }

  public boolean removeEndpoint(McpEndpoint endpoint) {
    return handler.removeEndpoint(endpoint);
  }

  /** Sessions currently served. */
  public int sessionCount() {
    return handler.sessionCount();
  }

  /** Event streams open now (GET streams, legacy SSE, {@code subscriptions/listen}). */
  public int openStreamCount() {
    return handler.openStreamCount();
  }

  private static final java.util.concurrent.atomic.AtomicBoolean WARNED =
      new java.util.concurrent.atomic.AtomicBoolean();

  /** Once per JVM: streams hold container threads because the servlet lacks async support. */
  static void warnNoAsyncSupport() {
    if (WARNED.compareAndSet(false, true)) {
      org.slf4j.LoggerFactory.getLogger(McpServlet.class).warn("McpServlet is registered without"
          + " async support: each open event stream holds a container thread. Register it with"
          + " asyncSupported=true (ServletHolder.setAsyncSupported, Wrapper.setAsyncSupported,"
          + " <async-supported>true</async-supported>)");
    }
  }

  /** {@code -Ddev.mcpkit.servlet.takeStreamConnections=false} keeps streams in the container. */
  private static final boolean TAKE_STREAM_CONNECTIONS = !"false".equalsIgnoreCase(
      System.getProperty("dev.mcpkit.servlet.takeStreamConnections"));

  /**
   * Whether an event stream answering {@code request} takes its connection over from the
   * container: on Tomcat, which keeps about 55 KB of buffers per open request (10,000 open streams
   * would need 600 MB), for an HTTP/1.x request still on its serving thread.
   */
  static boolean takesStreamConnections(HttpServletRequest request) {
    String server = ownedStreamServer(request);
    return server != null && server.startsWith("Apache Tomcat/");
  }

  /**
   * The container's server info where a stream answering {@code request} may own its connection
   * (the switch on, an HTTP/1.x request still on its serving thread), else null.
   */
  private static String ownedStreamServer(HttpServletRequest request) {
    if (!TAKE_STREAM_CONNECTIONS || request.isAsyncStarted()
        || request.getDispatcherType() != jakarta.servlet.DispatcherType.REQUEST) {
      return null;
    }
    String protocol = request.getProtocol();
    if (!"HTTP/1.1".equals(protocol) && !"HTTP/1.0".equals(protocol)) {
      return null;
    }
    return request.getServletContext().getServerInfo();
  }

  /**
   * Whether the connection of an event stream answering {@code request} is watched for its
   * client's end: on Jetty 12 over HTTP/1.x, which otherwise reports a closed connection only when
   * a write fails (see {@link dev.mcpkit.server.servlet.internal.JettyClientWatch}).
   */
  static boolean watchesStreamConnections(HttpServletRequest request) {
    String server = ownedStreamServer(request);
    if (server == null || !server.regionMatches(true, 0, "jetty/12.", 0, 9)) {
      return false;
    }
    return JettyClasses.VISIBLE;
  }

  /** Whether Jetty's classes are visible here; looked up once, on the first Jetty stream. */
  private static final class JettyClasses {
    static final boolean VISIBLE = visible();

    private static boolean visible() {
      try {
        Class.forName("org.eclipse.jetty.io.EndPoint", false, McpServlet.class.getClassLoader());
        return true;
      } catch (ClassNotFoundException | LinkageError e) {
        return false; // hidden from this application (a web application in a standalone Jetty)
      }
    }
  }

  @Override
  protected void service(HttpServletRequest request, HttpServletResponse response) {
    ServletHttpCall call = new ServletHttpCall(request, response);
    if (request.getDispatcherType() == jakarta.servlet.DispatcherType.ASYNC) {
      call.bodyRead((byte[]) request.getAttribute(AsyncBody.ATTRIBUTE)); // read without a thread
    } else {
      try {
        byte[] body = AsyncBody.readOrSuspend(request, response, handler.options(),
            () -> !handler.refusesFromHeaders(call));
        if (body == AsyncBody.SUSPENDED) {
          return; // the container calls again once the body is in
        }
        if (body == AsyncBody.DISCARD) {
          // refused from the headers or over the limit: answered now, the body dropped without a
          // thread as it comes
          jakarta.servlet.AsyncContext async = request.startAsync();
          async.setTimeout(Math.max(1, handler.options().bodyReadTimeout().toMillis()));
          call.bodyRead(new byte[0]); // nothing of it is read on this thread
          handler.handle(call);
          AsyncBody.discard(request, async);
          return;
        }
        call.bodyRead(body);
      } catch (java.io.IOException | RuntimeException e) {
        // the handler reads the body itself, and answers the failure
      }
    }
    handler.handle(call);
  }

  /** Finishes calls in flight (for the grace period), then cancels the rest. */
  @Override
  public void destroy() {
    handler.shutdown(handler.options().shutdownGracePeriod());
  }

  /** Shuts down with a custom grace period. */
  public void shutdown(Duration grace) {
    handler.shutdown(grace);
  }
}
