package dev.mcpkit.benchmarks;

import dev.mcpkit.server.internal.http.HttpCall;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.util.Map;
import java.util.TreeMap;

/** An HTTP exchange in memory: the server's whole request path without a socket. */
final class FakeHttpCall implements HttpCall {
  private static final URI URL = URI.create("http://127.0.0.1:8080/mcp");
  private final Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  private final byte[] body;
  final Map<String, String> responseHeaders = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
  final ByteArrayOutputStream response = new ByteArrayOutputStream(256);
  int status;

  FakeHttpCall(Map<String, String> headers, byte[] body) {
    this.headers.putAll(headers);
    this.headers.put("Host", "127.0.0.1:8080");
    this.headers.put("Content-Length", String.valueOf(body.length));
    this.body = body;
  }

  @Override
  public String method() {
    return "POST";
  }

  @Override
  public URI uri() {
    return URL;
  }

  @Override
  public String header(String name) {
    return headers.get(name);
  }

  @Override
  public String path() {
    return "/mcp";
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
  public InputStream body() {
    return new ByteArrayInputStream(body);
  }

  @Override
  public long contentLength() {
    return body.length;
  }

  @Override
  public void setHeader(String name, String value) {
    responseHeaders.put(name, value);
  }

  @Override
  public OutputStream start(int status, long length) {
    this.status = status;
    return response;
  }

  @Override
  public void flush() {}

  @Override
  public void close() {}
}
