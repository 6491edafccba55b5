package dev.mcpkit.client;

import dev.mcpkit.client.transport.StdioTransport;
import dev.mcpkit.core.transport.McpTransport;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * How a client reaches its server: a URL with the transport detected ({@link #http}), a URL with the
 * transport pinned ({@link #streamableHttp}, {@link #sse}), a command line ({@link #stdio}), or any
 * {@link McpTransport} the host builds itself ({@link #custom}). Immutable.
 */
public final class ClientTransport {
  /** The kinds of transport. */
  public enum Kind {
    /** Streamable HTTP, falling back to legacy SSE when the server does not accept the POST. */
    HTTP_AUTO,
    STREAMABLE_HTTP,
    SSE,
    STDIO,
    CUSTOM
  }

  private final Kind kind;
  private final String url;
  private final StdioTransport.Builder stdio;
  private final Supplier<? extends McpTransport> custom;

  private ClientTransport(Kind kind, String url, StdioTransport.Builder stdio,
      Supplier<? extends McpTransport> custom) {
    this.kind = kind;
    this.url = url;
    this.stdio = stdio;
    this.custom = custom;
  }

  /**
   * A server at {@code url}: Streamable HTTP first; if the POST fails with 400, 404 or 405 (and the
   * body is not an MCP error), the legacy HTTP+SSE transport at the same URL.
   */
  public static ClientTransport http(String url) {
    return new ClientTransport(Kind.HTTP_AUTO, checkUrl(url), null, null);
  }

  /** Streamable HTTP only. */
  public static ClientTransport streamableHttp(String url) {
    return new ClientTransport(Kind.STREAMABLE_HTTP, checkUrl(url), null, null);
  }

  /** The legacy HTTP+SSE transport only; {@code url} is the SSE endpoint. */
  public static ClientTransport sse(String url) {
    return new ClientTransport(Kind.SSE, checkUrl(url), null, null);
  }

  /** A server launched as a child process speaking over stdin and stdout. */
  public static ClientTransport stdio(String... command) {
    return stdio(StdioTransport.builder(command));
  }

  public static ClientTransport stdio(List<String> command) {
    return stdio(StdioTransport.builder(command));
  }

  /** A child process configured with environment, directory and shutdown timeout. */
  public static ClientTransport stdio(StdioTransport.Builder builder) {
    return new ClientTransport(Kind.STDIO, null, Objects.requireNonNull(builder, "builder"), null);
  }

  /**
   * Any transport; {@code factory} is called once per connection attempt and must return a new,
   * unstarted transport each time.
   */
  public static ClientTransport custom(Supplier<? extends McpTransport> factory) {
    return new ClientTransport(Kind.CUSTOM, null, null, Objects.requireNonNull(factory, "factory"));
  }

  private static String checkUrl(String url) {
    Objects.requireNonNull(url, "url");
    if (okhttp3.HttpUrl.parse(url) == null) {
      throw new IllegalArgumentException("not an http(s) URL: '" + url + "'");
    }
    return url;
  }

  public Kind kind() {
    return kind;
  }

  /** The URL for the HTTP kinds, else null. */
  public String url() {
    return url;
  }

  StdioTransport.Builder stdioBuilder() {
    return stdio;
  }

  Supplier<? extends McpTransport> customFactory() {
    return custom;
  }

  @Override
  public String toString() {
    return switch (kind) {
      case HTTP_AUTO -> "http " + url;
      case STREAMABLE_HTTP -> "streamable-http " + url;
      case SSE -> "sse " + url;
      case STDIO -> {
        String line = stdio.build().commandLine();
        yield "stdio " + (line.length() > 100 ? line.substring(0, 97) + "..." : line);
      }
      case CUSTOM -> "custom transport";
    };
  }
}
