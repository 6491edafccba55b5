package dev.mcpkit.server.servlet.internal;

import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import java.io.IOException;
import java.lang.reflect.Method;
import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpVersion;
import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.util.Callback;

/**
 * On Jetty 12, notices that the client of an open event stream closed its connection without a
 * write from the server. Jetty does not read a connection while its request is open, and the
 * Servlet API reports a closed connection only when a write to it fails, so a stream whose client
 * vanished would be held until its next event or keep-alive. This asks the connection's endpoint
 * to say when it becomes readable, without a thread: at the end of input the stream is released
 * at once.
 *
 * <p>The stream's answer says {@code Connection: close}: whatever the client sends after its
 * request is read here and dropped (at most {@value #MAX_DISCARDED_BYTES} bytes, past which the
 * stream is released too), and Jetty never reads the connection again. Only for HTTP/1.x, where the
 * endpoint is the stream's own; on anything else, or where Jetty's classes are hidden from the
 * application, {@link #watch} declines and the stream is released at its next write as before.
 */
public final class JettyClientWatch implements Callback {
  /** Bytes a client may send after its request before its stream is released. */
  private static final int MAX_DISCARDED_BYTES = 8192;

  private final EndPoint endPoint;
  private final Runnable gone;
  private int discarded; // only on the callback's thread, one read at a time

  private JettyClientWatch(EndPoint endPoint, Runnable gone) {
    this.endPoint = endPoint;
    this.gone = gone;
  }

  /**
   * Starts watching the connection of {@code request}, an HTTP/1.x request served by Jetty 12;
   * {@code gone} runs when its client closed or failed it, or when the connection closed (it may
   * run more than once, so it must be idempotent). False when it cannot be watched.
   */
  public static boolean watch(ServletRequest request, Runnable gone) {
    try {
      EndPoint endPoint = endPointOf(request);
      if (endPoint == null) {
        return false;
      }
      endPoint.fillInterested(new JettyClientWatch(endPoint, gone));
      return true;
    } catch (IllegalStateException | ReflectiveOperationException | ClassCastException
        | LinkageError e) {
      // ReadPendingException: Jetty reads it itself; otherwise not a Jetty this knows. Either way
      // the next write tells
      return false;
    }
  }

  /** The endpoint of an HTTP/1.x request's connection, or null. */
  private static EndPoint endPointOf(ServletRequest request) throws ReflectiveOperationException {
    while (request instanceof ServletRequestWrapper wrapper) {
      request = wrapper.getRequest();
    }
    // the servlet request of Jetty's EE environments gives its core request
    Method core = request.getClass().getMethod("getRequest");
    if (!org.eclipse.jetty.server.Request.class.isAssignableFrom(core.getReturnType())) {
      return null;
    }
    org.eclipse.jetty.server.Request jetty = (org.eclipse.jetty.server.Request) core.invoke(request);
    HttpVersion version = jetty.getConnectionMetaData().getHttpVersion();
    if (version != HttpVersion.HTTP_1_1 && version != HttpVersion.HTTP_1_0) {
      return null; // HTTP/2 and 3 share a connection between streams
    }
    Connection connection = jetty.getConnectionMetaData().getConnection();
    return connection == null ? null : connection.getEndPoint();
  }

  /** The connection is readable: its end, a failure, or bytes after the request. */
  @Override
  public void succeeded() {
    ByteBuffer scratch = ByteBuffer.allocate(512);
    try {
      while (true) {
        scratch.clear().flip(); // empty, in Jetty's flush mode
        int n = endPoint.fill(scratch);
        if (n < 0) {
          gone.run(); // the client closed its end
          return;
        }
        if (n == 0) {
          endPoint.fillInterested(this);
          return;
        }
        discarded += n;
        if (discarded > MAX_DISCARDED_BYTES) {
          gone.run();
          endPoint.close();
          return;
        }
      }
    } catch (IOException | RuntimeException e) {
      gone.run(); // the connection failed, or closed as the stream ended
    }
  }

  /** The connection failed or closed (also when the stream itself ended). */
  @Override
  public void failed(Throwable cause) {
    gone.run();
  }
}
