package dev.mcpkit.opentelemetry;

import dev.mcpkit.client.McpClient;
import dev.mcpkit.core.engine.McpEventListener;
import dev.mcpkit.core.engine.McpInterceptor;
import dev.mcpkit.opentelemetry.internal.Instruments;
import dev.mcpkit.opentelemetry.internal.NotificationSpans;
import dev.mcpkit.opentelemetry.internal.SessionIds;
import dev.mcpkit.opentelemetry.internal.TelemetryInterceptor;
import dev.mcpkit.opentelemetry.internal.TelemetryListener;
import dev.mcpkit.server.McpHttpServer;
import dev.mcpkit.server.McpServer;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Spans and metrics for MCP clients and servers as the OpenTelemetry semantic conventions for MCP
 * define them, with W3C trace context carried in each request's {@code params._meta}. One line on a
 * builder turns it on:
 *
 * <pre>{@code
 * McpTelemetry telemetry = McpTelemetry.create(openTelemetry);
 * McpServer server = telemetry.instrument(McpServer.builder().name("tools")).tool(...).build();
 * McpClient client = telemetry.instrument(McpClient.builder().transport(...)).connect();
 * }</pre>
 *
 * <p>Tool arguments and results stay out of spans unless {@link Builder#captureToolPayloads} is set;
 * then they are redacted as the activity log redacts them. Session ids go into {@code mcp.session.id}
 * as a digest unless {@link Builder#rawSessionIds} is set. Thread-safe; make one per
 * {@link OpenTelemetry} and share it.
 *
 * <p>On the API alone (no SDK installed: {@link OpenTelemetry#noop()}, or
 * {@code GlobalOpenTelemetry} left unset) every span and instrument would do nothing, so nothing is
 * installed at all: {@link #instrument} leaves the builders as they are and {@link #interceptor()}
 * only passes requests on. Such a server then does not pass a caller's trace context on to the
 * requests it makes itself, which the API's no-op spans would have done.
 */
public final class McpTelemetry {
  /** The instrumentation scope name of every tracer and meter this module uses. */
  public static final String INSTRUMENTATION_NAME = "dev.mcpkit.opentelemetry";

  /** What {@link #interceptor()} is with no SDK: it passes requests on and reads nothing. */
  private static final McpInterceptor PASS_THROUGH = new McpInterceptor() {
    @Override
    public com.fasterxml.jackson.databind.JsonNode intercept(Chain chain) throws Exception {
      return chain.proceed(chain.params());
    }

    @Override
    public boolean readsResultTrees() {
      return false;
    }
  };

  private final Instruments instruments;
  private final McpInterceptor interceptor;
  private final OpenTelemetry openTelemetry;
  private final AtomicBoolean streamsObserved = new AtomicBoolean();
  private final boolean enabled;
  private final NotificationSpans clientNotifications;
  private final NotificationSpans serverNotifications;

  private McpTelemetry(Builder b) {
    this.openTelemetry = b.openTelemetry;
    this.enabled = b.openTelemetry.getTracerProvider() != TracerProvider.noop()
        || b.openTelemetry.getMeterProvider() != MeterProvider.noop();
    this.instruments = new Instruments(b.openTelemetry.getMeter(INSTRUMENTATION_NAME));
    TextMapPropagator w3c = TextMapPropagator.composite(W3CTraceContextPropagator.getInstance(),
        W3CBaggagePropagator.getInstance());
    Tracer tracer = b.openTelemetry.getTracer(INSTRUMENTATION_NAME);
    SessionIds sessionIds = new SessionIds(b.rawSessionIds);
    this.interceptor = !enabled ? PASS_THROUGH
        : new TelemetryInterceptor(tracer, instruments, w3c, sessionIds, b.payloads);
    boolean notify = enabled && b.notificationSpans;
    this.clientNotifications = notify ? new NotificationSpans(tracer, sessionIds, true) : null;
    this.serverNotifications = notify ? new NotificationSpans(tracer, sessionIds, false) : null;
  }

  /** Telemetry with the defaults: no payloads, digested session ids. */
  public static McpTelemetry create(OpenTelemetry openTelemetry) {
    return builder(openTelemetry).build();
  }

  public static Builder builder(OpenTelemetry openTelemetry) {
    return new Builder(openTelemetry);
  }

  /**
   * The interceptor for either side: client spans around requests sent, server spans around requests
   * answered. Add it first, so that the span covers the other interceptors too.
   */
  public McpInterceptor interceptor() {
    return interceptor;
  }

  /**
   * Whether anything is recorded: false on the OpenTelemetry API alone (no SDK installed), where
   * nothing is installed.
   */
  public boolean isEnabled() {
    return enabled;
  }

  /** The listener for a server: session durations, open sessions. */
  public McpEventListener serverListener() {
    return serverListener(McpEventListener.NONE);
  }

  /** {@link #serverListener()} that passes every event on to {@code next} (an activity log). */
  public McpEventListener serverListener(McpEventListener next) {
    return new TelemetryListener(instruments, false, Objects.requireNonNull(next, "next"),
        serverNotifications);
  }

  /** The listener for a client: request ids on client spans, session durations, open sessions. */
  public McpEventListener clientListener() {
    return clientListener(McpEventListener.NONE);
  }

  /** {@link #clientListener()} that passes every event on to {@code next}. */
  public McpEventListener clientListener(McpEventListener next) {
    return new TelemetryListener(instruments, true, Objects.requireNonNull(next, "next"),
        clientNotifications);
  }

  /**
   * Adds the interceptor and the server listener to {@code server}; a listener set before is
   * replaced, so a host with its own listener uses {@link #serverListener(McpEventListener)} instead.
   * The first call also starts observing the open event streams of this JVM.
   */
  public McpServer.Builder instrument(McpServer.Builder server) {
    if (!enabled) {
      return server;
    }
    observeServerStreams();
    return server.addInterceptor(interceptor).listener(serverListener());
  }

  /**
   * Reports {@code mcpkit.server.streams.open}: the Server-Sent Event streams open in this JVM
   * ({@link McpHttpServer#openEventStreams()}). Idempotent; {@link #instrument(McpServer.Builder)}
   * calls it.
   */
  public void observeServerStreams() {
    if (streamsObserved.compareAndSet(false, true)) {
      openTelemetry.getMeter(INSTRUMENTATION_NAME).upDownCounterBuilder("mcpkit.server.streams.open")
          .setUnit("{stream}").setDescription("Server-Sent Event streams open in this process.")
          .buildWithCallback(m -> m.record(McpHttpServer.openEventStreams()));
    }
  }

  /** Adds the interceptor and the client listener to {@code client} (see the server variant). */
  public McpClient.Builder instrument(McpClient.Builder client) {
    return enabled ? client.addInterceptor(interceptor).eventListener(clientListener()) : client;
  }

  /** Governance on the span and its metrics (needs mcp-policy). */
  public GovernanceTelemetry governance() {
    return new GovernanceTelemetry(this, openTelemetry.getTracer(INSTRUMENTATION_NAME), instruments);
  }

  /** Builds {@link McpTelemetry}. */
  public static final class Builder {
    private final OpenTelemetry openTelemetry;
    private boolean payloads;
    private boolean rawSessionIds;
    private boolean notificationSpans = true;

    private Builder(OpenTelemetry openTelemetry) {
      this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
    }

    /**
     * Records tool arguments and results ({@code gen_ai.tool.call.arguments},
     * {@code gen_ai.tool.call.result}) on tool-call spans, as JSON text with secrets redacted as in
     * the activity log. Off by default: payloads may hold personal or confidential data.
     */
    public Builder captureToolPayloads(boolean capture) {
      this.payloads = capture;
      return this;
    }

    /**
     * Puts session ids into {@code mcp.session.id} as they are. Off by default: a Streamable HTTP
     * session id lets its holder act in the session, so spans carry a digest of it (the same on
     * client and server) unless the trace store is trusted like the server.
     */
    public Builder rawSessionIds(boolean raw) {
      this.rawSessionIds = raw;
      return this;
    }

    /**
     * Whether each notification sent or received gets a span ({@code notifications/progress},
     * {@code notifications/message}, {@code notifications/cancelled}, the {@code list_changed}
     * ones, ...), as the conventions define them; on by default. A host whose tools report progress
     * many times per call and who does not want a span for each turns them off.
     */
    public Builder notificationSpans(boolean spans) {
      this.notificationSpans = spans;
      return this;
    }

    public McpTelemetry build() {
      return new McpTelemetry(this);
    }
  }
}
