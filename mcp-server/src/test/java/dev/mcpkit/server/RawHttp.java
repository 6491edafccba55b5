package dev.mcpkit.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** HTTP/1.1 written by hand, for requests no HTTP client sends (a malformed Host, say). */
final class RawHttp {
  private RawHttp() {}

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
      throw new UncheckedIOException(e);
    }
  }

  /** The status code of a raw answer, or -1 when there was none. */
  static int status(String answer) {
    return answer.startsWith("HTTP/1.") && answer.length() >= 12
        ? Integer.parseInt(answer.substring(9, 12)) : -1;
  }
}
