package dev.mcpkit.server.internal.session;

import dev.mcpkit.server.spi.SessionRecord;
import dev.mcpkit.server.spi.SessionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** The default {@link SessionStore}: a concurrent map in this JVM. */
public final class InMemorySessionStore implements SessionStore {
  private final Map<String, Entry> sessions = new ConcurrentHashMap<>();

  @Override
  public void save(SessionRecord session) {
    Objects.requireNonNull(session, "session");
    sessions.compute(session.id(), (id, old) -> {
      if (old == null) {
        return new Entry(session, System.currentTimeMillis());
      }
      old.record = session;
      return old;
    });
  }

  @Override
  public SessionRecord find(String id) {
    Entry e = sessions.get(id);
    return e == null ? null : e.record;
  }

  @Override
  public boolean touch(String id, long nowMillis) {
    Entry e = sessions.get(id);
    if (e == null) {
      return false;
    }
    e.lastAccess = nowMillis;
    return true;
  }

  @Override
  public boolean remove(String id) {
    return sessions.remove(id) != null;
  }

  @Override
  public boolean removeIfIdle(String id, long cutoffMillis) {
    Entry e = sessions.get(id);
    return e != null && e.lastAccess < cutoffMillis && sessions.remove(id, e);
  }

  @Override
  public List<String> removeIdle(long cutoffMillis) {
    List<String> removed = new ArrayList<>();
    sessions.forEach((id, e) -> {
      if (e.lastAccess < cutoffMillis && sessions.remove(id, e)) {
        removed.add(id);
      }
    });
    return removed;
  }

  @Override
  public String toString() {
    return "InMemorySessionStore[" + sessions.size() + " sessions]";
  }

  private static final class Entry {
    volatile SessionRecord record;
    volatile long lastAccess;

    Entry(SessionRecord record, long lastAccess) {
      this.record = record;
      this.lastAccess = lastAccess;
    }
  }
}
