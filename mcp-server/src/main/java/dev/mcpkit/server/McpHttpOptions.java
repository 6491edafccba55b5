package dev.mcpkit.server;

import dev.mcpkit.server.spi.EventStore;
import dev.mcpkit.server.spi.MessageRelay;
import dev.mcpkit.server.spi.SessionStore;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How an HTTP server carries MCP, whichever adapter serves it (the embedded {@link McpHttpServer}
 * or the servlet): request limits, Origin and Host checks, sessions and resumable streams.
 * Immutable; {@link #defaults()} suits a local server.
 */
public final class McpHttpOptions {
  private static final McpHttpOptions DEFAULTS = builder().build();

  private final Set<String> allowedHosts;
  private final Set<String> allowedOrigins;
  private final boolean checkHost;
  private final long maxBodyBytes;
  private final int maxRequestsInFlightPerSession;
  private final int maxBatchElements;
  private final Duration sessionIdleTimeout;
  private final int maxSessions;
  private final SessionStore sessionStore;
  private final EventStore eventStore;
  private final MessageRelay messageRelay;
  private final Duration sseRetry;
  private final Duration keepAliveInterval;
  private final Duration shutdownGracePeriod;
  private final int maxOpenStreams;
  private final int maxOpenStreamsPerSession;
  private final int maxRequestsInFlight;
  private final int maxSessionsPerClient;
  private final Duration unusedSessionTimeout;
  private final Duration bodyReadTimeout;
  private final int maxStreamBacklogBytes;
  private final Clock clock;
  private final java.util.concurrent.Executor handlerExecutor;
  private final boolean handlersOnServingThread;

  private McpHttpOptions(Builder b) {
    this.allowedHosts = Set.copyOf(b.allowedHosts);
    this.allowedOrigins = Set.copyOf(b.allowedOrigins);
    this.checkHost = b.checkHost;
    this.maxBodyBytes = b.maxBodyBytes;
    this.maxRequestsInFlightPerSession = b.maxRequestsInFlightPerSession;
    this.maxBatchElements = b.maxBatchElements;
    this.sessionIdleTimeout = b.sessionIdleTimeout;
    this.maxSessions = b.maxSessions;
    this.sessionStore = b.sessionStore != null ? b.sessionStore : SessionStore.inMemory();
    this.eventStore = b.eventStore != null ? b.eventStore : EventStore.inMemory(1000);
    this.messageRelay = b.messageRelay;
    this.sseRetry = b.sseRetry;
    this.keepAliveInterval = b.keepAliveInterval;
    this.shutdownGracePeriod = b.shutdownGracePeriod;
    this.maxOpenStreams = b.maxOpenStreams;
    this.maxOpenStreamsPerSession = b.maxOpenStreamsPerSession;
    this.maxRequestsInFlight = b.maxRequestsInFlight;
    this.maxSessionsPerClient = b.maxSessionsPerClient;
    this.unusedSessionTimeout = b.unusedSessionTimeout;
    this.bodyReadTimeout = b.bodyReadTimeout;
    this.maxStreamBacklogBytes = b.maxStreamBacklogBytes;
    this.clock = b.clock;
    this.handlerExecutor = b.handlerExecutor;
    this.handlersOnServingThread = b.handlersOnServingThread;
  }

  /** Defaults: loopback hosts only, 4 MiB bodies, 30 min idle sessions, in-memory stores. */
  public static McpHttpOptions defaults() {
    return DEFAULTS;
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Host names (lower case, without port) a request's {@code Host} header may name; empty with
   * {@link #checkHost()} means loopback names only ({@code localhost}, {@code 127.0.0.1},
   * {@code [::1]}).
   */
  public Set<String> allowedHosts() {
    return allowedHosts;
  }

  /** Origins ({@code scheme://host[:port]}) allowed besides those of the allowed hosts. */
  public Set<String> allowedOrigins() {
    return allowedOrigins;
  }

  /** Whether the {@code Host} header is checked (DNS-rebinding protection); on by default. */
  public boolean checkHost() {
    return checkHost;
  }

  public long maxBodyBytes() {
    return maxBodyBytes;
  }

  public int maxRequestsInFlightPerSession() {
    return maxRequestsInFlightPerSession;
  }

  /** The most messages one JSON-RPC batch (protocol 2025-03-26 only) may hold. */
  public int maxBatchElements() {
    return maxBatchElements;
  }

  public Duration sessionIdleTimeout() {
    return sessionIdleTimeout;
  }

  public int maxSessions() {
    return maxSessions;
  }

  public SessionStore sessionStore() {
    return sessionStore;
  }

  public EventStore eventStore() {
    return eventStore;
  }

  /** The relay between instances, or null when none was given (this server alone). */
  public MessageRelay messageRelay() {
    return messageRelay;
  }

  /** The reconnection delay announced on SSE streams ({@code retry:}). */
  public Duration sseRetry() {
    return sseRetry;
  }

  /** How often an idle SSE stream gets a comment line. */
  public Duration keepAliveInterval() {
    return keepAliveInterval;
  }

  /** How long a shutdown waits for calls in flight before cancelling them. */
  public Duration shutdownGracePeriod() {
    return shutdownGracePeriod;
  }

  /**
   * Event streams open at once (GET streams, legacy SSE, {@code subscriptions/listen}); more get
   * 503 naming this limit. Default 10,000.
   */
  public int maxOpenStreams() {
    return maxOpenStreams;
  }

  /**
   * Event streams one session may hold open at once (its GET stream and resumed streams); for
   * streams without a session ({@code subscriptions/listen}, legacy SSE), per client. Default 4.
   */
  public int maxOpenStreamsPerSession() {
    return maxOpenStreamsPerSession;
  }

  /** Requests running at once on this server, with or without a session (429 beyond). */
  public int maxRequestsInFlight() {
    return maxRequestsInFlight;
  }

  /**
   * Sessions one client may hold: the authenticated principal, or the client's address for
   * anonymous clients. Default 1,000.
   */
  public int maxSessionsPerClient() {
    return maxSessionsPerClient;
  }

  /** How long a session that was opened and never used lives (default 60 s). */
  public Duration unusedSessionTimeout() {
    return unusedSessionTimeout;
  }

  /** How long a client may take to send a request body once its headers arrived (default 30 s). */
  public Duration bodyReadTimeout() {
    return bodyReadTimeout;
  }

  /**
   * Bytes of events an open stream may have waiting for a client that does not read; beyond, the
   * stream is closed (the client can resume it). Default 1 MiB.
   */
  public int maxStreamBacklogBytes() {
    return maxStreamBacklogBytes;
  }

  /** The clock session expiry reads (default the system clock; tests move their own). */
  public Clock clock() {
    return clock;
  }

  /**
   * The executor that runs requests calling the host's code on servlet containers, or null for the
   * default (see {@link Builder#handlerExecutor}).
   */
  public java.util.concurrent.Executor handlerExecutor() {
    return handlerExecutor;
  }

  /**
   * Whether requests calling the host's code run on the serving thread: set with {@link
   * Builder#handlersOnServingThread}, or the default on Java 17 when no executor was given.
   */
  public boolean handlersOnServingThread() {
    return handlersOnServingThread
        || handlerExecutor == null && !dev.mcpkit.core.engine.internal.Threads.hasVirtualThreads();
  }

  public Builder toBuilder() {
    Builder b = new Builder();
    b.allowedHosts.addAll(allowedHosts);
    b.allowedOrigins.addAll(allowedOrigins);
    b.checkHost = checkHost;
    b.maxBodyBytes = maxBodyBytes;
    b.maxRequestsInFlightPerSession = maxRequestsInFlightPerSession;
    b.maxBatchElements = maxBatchElements;
    b.sessionIdleTimeout = sessionIdleTimeout;
    b.maxSessions = maxSessions;
    b.sessionStore = sessionStore;
    b.eventStore = eventStore;
    b.messageRelay = messageRelay;
    b.sseRetry = sseRetry;
    b.keepAliveInterval = keepAliveInterval;
    b.shutdownGracePeriod = shutdownGracePeriod;
    b.maxOpenStreams = maxOpenStreams;
    b.maxOpenStreamsPerSession = maxOpenStreamsPerSession;
    b.maxRequestsInFlight = maxRequestsInFlight;
    b.maxSessionsPerClient = maxSessionsPerClient;
    b.unusedSessionTimeout = unusedSessionTimeout;
    b.bodyReadTimeout = bodyReadTimeout;
    b.maxStreamBacklogBytes = maxStreamBacklogBytes;
    b.clock = clock;
    b.handlerExecutor = handlerExecutor;
    b.handlersOnServingThread = handlersOnServingThread;
    return b;
  }

  /** Builds {@link McpHttpOptions}. */
  public static final class Builder {
    private final Set<String> allowedHosts = new LinkedHashSet<>();
    private final Set<String> allowedOrigins = new LinkedHashSet<>();
    private boolean checkHost = true;
    private long maxBodyBytes = 4L * 1024 * 1024;
    private int maxRequestsInFlightPerSession = 64;
    private int maxBatchElements = 100;
    private Duration sessionIdleTimeout = Duration.ofMinutes(30);
    private int maxSessions = 10_000;
    private SessionStore sessionStore;
    private EventStore eventStore;
    private MessageRelay messageRelay;
    private Duration sseRetry = Duration.ofSeconds(1);
    private Duration keepAliveInterval = Duration.ofSeconds(15);
    private Duration shutdownGracePeriod = Duration.ofSeconds(10);
    private int maxOpenStreams = 10_000;
    private int maxOpenStreamsPerSession = 4;
    private int maxRequestsInFlight = 1_000;
    private int maxSessionsPerClient = 1_000;
    private Duration unusedSessionTimeout = Duration.ofSeconds(60);
    private Duration bodyReadTimeout = Duration.ofSeconds(30);
    private int maxStreamBacklogBytes = 1024 * 1024;
    private Clock clock = Clock.systemUTC();
    private java.util.concurrent.Executor handlerExecutor;
    private boolean handlersOnServingThread;

    private Builder() {}

    /** Event streams open at once, in all; more get 503. Default 10,000. */
    public Builder maxOpenStreams(int max) {
      this.maxOpenStreams = atLeast(1, max, "maxOpenStreams");
      return this;
    }

    /** Event streams per session (or per client without a session); more get 503. Default 4. */
    public Builder maxOpenStreamsPerSession(int max) {
      this.maxOpenStreamsPerSession = atLeast(1, max, "maxOpenStreamsPerSession");
      return this;
    }

    /** Requests running at once, in all; more get 429. Default 1,000. */
    public Builder maxRequestsInFlight(int max) {
      this.maxRequestsInFlight = atLeast(1, max, "maxRequestsInFlight");
      return this;
    }

    /**
     * Sessions per client (principal, or address when anonymous); an {@code initialize} beyond
     * gets 429. Default 1,000. Behind a proxy every anonymous client has the proxy's address:
     * raise it there, or authenticate.
     */
    public Builder maxSessionsPerClient(int max) {
      this.maxSessionsPerClient = atLeast(1, max, "maxSessionsPerClient");
      return this;
    }

    /**
     * How long a session lives that was opened but never used (no request after {@code
     * initialize}, no stream). Default 60 s; at most {@link #sessionIdleTimeout}.
     */
    public Builder unusedSessionTimeout(Duration timeout) {
      this.unusedSessionTimeout = positive(timeout, "unusedSessionTimeout");
      return this;
    }

    /** Time to receive a request body after its headers; then the connection is closed. */
    public Builder bodyReadTimeout(Duration timeout) {
      this.bodyReadTimeout = positive(timeout, "bodyReadTimeout");
      return this;
    }

    /** Bytes of unsent events per stream before a non-reading client's stream is closed. */
    public Builder maxStreamBacklogBytes(int bytes) {
      this.maxStreamBacklogBytes = atLeast(4096, bytes, "maxStreamBacklogBytes");
      return this;
    }

    /**
     * Where requests that run the host's code ({@code tools/call}, {@code prompts/get}, {@code
     * resources/read}, {@code completion/complete}, {@code tasks/result}) run on a servlet
     * container with async support, so that a request waiting for a slow tool keeps none of the
     * container's threads: the container's thread hands the request over and returns, and the
     * answer is written without blocking when the handler is done. The server does not shut this
     * executor down; when it refuses work, the request runs on the serving thread.
     *
     * <p>Default: a virtual thread per request on Java 21+; on Java 17, the serving thread (a
     * platform thread is held either way there, and the hand-over costs CPU on every call). Give
     * an executor of your own on Java 17 to keep the container's threads free for other requests
     * while tools wait. The JDK host ({@code McpHttpServer}) always runs requests on its own
     * threads (virtual on Java 21+).
     */
    public Builder handlerExecutor(java.util.concurrent.Executor executor) {
      this.handlerExecutor = Objects.requireNonNull(executor, "executor");
      this.handlersOnServingThread = false;
      return this;
    }

    /**
     * Runs every request on the container's serving thread, also on Java 21+: no hand-over, and a
     * request waiting for a slow tool holds that thread until it is answered (size the
     * container's pool and {@link #maxRequestsInFlight} together).
     */
    public Builder handlersOnServingThread() {
      this.handlersOnServingThread = true;
      this.handlerExecutor = null;
      return this;
    }

    /** The clock for session expiry (default {@link Clock#systemUTC()}). */
    public Builder clock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    private static int atLeast(int min, int value, String name) {
      if (value < min) {
        throw new IllegalArgumentException(name + " must be at least " + min + ", got " + value);
      }
      return value;
    }

    private static Duration positive(Duration d, String name) {
      if (d == null || d.isNegative() || d.isZero()) {
        throw new IllegalArgumentException(name + " must be positive, got " + d);
      }
      return d;
    }

    /**
     * Host names the server answers to (e.g. {@code mcp.example.com}), besides loopback. Requests
     * naming another host in {@code Host} get 403. Needed when the server is reached by name.
     */
    public Builder allowedHosts(String... hosts) {
      for (String h : hosts) {
        allowedHosts.add(Objects.requireNonNull(h, "host").toLowerCase(Locale.ROOT));
      }
      return this;
    }

    /** Origins (e.g. {@code https://app.example.com}) whose browsers may call the server. */
    public Builder allowedOrigins(String... origins) {
      for (String o : origins) {
        allowedOrigins.add(Objects.requireNonNull(o, "origin").toLowerCase(Locale.ROOT));
      }
      return this;
    }

    /**
     * Turns the {@code Host} check off, e.g. behind a reverse proxy that checks it. The Origin
     * check stays: a browser origin must still be allowed or same-origin.
     */
    public Builder disableHostCheck() {
      this.checkHost = false;
      return this;
    }

    /** Largest request body; larger ones get 413. Default 4 MiB. */
    public Builder maxBodyBytes(long bytes) {
      if (bytes < 1024) {
        throw new IllegalArgumentException("maxBodyBytes must be at least 1024, got " + bytes);
      }
      this.maxBodyBytes = bytes;
      return this;
    }

    /** Requests one session may have running at once; more get a JSON-RPC error. Default 64. */
    public Builder maxRequestsInFlightPerSession(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxRequestsInFlightPerSession must be >= 1, got " + max);
      }
      this.maxRequestsInFlightPerSession = max;
      return this;
    }

    /**
     * The most messages one JSON-RPC batch may hold (batches exist only in protocol 2025-03-26).
     * Elements are counted while the body is parsed; a larger batch gets one 400 with a JSON-RPC
     * error naming this limit, before the rest of it is read. Default 100.
     */
    public Builder maxBatchElements(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxBatchElements must be >= 1, got " + max);
      }
      this.maxBatchElements = max;
      return this;
    }

    /** How long an unused session lives; then it answers 404. Default 30 minutes. */
    public Builder sessionIdleTimeout(Duration timeout) {
      if (timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("sessionIdleTimeout must be positive, got " + timeout);
      }
      this.sessionIdleTimeout = timeout;
      return this;
    }

    /** Live sessions at most; an {@code initialize} beyond gets 503. Default 10,000. */
    public Builder maxSessions(int max) {
      if (max < 1) {
        throw new IllegalArgumentException("maxSessions must be >= 1, got " + max);
      }
      this.maxSessions = max;
      return this;
    }

    public Builder sessionStore(SessionStore store) {
      this.sessionStore = Objects.requireNonNull(store, "store");
      return this;
    }

    public Builder eventStore(EventStore store) {
      this.eventStore = Objects.requireNonNull(store, "store");
      return this;
    }

    /**
     * What carries messages to and from streams other instances hold; give every instance of one
     * server the same shared relay (mcp-postgres has one). Without it, each server relays within
     * itself only.
     */
    public Builder messageRelay(MessageRelay relay) {
      this.messageRelay = Objects.requireNonNull(relay, "relay");
      return this;
    }

    public Builder sseRetry(Duration retry) {
      this.sseRetry = Objects.requireNonNull(retry, "retry");
      return this;
    }

    public Builder keepAliveInterval(Duration interval) {
      if (interval.isNegative() || interval.isZero()) {
        throw new IllegalArgumentException("keepAliveInterval must be positive, got " + interval);
      }
      this.keepAliveInterval = interval;
      return this;
    }

    public Builder shutdownGracePeriod(Duration grace) {
      this.shutdownGracePeriod = Objects.requireNonNull(grace, "grace");
      return this;
    }

    public McpHttpOptions build() {
      return new McpHttpOptions(this);
    }
  }

  @Override
  public String toString() {
    return "McpHttpOptions[hosts=" + (allowedHosts.isEmpty() ? List.of("loopback") : allowedHosts)
        + ", maxBody=" + maxBodyBytes + ", idle=" + sessionIdleTimeout + ", maxSessions="
        + maxSessions + "]";
  }
}
