package dev.mcpkit.server.internal.session;

import dev.mcpkit.core.engine.McpEventListener;
import dev.mcpkit.core.engine.internal.SafeListener;
import dev.mcpkit.core.engine.internal.Threads;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpOptions;
import dev.mcpkit.server.internal.ServerAccess;
import dev.mcpkit.server.internal.protocol.ServerCore;
import dev.mcpkit.server.internal.protocol.Versions;
import dev.mcpkit.server.spi.EventStore;
import dev.mcpkit.server.spi.MessageRelay;
import dev.mcpkit.server.spi.SessionRecord;
import dev.mcpkit.server.spi.SessionStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The sessions one HTTP handler serves: creation with a cap, lookup that hides sessions of other
 * endpoints and principals, idle expiry. Sessions live in the {@link SessionStore}; this JVM keeps
 * a {@link LiveSession} for each one it serves.
 */
public final class HttpSessions {
  private static final Logger LOG = LoggerFactory.getLogger(HttpSessions.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final McpHttpOptions options;
  private final SessionStore store;
  private final EventStore events;
  private final long idleMillis;
  private final long touchEveryMillis;
  private final long shedAfterMillis;
  private final Map<String, LiveSession> live = new ConcurrentHashMap<>();
  private final Map<String, String> sharedTexts = new ConcurrentHashMap<>();
  private final ScheduledFuture<?> sweeper;
  private final ClusterDelivery delivery;

  public HttpSessions(McpHttpOptions options) {
    this.options = options;
    this.store = options.sessionStore();
    this.events = options.eventStore();
    this.idleMillis = options.sessionIdleTimeout().toMillis();
    this.touchEveryMillis = Math.max(1, Math.min(idleMillis / 20, 60_000));
    this.shedAfterMillis = Math.min(idleMillis / 2, 30_000);
    long sweepEvery = Math.max(50, Math.min(idleMillis / 4, 30_000));
    this.delivery = new ClusterDelivery(options.messageRelay() != null ? options.messageRelay()
        : MessageRelay.inMemory(), live::get);
    this.sweeper = Threads.timer().scheduleWithFixedDelay(this::sweep, sweepEvery, sweepEvery,
        TimeUnit.MILLISECONDS);
  }

  public EventStore eventStore() {
    return events;
  }

  /** What reaches the streams and handlers of other instances. */
  public ClusterDelivery delivery() {
    return delivery;
  }

  public long retryMillis() {
    return options.sseRetry().toMillis();
  }

  /** Whether clients of {@code version} understand priming events (2025-11-25 and later). */
  public boolean primes(String version) {
    return Versions.primes(version);
  }

  public int size() {
    return live.size();
  }

  /** A new session, not yet registered: {@link #add} it once {@code initialize} succeeded. */
  public LiveSession open(McpEndpoint endpoint, String subject, String requestedVersion) {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    SessionRecord record = new SessionRecord(id, endpoint.id(), subject, requestedVersion, null,
        "{}", null, null, System.currentTimeMillis());
    ServerCore core = ServerAccess.core(endpoint.server());
    return new LiveSession(this, endpoint, core, record);
  }

  /** Whether another session may be created. */
  public boolean hasRoom() {
    return live.size() < options.maxSessions();
  }

  /** Registers an initialised session: stores it and starts serving it. */
  public void add(LiveSession session) {
    live.put(session.id(), session);
    store.save(session.record());
    ServerAccess.core(session.endpoint().server()).addPeer(session);
    listener(session).sessionStarted(session);
  }

  private static McpEventListener listener(LiveSession session) {
    return SafeListener.wrap(ServerAccess.core(session.endpoint().server()).config().listener());
  }

  /** Saves a changed record of a registered session. */
  /**
   * One instance of a JSON text that many sessions repeat (the client info and capabilities of
   * the same client software), so that idle sessions stay small. Bounded: past 256 distinct texts,
   * or for long ones, the text is kept as given.
   */
  String shared(String json) {
    if (json == null || json.length() > 2048) {
      return json;
    }
    String known = sharedTexts.get(json);
    if (known != null) {
      return known;
    }
    if (sharedTexts.size() >= 256) {
      return json;
    }
    known = sharedTexts.putIfAbsent(json, json);
    return known == null ? json : known;
  }

  void save(SessionRecord record) {
    if (live.containsKey(record.id())) {
      store.save(record);
    }
  }

  /**
   * The session {@code id} as seen by {@code subject} on {@code endpoint}, or null when it does not
   * exist for them (unknown, expired, removed, or someone else's): the caller answers 404.
   */
  public LiveSession find(String id, McpEndpoint endpoint, String subject) {
    long now = System.currentTimeMillis();
    LiveSession s = live.get(id);
    if (s == null) {
      SessionRecord record = store.find(id);
      if (record == null || !record.endpoint().equals(endpoint.id())) {
        return null;
      }
      LiveSession fresh = new LiveSession(this, endpoint, ServerAccess.core(endpoint.server()),
          record);
      s = live.putIfAbsent(id, fresh);
      if (s == null) {
        s = fresh;
        ServerAccess.core(endpoint.server()).addPeer(s);
      }
    }
    if (s.endpoint() != endpoint || !s.record().subject().equals(subject)) {
      return null;
    }
    if (now - s.lastAccess > idleMillis && s.inFlight() == 0) {
      if (expire(s)) {
        return null;
      }
      return find(id, endpoint, subject); // another instance kept it alive: read it again
    }
    s.lastAccess = now;
    if (now - s.lastStoreTouch > touchEveryMillis) {
      s.lastStoreTouch = now;
      if (!store.touch(id, now)) {
        forget(s);
        return null;
      }
    }
    return s;
  }

  /** Ends a session at the client's request (DELETE) or the server's. */
  public boolean terminate(LiveSession s) {
    boolean existed = store.remove(s.id());
    forget(s);
    return existed;
  }

  /**
   * Ends a session idle in this JVM, and returns true, unless the store says another instance used
   * it meanwhile: then only this JVM's copy is dropped (the events stay) and it returns false.
   */
  private boolean expire(LiveSession s) {
    if (store.removeIfIdle(s.id(), System.currentTimeMillis() - idleMillis)) {
      LOG.debug("session {} expired after {} ms idle", s.id().substring(0, 6), idleMillis);
      forget(s, "expired");
      return true;
    }
    if (live.remove(s.id(), s)) {
      s.close();
    }
    return false;
  }

  private void forget(LiveSession s) {
    forget(s, null);
  }

  private void forget(LiveSession s, String errorType) {
    if (live.remove(s.id(), s)) {
      s.close();
      long lived = System.currentTimeMillis() - s.record().createdMillis();
      listener(s).sessionEnded(s, TimeUnit.MILLISECONDS.toNanos(Math.max(0, lived)), errorType);
      try {
        events.dropSession(s.id());
      } catch (RuntimeException e) {
        LOG.warn("event store failed to drop a session's events", e);
      }
    }
  }

  private void sweep() {
    long now = System.currentTimeMillis();
    try {
      for (LiveSession s : live.values()) {
        boolean listening = s.standaloneIfOpen() != null && s.standaloneIfOpen().isConnected();
        if (listening || s.inFlight() > 0) {
          s.lastAccess = now; // a client with an open stream is using its session
          if (now - s.lastStoreTouch > touchEveryMillis) {
            s.lastStoreTouch = now;
            store.touch(s.id(), now);
          }
        } else if (now - s.lastAccess > idleMillis) {
          expire(s);
        } else if (now - s.lastAccess > shedAfterMillis) {
          s.shed();
        }
      }
      for (String id : store.removeIdle(now - idleMillis)) {
        LiveSession s = live.get(id);
        if (s != null) {
          forget(s);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("session sweep failed; will retry", e);
    }
  }

  /** The sessions this JVM serves (for shutdown). */
  public List<LiveSession> all() {
    return new ArrayList<>(live.values());
  }

  /** Stops expiring and closes every live session (their records stay in the store). */
  public void close() {
    sweeper.cancel(false);
    delivery.close();
    for (LiveSession s : all()) {
      live.remove(s.id());
      s.close();
    }
  }
}
