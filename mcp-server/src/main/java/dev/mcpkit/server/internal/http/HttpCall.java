package dev.mcpkit.server.internal.http;

import dev.mcpkit.core.auth.HttpRequestView;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * One HTTP request and its response, as the MCP handler sees it, whatever server carries it (the
 * JDK's HttpServer, a servlet container). Not thread-safe: the handler serialises access to the
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

  /** The declared body length, or -1 when unknown (chunked). */
  long contentLength();

  /** Sets a response header; call before {@link #start}. */
  void setHeader(String name, String value);

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
}
