package dev.mcpkit.client.internal;

import dev.mcpkit.core.McpProtocolException;
import dev.mcpkit.core.engine.RequestHandle;
import dev.mcpkit.core.engine.RequestOptions;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Methods;
import dev.mcpkit.core.schema.Subscriptions.ListenParams;
import dev.mcpkit.core.schema.Subscriptions.SubscriptionFilter;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 2026-07-28 {@code subscriptions/listen} stream: one long-lived request whose response stream
 * carries the list-change and resource-update notifications the client opted in to (the stateless
 * protocol's replacement for the session's GET stream and {@code resources/subscribe}). Reopened after
 * a drop, with a growing pause, and restarted when the resource subscriptions change.
 */
final class ListenStream {
  private static final Logger LOG = LoggerFactory.getLogger(ListenStream.class);
  private static final int MAX_FAILURES = 5;

  /** Sends the listen request and blocks until its stream ends. */
  interface Sender {
    void listen(ListenParams params, RequestHandle handle) throws IOException;
  }

  private final Sender sender;
  private final java.util.concurrent.Executor workers;
  private final String description;
  private final Set<String> resources = ConcurrentHashMap.newKeySet();
  private final AtomicReference<RequestHandle> current = new AtomicReference<>();
  private volatile boolean stopped;
  private volatile int generation;

  ListenStream(Sender sender, java.util.concurrent.Executor workers, String description) {
    this.sender = sender;
    this.workers = workers;
    this.description = description;
  }

  void start() {
    int gen = ++generation;
    workers.execute(() -> run(gen));
  }

  /** Adds or removes a resource subscription and reopens the stream with the new filter. */
  void resource(String uri, boolean subscribe) {
    boolean changed = subscribe ? resources.add(uri) : resources.remove(uri);
    if (changed) {
      RequestHandle old = current.get();
      start(); // the new stream first, so no update falls between the two
      if (old != null) {
        old.cancel();
      }
    }
  }

  void stop() {
    stopped = true;
    RequestHandle h = current.get();
    if (h != null) {
      h.cancel();
    }
  }

  private void run(int gen) {
    int failures = 0;
    while (!stopped && gen == generation) {
      ListenParams params = new ListenParams(new SubscriptionFilter(true, true, true,
          resources.isEmpty() ? null : List.copyOf(resources), null));
      long started = System.nanoTime();
      try {
        RequestHandle handle = new RequestHandle();
        current.set(handle);
        if (stopped || gen != generation) {
          return;
        }
        sender.listen(params, handle);
        failures = 0; // the server ended the subscription in order; listen again
      } catch (McpProtocolException e) {
        LOG.debug("{}: no subscriptions/listen ({}); list changes will not be reported",
            description, e.getMessage());
        return;
      } catch (IOException | RuntimeException e) {
        if (stopped || gen != generation) {
          return;
        }
        boolean lived = System.nanoTime() - started > Duration.ofSeconds(30).toNanos();
        failures = lived ? 1 : failures + 1;
        if (failures > MAX_FAILURES) {
          LOG.warn("{}: the subscriptions/listen stream failed {} times; giving up: {}",
              description, MAX_FAILURES, e.getMessage());
          return;
        }
        try {
          Thread.sleep(500L << failures); // back off before reconnecting
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  static String method() {
    return Methods.SUBSCRIPTIONS_LISTEN;
  }

  static RequestOptions options() {
    return RequestOptions.timeout(Duration.ZERO); // open until the server or the client ends it
  }

  static com.fasterxml.jackson.databind.JsonNode tree(ListenParams params) {
    return McpJson.toTree(params);
  }
}
