package dev.mcpkit.server.internal.session;

import dev.mcpkit.core.engine.McpEventListener;
import dev.mcpkit.core.engine.internal.SafeListener;
import dev.mcpkit.core.engine.internal.Threads;
import dev.mcpkit.core.schema.ProtocolRevision;
import dev.mcpkit.server.McpEndpoint;
import dev.mcpkit.server.McpHttpOptions;
import dev.mcpkit.server.internal.ServerAccess;
import dev.mcpkit.server.internal.protocol.Revisions;
import dev.mcpkit.server.internal.protocol.ServerCore;
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
  private final long unusedMillis;
  private final java.time.Clock clock;
  private final java.util.concurrent.atomic.AtomicInteger count =
      new java.util.concurrent.atomic.AtomicInteger();
  private final Map<String, java.util.concurrent.atomic.AtomicInteger> perClient =
      new ConcurrentHashMap<>();
  private volatile long lastForcedSweep;
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
    this.unusedMillis = Math.min(idleMillis, options.unusedSessionTimeout().toMillis());
    this.clock = options.clock();
    this.touchEveryMillis = Math.max(1, Math.min(idleMillis / 20, 60_000));
    this.shedAfterMillis = Math.min(idleMillis / 2, 30_000);
    long sweepEvery = Math.max(50, Math.min(unusedMillis / 4, 30_000));
    this.delivery = new ClusterDelivery(options.messageRelay() != null ? options.messageRelay()
        : MessageRelay.inMemory(), live::get, this::changedElsewhere);
    this.sweeper = Threads.timer().scheduleWithFixedDelay(this::sweep, sweepEvery, sweepEvery,
        TimeUnit.MILLISECONDS);
  }

  public EventStore eventStore() {
    return events;
  }

  /** Whether a relay to other instances was configured (not the default within this server). */
  boolean sharesWithOtherInstances() {
    return options.messageRelay() != null;
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
    ProtocolRevision r = Revisions.named(version);
    return r != null && r.primesStreams();
  }

  public int size() {
    return live.size();
  }

  /** Why a new session was refused: the HTTP status, when to retry, and the limit in words. */
  public record Refusal(int status, long retryAfterSeconds, String message) {}

  /**
   * Takes room for one more session of {@code client}, checking the cap and the client's share in
   * one step each; null when taken (then {@link #open} and {@link #add}, or {@link #unreserve}).
   */
  public Refusal reserve(String client) {
    if (!tryTake()) {
      sweepExpiredSoon();
      if (!tryTake()) {
        return new Refusal(503, secondsUntil(earliestExpiry(null)), "Service unavailable: the"
            + " server holds " + options.maxSessions() + " sessions, the most it may"
            + " (McpHttpOptions.maxSessions)");
      }
    }
    java.util.concurrent.atomic.AtomicInteger mine =
        perClient.computeIfAbsent(client, k -> new java.util.concurrent.atomic.AtomicInteger());
    if (mine.incrementAndGet() > options.maxSessionsPerClient()) {
      unreserve(client);
      return new Refusal(429, secondsUntil(earliestExpiry(client)), "Too many sessions: this"
          + " client already holds " + options.maxSessionsPerClient() + " sessions, the most one"
          + " client may (McpHttpOptions.maxSessionsPerClient); reuse a session or end unused"
          + " ones with DELETE");
    }
    return null;
  }

  private boolean tryTake() {
    int n;
    do {
      n = count.get();
      if (n >= options.maxSessions()) {
        return false;
      }
    } while (!count.compareAndSet(n, n + 1));
    return true;
  }

  /** Gives back room taken with {@link #reserve} (initialize failed, or the session ended). */
  public void unreserve(String client) {
    count.decrementAndGet();
    perClient.computeIfPresent(client, (k, v) -> v.decrementAndGet() <= 0 ? null : v);
  }

  /** A new session, not yet registered: {@link #add} it once {@code initialize} succeeded. */
  public LiveSession open(McpEndpoint endpoint, String subject, String requestedVersion,
      String client) {
    byte[] bytes = new byte[16];
    RANDOM.nextBytes(bytes);
    String id = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    long now = clock.millis();
    SessionRecord record = new SessionRecord(id, endpoint.id(), subject, requestedVersion, null,
        "{}", null, null, now);
    ServerCore core = ServerAccess.core(endpoint.server());
    return new LiveSession(this, endpoint, core, record, shared(client), now);
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

  /** When the session that would end first ends (of {@code client}, or of anyone), in millis. */
  private long earliestExpiry(String client) {
    long earliest = Long.MAX_VALUE;
    for (LiveSession s : live.values()) {
      if ((client == null || client.equals(s.client)) && !s.busy()) {
        earliest = Math.min(earliest, s.lastAccess + (s.used ? idleMillis : unusedMillis));
      }
    }
    return earliest == Long.MAX_VALUE ? clock.millis() + unusedMillis : earliest;
  }

  private long secondsUntil(long millis) {
    return Math.max(1, (millis - clock.millis() + 999) / 1000);
  }

  /** At the cap, expired sessions are let go at once rather than at the next sweep. */
  private void sweepExpiredSoon() {
    long now = clock.millis();
    if (now - lastForcedSweep >= 100 || now < lastForcedSweep) {
      lastForcedSweep = now;
      sweep();
    }
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
      delivery.changed(record.id()); // other instances holding a copy read it again
    }
  }

  /**
   * Another instance changed (or ended) a session this instance holds a copy of: the copy is read
   * again from the store, or dropped when the session ended, is gone, or cannot be read (the next
   * request reads it again). Runs on the relay's thread.
   */
  private void changedElsewhere(LiveSession s, boolean ended) {
    SessionRecord fresh = null;
    if (!ended) {
      try {
        fresh = store.find(s.id());
      } catch (RuntimeException e) {
        LOG.warn("session {}: could not read a session another instance changed; dropping this"
            + " instance's copy: {}", s.id().substring(0, 6), e.toString());
      }
    }
    if (fresh != null && fresh.endpoint().equals(s.record().endpoint())
        && fresh.subject().equals(s.record().subject())) {
      s.refresh(fresh);
    } else if (live.remove(s.id(), s)) {
      unreserve(s.client);
      s.close();
    }
  }

  /**
   * The session {@code id} as seen by {@code subject} on {@code endpoint}, or null when it does not
   * exist for them (unknown, expired, removed, or someone else's): the caller answers 404.
   */
  public LiveSession find(String id, McpEndpoint endpoint, String subject) {
    long now = clock.millis();
    LiveSession s = live.get(id);
    if (s == null) {
      SessionRecord record = store.find(id);
      if (record == null || !record.endpoint().equals(endpoint.id())) {
        return null;
      }
      // a session another instance opened: it counts towards the cap, but is never refused
      String client = "restored";
      LiveSession fresh = new LiveSession(this, endpoint, ServerAccess.core(endpoint.server()),
          record, client, now);
      fresh.used = true;
      s = live.putIfAbsent(id, fresh);
      if (s == null) {
        s = fresh;
        count.incrementAndGet();
        perClient.computeIfAbsent(client, k -> new java.util.concurrent.atomic.AtomicInteger())
            .incrementAndGet();
        ServerAccess.core(endpoint.server()).addPeer(s);
      }
    }
    if (s.endpoint() != endpoint || !s.record().subject().equals(subject)) {
      return null;
    }
    if (now - s.lastAccess > (s.used ? idleMillis : unusedMillis) && s.inFlight() == 0) {
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
    delivery.ended(s.id()); // other instances holding a copy drop it
    return existed;
  }

  /**
   * Ends a session idle (or unused) in this JVM, and returns true, unless the store says another
   * instance used it meanwhile: then only this JVM's copy is dropped (the events stay) and it
   * returns false.
   */
  private boolean expire(LiveSession s) {
    long limit = s.used ? idleMillis : unusedMillis;
    if (store.removeIfIdle(s.id(), clock.millis() - limit)) {
      LOG.debug("session {} expired after {} ms {}", s.id().substring(0, 6), limit,
          s.used ? "idle" : "unused");
      forget(s, "expired");
      return true;
    }
    if (live.remove(s.id(), s)) {
      unreserve(s.client);
      s.close();
    }
    return false;
  }

  private void forget(LiveSession s) {
    forget(s, null);
  }

  private void forget(LiveSession s, String errorType) {
    if (live.remove(s.id(), s)) {
      unreserve(s.client);
      s.close();
      long lived = clock.millis() - s.record().createdMillis();
      listener(s).sessionEnded(s, TimeUnit.MILLISECONDS.toNanos(Math.max(0, lived)), errorType);
      try {
        events.dropSession(s.id());
      } catch (RuntimeException e) {
        LOG.warn("event store failed to drop a session's events ({})", e.getClass().getName());
      }
    }
  }

  private void sweep() {
    long now = clock.millis();
    try {
      for (LiveSession s : live.values()) {
        boolean listening = s.standaloneIfOpen() != null && s.standaloneIfOpen().isConnected();
        if (listening || s.inFlight() > 0) {
          s.lastAccess = now; // a client with an open stream is using its session
          if (now - s.lastStoreTouch > touchEveryMillis) {
            s.lastStoreTouch = now;
            store.touch(s.id(), now);
          }
        } else if (now - s.lastAccess > (s.used ? idleMillis : unusedMillis)) {
          expire(s);
        } else if (now - s.lastAccess > shedAfterMillis) {
          s.shed();
        }
      }
      for (String id : store.removeIdle(now - idleMillis)) {
        // records of unused sessions this JVM let go are already removed
        LiveSession s = live.get(id);
        if (s != null) {
          forget(s);
        }
      }
    } catch (RuntimeException e) {
      LOG.warn("session sweep failed; will retry ({})", e.getClass().getName());
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
      if (live.remove(s.id(), s)) {
        unreserve(s.client);
      }
      s.close();
    }
  }
}
