package dev.mcpkit.server.servlet;

import dev.mcpkit.server.internal.http.HttpCall;
import dev.mcpkit.server.internal.http.StreamEvents;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;

/** An {@code HttpCall} on a servlet request and response. */
final class ServletHttpCall implements HttpCall {
  private final HttpServletRequest request;
  private final HttpServletResponse response;
  private jakarta.servlet.ServletOutputStream out;
  private jakarta.servlet.AsyncContext async;

  ServletHttpCall(HttpServletRequest request, HttpServletResponse response) {
    this.request = request;
    this.response = response;
  }

  @Override
  public String method() {
    return request.getMethod();
  }

  @Override
  public URI uri() {
    StringBuffer url = request.getRequestURL();
    if (request.getQueryString() != null) {
      url.append('?').append(request.getQueryString());
    }
    try {
      return URI.create(url.toString());
    } catch (IllegalArgumentException e) {
      // the container let an odd Host through; the message would repeat the URL, token and all
      throw new IllegalArgumentException("the request URL is not a valid URI", null);
    }
  }

  @Override
  public String header(String name) {
    return request.getHeader(name);
  }

  @Override
  public String path() {
    String uri = request.getRequestURI();
    String context = request.getContextPath();
    String path = context != null && uri.startsWith(context) ? uri.substring(context.length()) : uri;
    if (path.indexOf('%') < 0) {
      return path; // nothing to decode ('+' stays '+' either way): no copies per request
    }
    return java.net.URLDecoder.decode(path.replace("+", "%2B"), java.nio.charset.StandardCharsets.UTF_8);
  }

  @Override
  public String query() {
    return request.getQueryString();
  }

  @Override
  public boolean arrivedOnLoopback() {
    String local = request.getLocalAddr();
    if (local != null && (local.startsWith("127.") || local.equals("::1")
        || local.equals("0:0:0:0:0:0:0:1"))) {
      return true; // the usual literals, without parsing an address per request
    }
    try {
      return local != null && InetAddress.getByName(local).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  @Override
  public InputStream body() throws IOException {
    return request.getInputStream();
  }

  @Override
  public long contentLength() {
    return request.getContentLengthLong();
  }

  @Override
  public void setHeader(String name, String value) {
    response.setHeader(name, value);
  }

  /**
   * The response buffer of an event stream: every event is flushed at once, so a large buffer only
   * costs memory for as long as the stream is open (Jetty's default is a 32 KB direct buffer, which
   * 8,000 open streams turn into an out-of-memory error at a 256 MB heap).
   */
  private static final int STREAM_BUFFER_BYTES = 1024;

  @Override
  public OutputStream start(int status, long length) throws IOException {
    if (length < 0) {
      response.setBufferSize(STREAM_BUFFER_BYTES);
    }
    response.setStatus(status);
    if (length > 0) {
      response.setContentLengthLong(length);
    } else if (length == 0) {
      response.setContentLength(0);
    }
    out = response.getOutputStream();
    if (length < 0) {
      response.flushBuffer(); // headers now, events follow
    }
    return out;
  }

  @Override
  public void flush() throws IOException {
    if (async != null) {
      out.flush(); // non-blocking: the caller checks writable() first and after
      return;
    }
    if (out != null) {
      out.flush();
    }
    response.flushBuffer();
  }

  @Override
  public void close() {
    try {
      if (async != null) {
        async.complete();
      } else if (out != null) {
        out.close();
      }
    } catch (IOException | RuntimeException ignored) {
      // the client went away, or the container ended the request already
    }
  }

  @Override
  public String clientAddress() {
    return request.getRemoteAddr();
  }

  @Override
  public int clientPort() {
    int port = request.getRemotePort();
    return port > 0 ? port : -1;
  }

  /**
   * Puts the request in asynchronous mode with non-blocking writes, where the servlet is
   * registered with async support; otherwise the container's thread stays with the stream.
   */
  @Override
  public boolean detach(StreamEvents events) {
    if (!request.isAsyncSupported() || out == null) {
      McpServlet.warnNoAsyncSupport();
      return false;
    }
    jakarta.servlet.AsyncContext context = request.startAsync();
    context.setTimeout(0);
    context.addListener(new jakarta.servlet.AsyncListener() {
      @Override
      public void onComplete(jakarta.servlet.AsyncEvent event) {
        events.gone();
      }

      @Override
      public void onTimeout(jakarta.servlet.AsyncEvent event) {
        events.gone();
      }

      @Override
      public void onError(jakarta.servlet.AsyncEvent event) {
        events.gone();
      }

      @Override
      public void onStartAsync(jakarta.servlet.AsyncEvent event) {
        // not restarted
      }
    });
    async = context;
    out.setWriteListener(new jakarta.servlet.WriteListener() {
      @Override
      public void onWritePossible() {
        events.writable();
      }

      @Override
      public void onError(Throwable t) {
        events.gone();
      }
    });
    return true;
  }

  @Override
  public boolean writable() {
    return async == null || out.isReady();
  }

  /** Containers enforce their own read timeouts; nothing to abort here. */
  @Override
  public void abort() {
    // the container's connection or idle timeout ends a stalled read
  }
}
