package dev.mcpkit.server.internal.http;

import dev.mcpkit.core.engine.internal.Threads;
import dev.mcpkit.core.jsonrpc.ErrorCodes;
import dev.mcpkit.core.jsonrpc.RequestId;
import dev.mcpkit.server.McpHttpOptions;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The long-lived event streams one handler serves (GET streams, legacy SSE, {@code
 * subscriptions/listen}): their limits, in all and per owner (a session, or a client without
 * one), and their keep-alives, written by one shared timer. Thread-safe.
 */
final class OpenStreams {
  private final McpHttpOptions options;
  private final int limit;
  private final String limitName;
  private final AtomicInteger open = new AtomicInteger();
  private final Map<String, AtomicInteger> perOwner = new ConcurrentHashMap<>();
  private final Set<SseChannel> channels = ConcurrentHashMap.newKeySet();
  private final ScheduledFuture<?> keepAlives;

  OpenStreams(McpHttpOptions options) {
    this.options = options;
    this.limit = options.maxOpenStreams();
    this.limitName = "McpHttpOptions.maxOpenStreams";
    long every = options.keepAliveInterval().toMillis();
    this.keepAlives = Threads.timer().scheduleWithFixedDelay(this::keepAlive, every, every,
        TimeUnit.MILLISECONDS);
  }

  /** Streams open now. */
  int size() {
    return open.get();
  }

  /**
   * Takes a stream for {@code owner}, or answers {@code call} with 503 naming the limit.
   *
   * @return whether the stream was taken; then {@link #track} or {@link #release} it
   */
  boolean reserve(HttpCall call, String owner, RequestId id) {
    int n;
    do {
      n = open.get();
      if (n >= limit) {
        refuse(call, id, "the server has " + limit + " event streams open, the most it may ("
            + limitName + ")");
        return false;
      }
    } while (!open.compareAndSet(n, n + 1));
    AtomicInteger mine = perOwner.computeIfAbsent(owner, k -> new AtomicInteger());
    if (mine.incrementAndGet() > options.maxOpenStreamsPerSession()) {
      release(owner);
      refuse(call, id, "this session (or client) already has "
          + options.maxOpenStreamsPerSession() + " event streams open, the most it may"
          + " (McpHttpOptions.maxOpenStreamsPerSession); close one first");
      return false;
    }
    return true;
  }

  /** Gives back a stream taken with {@link #reserve}. */
  void release(String owner) {
    open.decrementAndGet();
    perOwner.computeIfPresent(owner, (k, v) -> v.decrementAndGet() <= 0 ? null : v);
  }

  /**
   * Serves an opened stream until it ends: it gets keep-alives, and its reservation and {@code
   * onClose} are released when it closes. Returns at once for a stream that holds no thread;
   * holds the caller's thread otherwise.
   */
  void track(SseChannel channel, String owner, Runnable onClose) {
    channels.add(channel);
    channel.onClose(() -> {
      channels.remove(channel);
      release(owner);
      onClose.run();
    });
    channel.hold();
  }

  private void refuse(HttpCall call, RequestId id, String why) {
    long seconds = Math.max(1, (options.keepAliveInterval().toMillis() + 999) / 1000);
    // streams of clients that went away are found within one keep-alive interval
    call.setHeader("Retry-After", Long.toString(seconds));
    HttpResponses.error(call, 503, id, ErrorCodes.INTERNAL_ERROR, "Service unavailable: " + why);
  }

  private void keepAlive() {
    for (SseChannel c : channels) {
      try {
        c.keepAlive();
      } catch (RuntimeException e) {
        c.gone();
      }
    }
  }

  /** Stops the keep-alives and closes every stream. */
  void close() {
    keepAlives.cancel(false);
    for (SseChannel c : channels) {
      c.close();
    }
  }
}
