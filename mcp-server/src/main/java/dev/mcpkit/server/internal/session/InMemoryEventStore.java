package dev.mcpkit.server.internal.session;

import dev.mcpkit.server.spi.EventStore;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The default {@link EventStore}: per session, the newest {@code maxEventsPerSession} events in
 * memory. Event ids are {@code <streamId>_<n>} with {@code n} counting up within the session.
 */
public final class InMemoryEventStore implements EventStore {
  private final int maxEventsPerSession;
  private final Map<String, SessionEvents> sessions = new ConcurrentHashMap<>();

  public InMemoryEventStore(int maxEventsPerSession) {
    if (maxEventsPerSession < 1) {
      throw new IllegalArgumentException(
          "maxEventsPerSession must be at least 1, got " + maxEventsPerSession);
    }
    this.maxEventsPerSession = maxEventsPerSession;
  }

  @Override
  public String append(String sessionId, String streamId, byte[] data) {
    if (streamId.indexOf('_') >= 0) {
      throw new IllegalArgumentException("stream id must not contain '_': " + streamId);
    }
    SessionEvents events = sessions.computeIfAbsent(sessionId, k -> new SessionEvents());
    synchronized (events) {
      long n = ++events.counter;
      events.queue.addLast(new Event(streamId, n, data));
      if (events.queue.size() > maxEventsPerSession) {
        events.queue.removeFirst();
      }
      return streamId + "_" + n;
    }
  }

  @Override
  public Replay replayAfter(String sessionId, String lastEventId) {
    int sep = lastEventId == null ? -1 : lastEventId.lastIndexOf('_');
    if (sep <= 0) {
      return null;
    }
    String streamId = lastEventId.substring(0, sep);
    long after;
    try {
      after = Long.parseLong(lastEventId.substring(sep + 1));
    } catch (NumberFormatException e) {
      return null;
    }
    SessionEvents events = sessions.get(sessionId);
    if (events == null) {
      return null;
    }
    List<StoredEvent> missed = new ArrayList<>();
    boolean known = false;
    synchronized (events) {
      if (after > events.counter) {
        return null;
      }
      for (Event e : events.queue) {
        if (e.streamId.equals(streamId)) {
          known = true;
          if (e.n > after) {
            missed.add(new StoredEvent(streamId + "_" + e.n, e.data));
          }
        }
      }
    }
    return known ? new Replay(streamId, missed) : null;
  }

  @Override
  public void dropStream(String sessionId, String streamId) {
    SessionEvents events = sessions.get(sessionId);
    if (events == null) {
      return;
    }
    synchronized (events) {
      for (Iterator<Event> it = events.queue.iterator(); it.hasNext(); ) {
        if (it.next().streamId.equals(streamId)) {
          it.remove();
        }
      }
    }
  }

  @Override
  public void dropSession(String sessionId) {
    sessions.remove(sessionId);
  }

  private static final class SessionEvents {
    final ArrayDeque<Event> queue = new ArrayDeque<>();
    long counter;
  }

  private record Event(String streamId, long n, byte[] data) {}
}
