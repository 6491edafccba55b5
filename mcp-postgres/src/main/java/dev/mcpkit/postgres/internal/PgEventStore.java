package dev.mcpkit.postgres.internal;

import dev.mcpkit.server.spi.EventStore;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@link EventStore} in table {@code events}. An event's id is its row's sequence number, unique in
 * the whole table, so any instance finds the stream from the id alone. Every 256th append (per
 * instance) trims the session it appended to to its newest {@code maxEventsPerSession} events.
 */
public final class PgEventStore implements EventStore {
  private final Database db;
  private final int maxEventsPerSession;
  private final AtomicLong appends = new AtomicLong();
  private final String insert;
  private final String streamOf;
  private final String after;
  private final String dropStream;
  private final String dropSession;
  private final String trim;

  public PgEventStore(Database db, int maxEventsPerSession) {
    if (maxEventsPerSession < 1) {
      throw new IllegalArgumentException("maxEventsPerSession must be at least 1, got "
          + maxEventsPerSession);
    }
    this.db = db;
    this.maxEventsPerSession = maxEventsPerSession;
    String t = db.table("events");
    insert = "INSERT INTO " + t + " (session_id, stream_id, data) VALUES (?, ?, ?) RETURNING seq";
    streamOf = "SELECT stream_id FROM " + t + " WHERE session_id = ? AND seq = ?";
    after = "SELECT seq, data FROM " + t + " WHERE session_id = ? AND stream_id = ? AND seq > ? "
        + "ORDER BY seq";
    dropStream = "DELETE FROM " + t + " WHERE session_id = ? AND stream_id = ?";
    dropSession = "DELETE FROM " + t + " WHERE session_id = ?";
    trim = "DELETE FROM " + t + " WHERE session_id = ? AND seq <= (SELECT seq FROM " + t
        + " WHERE session_id = ? ORDER BY seq DESC OFFSET ? LIMIT 1)";
  }

  @Override
  public String append(String sessionId, String streamId, byte[] data) {
    long seq = PgSessionStore.run(() -> db.queryOne("append an event", insert, ps -> {
      ps.setString(1, sessionId);
      ps.setString(2, streamId);
      ps.setBytes(3, data);
    }, rs -> rs.getLong(1)));
    if (appends.incrementAndGet() % 256 == 0) {
      PgSessionStore.run(() -> db.update("trim a session's events", trim, ps -> {
        ps.setString(1, sessionId);
        ps.setString(2, sessionId);
        ps.setInt(3, maxEventsPerSession);
      }));
    }
    return Long.toString(seq);
  }

  @Override
  public Replay replayAfter(String sessionId, String lastEventId) {
    long seq;
    try {
      seq = Long.parseLong(lastEventId);
    } catch (NumberFormatException e) {
      return null;
    }
    return PgSessionStore.run(() -> db.inTransaction("replay events", c -> {
      String stream;
      try (var ps = c.prepareStatement(streamOf)) {
        ps.setString(1, sessionId);
        ps.setLong(2, seq);
        try (var rs = ps.executeQuery()) {
          if (!rs.next()) {
            return null;
          }
          stream = rs.getString(1);
        }
      }
      try (var ps = c.prepareStatement(after)) {
        ps.setString(1, sessionId);
        ps.setString(2, stream);
        ps.setLong(3, seq);
        try (var rs = ps.executeQuery()) {
          List<StoredEvent> events = new java.util.ArrayList<>();
          while (rs.next()) {
            events.add(new StoredEvent(Long.toString(rs.getLong(1)), rs.getBytes(2)));
          }
          return new Replay(stream, events);
        }
      }
    }));
  }

  @Override
  public void dropStream(String sessionId, String streamId) {
    PgSessionStore.run(() -> db.update("drop a stream's events", dropStream, ps -> {
      ps.setString(1, sessionId);
      ps.setString(2, streamId);
    }));
  }

  @Override
  public void dropSession(String sessionId) {
    PgSessionStore.run(() -> db.update("drop a session's events", dropSession,
        ps -> ps.setString(1, sessionId)));
  }
}
