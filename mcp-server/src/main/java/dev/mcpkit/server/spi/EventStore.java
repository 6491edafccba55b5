package dev.mcpkit.server.spi;

import dev.mcpkit.server.internal.session.InMemoryEventStore;
import java.util.List;
import java.util.Objects;

/**
 * Where the events of resumable SSE streams live (protocol 2025-03-26 to 2025-11-25), so that a
 * client whose stream broke can reconnect with {@code Last-Event-ID} and receive what it missed.
 * Each session has streams (one per request answered with SSE, plus the GET stream); each stream
 * is an ordered list of events.
 *
 * <p>Guarantees an implementation gives: every method is thread-safe; {@link #append} calls for
 * one stream come one at a time and in order, and the ids returned sort in that order within the
 * stream; an event id is unique within its session and names its stream, so that {@link
 * #replayAfter} finds the stream from the id alone. An implementation may bound what it keeps
 * (drop the oldest events); a replay then returns what is left.
 *
 * <p>Failure: an exception from {@link #append} drops that one event (the server logs it and the
 * stream goes on); from {@link #replayAfter}, the reconnecting request fails with 503.
 */
public interface EventStore {
  /**
   * Stores one event and returns its id. {@code data} is the JSON-RPC message as UTF-8 JSON, or
   * empty for the priming event a stream starts with.
   */
  String append(String sessionId, String streamId, byte[] data);

  /**
   * The events of the stream {@code lastEventId} belongs to that came after it, oldest first; null
   * when the id is unknown (never issued, or already dropped).
   */
  Replay replayAfter(String sessionId, String lastEventId);

  /** Forgets one stream (its answer was delivered). */
  void dropStream(String sessionId, String streamId);

  /** Forgets every stream of a session (it ended). */
  void dropSession(String sessionId);

  /** Events kept in this JVM's memory, at most {@code maxEventsPerSession} per session. */
  static EventStore inMemory(int maxEventsPerSession) {
    return new InMemoryEventStore(maxEventsPerSession);
  }

  /** What a reconnecting client missed on one stream. */
  record Replay(String streamId, List<StoredEvent> events) {
    public Replay {
      Objects.requireNonNull(streamId, "streamId");
      events = List.copyOf(events);
    }
  }

  /** One stored event. {@code data} is empty for a priming event. */
  record StoredEvent(String id, byte[] data) {
    public StoredEvent {
      Objects.requireNonNull(id, "id");
      Objects.requireNonNull(data, "data");
    }
  }
}
