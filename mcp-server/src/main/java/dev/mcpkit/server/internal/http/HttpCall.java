package dev.mcpkit.server.internal.http;

import dev.mcpkit.core.auth.HttpRequestView;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One HTTP request and its response, as the MCP handler sees it, whatever server carries it (the
 * embedded server, a servlet container). Not thread-safe: the handler serialises access to the
 * response side itself.
 */
public interface HttpCall extends HttpRequestView {
  /** The request path, decoded, without the query (e.g. {@code /mcp}). */
  String path();

  /** The raw query string, or null. */
  String query();

  /** Whether the request arrived on a loopback interface (DNS-rebinding checks apply then). */
  boolean arrivedOnLoopback();

  /** The request body. */
  InputStream body() throws IOException;

  /** The whole body when the host read it already (without a thread, say), or null. */
  default byte[] readBody() {
    return null;
  }

  /** The declared body length, or -1 when unknown (chunked). */
  long contentLength();

  /** Sets a response header; call before {@link #start}. */
  void setHeader(String name, String value);

  /**
   * Says, before {@link #start}, that the answer is a long-lived event stream that {@link #detach}
   * will follow; a host may then carry it differently (a servlet adapter may take the connection
   * over from its container, which would keep large buffers for the open request).
   */
  default void streamFollows() {}

  /**
   * Sends the status line and headers and returns the body stream.
   *
   * @param length the exact body length, 0 for none, or -1 for a streamed body of unknown length
   */
  OutputStream start(int status, long length) throws IOException;

  /** Pushes what was written so far to the client (one SSE event at a time). */
  void flush() throws IOException;

  /** Ends the response; idempotent. */
  void close();

  /** The client's IP address as the server sees it (a proxy's, behind one), or null. */
  default String clientAddress() {
    return null;
  }

  /** The client's port as the server sees it, or -1. */
  default int clientPort() {
    return -1;
  }

  /**
   * Detaches the response from the serving thread, where the server can write asynchronously (a
   * servlet container with async support): from now on the serving thread may return while the
   * response stays open, writes must be preceded by {@link #writable()}, and {@code events} hears
   * when writing is possible again or the client went away. Call after {@link #start}.
   *
   * @return false when the server can only write with blocking I/O (a servlet without async
   *     support); the caller then keeps the serving thread until the response ends
   */
  default boolean detach(StreamEvents events) {
    return false;
  }

  /**
   * Whether a write would not block; always true for blocking calls. On a detached call, false
   * also means {@link StreamEvents#writable()} will follow when it would not.
   */
  default boolean writable() {
    return true;
  }

  /**
   * Runs {@code work}, which answers this call, on {@code pool} instead of the serving thread,
   * where the server can finish a response after the serving thread returned (a servlet container
   * with async support): the serving thread returns at once, and {@code work} writes the answer
   * with non-blocking I/O (a plain body is sent whole when the call is closed; an event stream
   * goes through {@link #detach}). Call before {@link #start}.
   *
   * @param finished runs once when the response is over (sent, or the client went away)
   * @return false when the server need not or cannot (the embedded server, whose serving thread
   *     is already off its I/O thread; a servlet without async support): nothing ran, and the
   *     caller runs {@code work} itself
   */
  default boolean offload(Runnable work, java.util.concurrent.Executor pool, Runnable finished) {
    return false;
  }

  /**
   * Whether this call was handed over by {@link #offload}: its serving thread has returned, so an
   * event stream answering it must be written through {@link #detach}. A call answered on its
   * serving thread writes with blocking I/O instead (a container may hold non-blocking writes
   * until its serving thread returns).
   */
  default boolean offloaded() {
    return false;
  }

  /** Drops the connection without an answer (a deadline passed); idempotent, any thread. */
  default void abort() {
    close();
  }
}
