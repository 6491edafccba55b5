package dev.mcpkit.server;

import dev.mcpkit.server.spi.EventStore;
import dev.mcpkit.server.spi.MessageRelay;
import dev.mcpkit.server.spi.SessionStore;
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

    private Builder() {}

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
