package dev.mcpkit.server.internal.http;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A blocking call that keeps each array written, as written: a GET of {@code /mcp} without
 * headers, or the method, path and headers given.
 */
class RecordingCall implements HttpCall {
  final List<byte[]> writes = new ArrayList<>();
  private final String method;
  private final String path;
  private final java.util.function.UnaryOperator<String> headers;

  RecordingCall() {
    this("GET", "/mcp", name -> null);
  }

  /** @param headers a header's value by its name (as the call is asked), or null */
  RecordingCall(String method, String path, java.util.function.UnaryOperator<String> headers) {
    this.method = method;
    this.path = path;
    this.headers = headers;
  }

  String text() {
    ByteArrayOutputStream all = new ByteArrayOutputStream();
    writes.forEach(all::writeBytes);
    return all.toString(StandardCharsets.UTF_8);
  }

  @Override
  public OutputStream start(int status, long length) {
    return new OutputStream() {
      @Override
      public void write(int b) {
        writes.add(new byte[] {(byte) b});
      }

      @Override
      public void write(byte[] b, int off, int len) {
        writes.add(off == 0 && len == b.length ? b : java.util.Arrays.copyOfRange(b, off, off + len));
      }
    };
  }

  @Override
  public String method() {
    return method;
  }

  @Override
  public URI uri() {
    return URI.create("http://127.0.0.1" + path);
  }

  @Override
  public String header(String name) {
    return headers.apply(name);
  }

  @Override
  public String path() {
    return path;
  }

  @Override
  public String query() {
    return null;
  }

  @Override
  public boolean arrivedOnLoopback() {
    return true;
  }

  @Override
  public java.io.InputStream body() {
    return java.io.InputStream.nullInputStream();
  }

  @Override
  public long contentLength() {
    return 0;
  }

  @Override
  public void setHeader(String name, String value) {
    // not needed
  }

  @Override
  public void flush() {
    // nothing buffered
  }

  @Override
  public void close() {
    // nothing to release
  }
}
