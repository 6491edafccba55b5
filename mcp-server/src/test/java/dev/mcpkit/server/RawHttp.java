package dev.mcpkit.server;

import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

/**
 * HTTP/1.1 over a plain socket, for tests that need what an HTTP client hides: a request sent in
 * pieces, several requests on one connection, a connection dropped mid-stream.
 */
final class RawHttp implements Closeable {
  private final Socket socket = new Socket();
  private final InputStream in;
  private final OutputStream out;
  final String hostHeader;

  RawHttp(URI base) throws IOException {
    this(base, 0);
  }

  /** @param receiveBuffer the socket's receive buffer in bytes, or 0 for the system's */
  RawHttp(URI base, int receiveBuffer) throws IOException {
    if (receiveBuffer > 0) {
      socket.setReceiveBufferSize(receiveBuffer); // before connecting, so the window is small
    }
    socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5_000);
    socket.setSoTimeout(10_000);
    in = socket.getInputStream();
    out = socket.getOutputStream();
    hostHeader = base.getHost() + ":" + base.getPort();
  }

  /** Writes text as it is (CRLFs included) and flushes. */
  RawHttp send(String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.UTF_8));
    out.flush();
    return this;
  }

  /** A GET that opens the legacy SSE stream on {@code path}. */
  RawHttp getStream(String path) throws IOException {
    return send("GET " + path + " HTTP/1.1\r\nHost: " + hostHeader
        + "\r\nAccept: text/event-stream\r\n\r\n");
  }

  /** Headers of a JSON POST whose body follows separately. */
  String postHead(String path, String accept, int length) {
    return "POST " + path + " HTTP/1.1\r\nHost: " + hostHeader + "\r\nContent-Type: application/json"
        + "\r\nAccept: " + accept + "\r\nContent-Length: " + length + "\r\n\r\n";
  }

  record Reply(int status, Map<String, String> headers, String body) {}

  /** Reads one response with a Content-Length (or none) body. */
  Reply read() throws IOException {
    String statusLine = line();
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String h = line(); !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      headers.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
    }
    int length = Integer.parseInt(headers.getOrDefault("Content-Length", "0"));
    byte[] body = in.readNBytes(length);
    return new Reply(status, headers, new String(body, StandardCharsets.UTF_8));
  }

  /** Reads the status line and headers of a streamed response; the stream stays unread. */
  int readStatus() throws IOException {
    String statusLine = line();
    int status = Integer.parseInt(statusLine.split(" ")[1]);
    for (String h = line(); !h.isEmpty(); h = line()) {
      // headers of a stream are not needed
    }
    return status;
  }

  /** Reads the status line (which must say 200) and the headers of a streamed response. */
  Map<String, String> readHeaders() throws IOException {
    String statusLine = line();
    if (!statusLine.startsWith("HTTP/1.1 200")) {
      throw new IOException("not a 200 answer: " + statusLine);
    }
    Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String h = line(); !h.isEmpty(); h = line()) {
      int colon = h.indexOf(':');
      headers.put(h.substring(0, colon).trim(), h.substring(colon + 1).trim());
    }
    return headers;
  }

  /** Reads until {@code marker} has arrived; false when the connection ended first. */
  boolean readUntil(String marker) throws IOException {
    ByteArrayOutputStream seen = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0) {
      seen.write(b);
      if (b == '\n' && seen.toString(StandardCharsets.UTF_8).contains(marker)) {
        return true;
      }
    }
    return false;
  }

  /** As {@link #readUntil(String)}, but false also when {@code timeoutMillis} pass first. */
  boolean readUntil(String marker, int timeoutMillis) throws IOException {
    int before = socket.getSoTimeout();
    socket.setSoTimeout(timeoutMillis);
    try {
      return readUntil(marker);
    } catch (SocketTimeoutException e) {
      return false;
    } finally {
      socket.setSoTimeout(before);
    }
  }

  /** Reads until an event of type {@code event} and returns its data line. */
  String readEventData(String event) throws IOException {
    for (String l = line(); ; l = line()) {
      if (l.equals("event: " + event)) {
        String data = line();
        return data.substring("data: ".length());
      }
    }
  }

  /** Whether the server closed the connection within the socket timeout (data is skipped). */
  boolean closedByServer(int timeoutMillis) throws IOException {
    socket.setSoTimeout(timeoutMillis);
    try {
      byte[] buf = new byte[1024];
      while (in.read(buf) >= 0) {
        // skip whatever the server wrote before closing
      }
      return true;
    } catch (SocketTimeoutException e) {
      return false;
    } catch (IOException e) {
      return true; // reset
    }
  }

  private String line() throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    int c;
    while ((c = in.read()) >= 0 && c != '\n') {
      if (c != '\r') {
        b.write(c);
      }
    }
    if (c < 0 && b.size() == 0) {
      throw new IOException("connection closed");
    }
    return b.toString(StandardCharsets.UTF_8);
  }

  @Override
  public void close() {
    try {
      socket.close();
    } catch (IOException ignored) {
      // closing anyway
    }
  }
  /**
   * Sends {@code head} (request line and headers, CRLF-separated, without the blank line) with
   * {@code Connection: close}, and returns the whole answer, read for at most 10 s.
   */
  static String exchange(int port, String head) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), 5000);
      socket.setSoTimeout(10_000);
      socket.getOutputStream().write((head + "\r\nConnection: close\r\n\r\n")
          .getBytes(StandardCharsets.ISO_8859_1));
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      InputStream in = socket.getInputStream();
      byte[] buf = new byte[8192];
      try {
        for (int n; (n = in.read(buf)) > 0 && answer.size() < 1 << 20; ) {
          answer.write(buf, 0, n);
        }
      } catch (SocketTimeoutException | java.net.SocketException e) {
        // what arrived is the answer
      }
      return answer.toString(StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  /** The status code of a raw answer, or -1 when there was none. */
  static int status(String answer) {
    return answer.startsWith("HTTP/1.") && answer.length() >= 12
        ? Integer.parseInt(answer.substring(9, 12)) : -1;
  }
}
