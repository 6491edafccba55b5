package dev.mcpkit.client.transport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import okhttp3.Authenticator;
import okhttp3.ConnectionPool;
import okhttp3.Interceptor;
import okhttp3.OkHttpClient;

/**
 * How the HTTP transports talk HTTP: the OkHttp client to share, headers sent on every request, and
 * the slot where authentication plugs in (an OkHttp {@link Interceptor} that adds credentials and an
 * {@link Authenticator} that answers a 401 with fresh ones). Immutable.
 *
 * <p>Every transport built from the same base {@link OkHttpClient} shares its connection pool and
 * dispatcher; when the host passes none, one process-wide client is shared.
 */
public final class HttpOptions {
  /** No extra headers, no auth, the shared client. */
  public static final HttpOptions DEFAULT = builder().build();

  private static final OkHttpClient SHARED = new OkHttpClient.Builder()
      // many callers at once each hold a connection; keep them for reuse instead of reconnecting
      .connectionPool(new ConnectionPool(64, 5, TimeUnit.MINUTES))
      .connectTimeout(10, TimeUnit.SECONDS)
      .readTimeout(0, TimeUnit.MILLISECONDS) // request timeouts are the protocol engine's job
      .writeTimeout(30, TimeUnit.SECONDS)
      .callTimeout(0, TimeUnit.MILLISECONDS)
      .build();

  private final OkHttpClient client;
  private final Map<String, String> headers;
  private final ScheduledExecutorService scheduler;

  private HttpOptions(Builder b) {
    this.headers = Map.copyOf(b.headers);
    this.scheduler = b.scheduler;
    OkHttpClient base = b.client == null ? SHARED : b.client;
    if (b.interceptors.isEmpty() && b.authenticator == null && b.client != null) {
      this.client = base;
    } else if (b.interceptors.isEmpty() && b.authenticator == null) {
      this.client = SHARED;
    } else {
      OkHttpClient.Builder derived = base.newBuilder(); // shares pool and dispatcher
      b.interceptors.forEach(derived::addInterceptor);
      if (b.authenticator != null) {
        derived.authenticator(b.authenticator);
      }
      this.client = derived.build();
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The client every request goes through (interceptors and authenticator applied). */
  public OkHttpClient client() {
    return client;
  }

  /** Headers added to every request. */
  public Map<String, String> headers() {
    return headers;
  }

  /** The host's scheduler for reopening dropped streams, or null: each transport makes its own. */
  public ScheduledExecutorService scheduler() {
    return scheduler;
  }

  /** Builds {@link HttpOptions}. */
  public static final class Builder {
    private OkHttpClient client;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final List<Interceptor> interceptors = new ArrayList<>();
    private Authenticator authenticator;
    private ScheduledExecutorService scheduler;

    private Builder() {}

    /**
     * The host's own OkHttp client (its pool, proxy, TLS and timeouts). Keep its read timeout at zero
     * or longer than your longest tool call: request timeouts are enforced by the client itself.
     */
    public Builder httpClient(OkHttpClient client) {
      this.client = Objects.requireNonNull(client, "client");
      return this;
    }

    /** A header sent on every request, e.g. an API key; replaces an earlier one of the same name. */
    public Builder header(String name, String value) {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(value, "value");
      if (name.isBlank() || name.chars().anyMatch(c -> c <= ' ' || c >= 127 || c == ':')) {
        throw new IllegalArgumentException("not a valid HTTP header name: '" + name + "'");
      }
      headers.put(name, value);
      return this;
    }

    /**
     * An application interceptor, e.g. mcp-auth's bearer-token interceptor; it sees every MCP HTTP
     * request and may retry it (requests carry replayable bodies).
     */
    public Builder addInterceptor(Interceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
      return this;
    }

    /** Answers a 401 challenge with fresh credentials (OkHttp calls it at most as often as it allows). */
    public Builder authenticator(Authenticator authenticator) {
      this.authenticator = Objects.requireNonNull(authenticator, "authenticator");
      return this;
    }

    /**
     * Where transports schedule reopening a dropped event stream (its tasks are short). By default
     * each transport makes a daemon thread of its own when it first needs one and shuts it down
     * when closed; a scheduler given here is shared and never shut down by a transport.
     */
    public Builder scheduler(ScheduledExecutorService scheduler) {
      this.scheduler = Objects.requireNonNull(scheduler, "scheduler");
      return this;
    }

    public HttpOptions build() {
      return new HttpOptions(this);
    }
  }
}
