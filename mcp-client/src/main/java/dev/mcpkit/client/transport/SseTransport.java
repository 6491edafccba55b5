package dev.mcpkit.client.transport;

import dev.mcpkit.core.jsonrpc.JsonRpcCodec;
import dev.mcpkit.core.jsonrpc.JsonRpcMessage;
import dev.mcpkit.core.jsonrpc.JsonRpcNotification;
import dev.mcpkit.core.transport.McpTransport;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import okhttp3.Call;
import okhttp3.Callback;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.sse.EventSource;
import okhttp3.sse.EventSourceListener;
import okhttp3.sse.EventSources;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The legacy HTTP+SSE transport (protocol 2024-11-05), client side: a GET opens an SSE stream whose
 * first {@code endpoint} event names the URL to POST messages to; everything the server says arrives
 * as {@code message} events on the stream.
 *
 * <p>Threading: {@link #start} blocks until the {@code endpoint} event arrives; {@link #send} POSTs on
 * the calling thread; incoming messages are delivered on OkHttp's stream-reading thread, in order.
 */
public final class SseTransport implements McpTransport {
  private static final Logger LOG = LoggerFactory.getLogger(SseTransport.class);
  private static final MediaType JSON = MediaType.get("application/json");

  private final HttpUrl url;
  private final OkHttpClient http;
  private final Map<String, String> headers;
  private final Duration endpointTimeout;
  private final CompletableFuture<HttpUrl> endpoint = new CompletableFuture<>();
  private final AtomicBoolean closed = new AtomicBoolean();
  private final AtomicBoolean closeReported = new AtomicBoolean();
  private volatile Listener listener;
  private volatile EventSource source;

  public SseTransport(String url, HttpOptions options) {
    this(url, options, Duration.ofSeconds(30));
  }

  /** @param endpointTimeout how long {@link #start} waits for the {@code endpoint} event */
  public SseTransport(String url, HttpOptions options, Duration endpointTimeout) {
    this.url = StreamableHttpTransport.parseUrl(url);
    this.http = Objects.requireNonNull(options, "options").client();
    this.headers = options.headers();
    this.endpointTimeout = Objects.requireNonNull(endpointTimeout, "endpointTimeout");
  }

  public static SseTransport create(String url) {
    return new SseTransport(url, HttpOptions.DEFAULT);
  }

  /** The SSE URL. */
  public String url() {
    return url.toString();
  }

  /** The URL messages are posted to, once the server named it; null before. */
  public String messageEndpoint() {
    HttpUrl e = endpoint.getNow(null);
    return e == null ? null : e.toString();
  }

  @Override
  public void start(Listener listener) throws IOException {
    if (this.listener != null) {
      throw new IllegalStateException("transport to " + url + " already started");
    }
    this.listener = Objects.requireNonNull(listener, "listener");
    Request.Builder b = new Request.Builder().url(url).get().header("Accept", "text/event-stream");
    headers.forEach(b::header);
    source = EventSources.createFactory(http).newEventSource(b.build(), new StreamListener());
    try {
      endpoint.get(endpointTimeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      close();
      throw new InterruptedIOException("interrupted while connecting to " + url);
    } catch (TimeoutException e) {
      close();
      throw new IOException("SSE server at " + url + " sent no endpoint event within "
          + endpointTimeout.toMillis() + " ms");
    } catch (ExecutionException e) {
      close();
      Throwable cause = e.getCause();
      throw cause instanceof IOException io ? io : new IOException(cause);
    }
  }

  @Override
  public void send(JsonRpcMessage message) throws IOException {
    HttpUrl target = endpoint.getNow(null);
    if (closed.get() || target == null) {
      throw new IOException("SSE transport to " + url + " is " + (closed.get() ? "closed"
          : "not connected"));
    }
    Request.Builder b = new Request.Builder().url(target)
        .post(RequestBody.create(JsonRpcCodec.instance().encode(message), JSON));
    headers.forEach(b::header);
    Call call = http.newCall(b.build());
    if (message instanceof JsonRpcNotification n && n.method().equals("notifications/cancelled")) {
      call.enqueue(new Callback() { // off the caller's thread: timeouts fire on a shared timer
        @Override
        public void onFailure(Call c, IOException e) {
          LOG.debug("POST notifications/cancelled to {} failed: {}", target, e.toString());
        }

        @Override
        public void onResponse(Call c, Response r) {
          r.close();
        }
      });
      return;
    }
    try (Response response = call.execute()) {
      if (!response.isSuccessful()) {
        String body = StreamableHttpTransport.snippet(response.peekBody(1024).bytes());
        throw new HttpStatusException("POST to " + target + " failed: HTTP " + response.code()
            + (body.isEmpty() ? "" : ": " + body), response.code(), target.toString(), false);
      }
    } catch (HttpStatusException e) {
      throw e;
    } catch (IOException e) {
      throw new IOException("POST to " + target + " failed: " + e.getMessage(), e);
    }
  }

  @Override
  public void close() {
    if (closed.compareAndSet(false, true)) {
      EventSource s = source;
      if (s != null) {
        s.cancel();
      }
      endpoint.completeExceptionally(new IOException("SSE transport to " + url + " closed"));
      reportClose(null);
    }
  }

  private void reportClose(Throwable cause) {
    Listener l = listener;
    if (l != null && closeReported.compareAndSet(false, true)) {
      l.onClose(cause);
    }
  }

  private final class StreamListener extends EventSourceListener {
    @Override
    public void onEvent(EventSource es, String id, String type, String data) {
      if ("endpoint".equals(type)) {
        HttpUrl target = url.resolve(data.trim());
        if (target == null || !target.scheme().equals(url.scheme())
            || !target.host().equals(url.host()) || target.port() != url.port()) {
          endpoint.completeExceptionally(new IOException("SSE server at " + url
              + " named an endpoint on another origin: '" + data + "'"));
          es.cancel();
          return;
        }
        endpoint.complete(target);
        return;
      }
      if (type != null && !type.equals("message")) {
        return;
      }
      JsonRpcMessage m;
      try {
        m = JsonRpcCodec.instance().decode(data);
      } catch (RuntimeException e) {
        listener.onError(e);
        return;
      }
      listener.onMessage(m);
    }

    @Override
    public void onClosed(EventSource es) {
      IOException e = new IOException("SSE server at " + url + " closed the stream");
      endpoint.completeExceptionally(e);
      if (!closed.get()) {
        closed.set(true);
        reportClose(e);
      }
    }

    @Override
    public void onFailure(EventSource es, Throwable t, Response response) {
      IOException e;
      if (response != null && !response.isSuccessful()) {
        e = new HttpStatusException("GET " + url + " failed: HTTP " + response.code(),
            response.code(), url.toString(), false);
      } else if (response != null) {
        String type = response.header("Content-Type");
        e = new IOException("GET " + url + " answered Content-Type '" + type
            + "'; expected text/event-stream" + (t == null ? "" : " (" + t.getMessage() + ")"));
      } else {
        e = new IOException("SSE stream from " + url + " failed: "
            + (t == null ? "unknown error" : t.getMessage()), t);
      }
      endpoint.completeExceptionally(e);
      if (!closed.get()) {
        closed.set(true);
        reportClose(e);
      }
    }
  }
}
