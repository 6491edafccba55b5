package dev.mcpkit.server.spi;

import dev.mcpkit.server.internal.session.InMemorySessionStore;
import java.util.List;

/**
 * Where sessions live, so that several server instances behind a load balancer can serve one
 * session, or a restarted server can keep serving it. The server keeps a session's running state
 * (calls in flight, open streams) in memory and only its {@link SessionRecord} here.
 *
 * <p>Guarantees an implementation gives: every method is thread-safe and may be called
 * concurrently for the same session; {@link #save} replaces a record with the same id; a record
 * that was removed or expired is never returned again. Implementations should be fast: {@link
 * #find} runs on a request's path whenever a request reaches an instance that does not know the
 * session yet, {@link #touch} at most about once a minute per active session.
 *
 * <p>Failure: an exception from any method fails only the HTTP request being served (with 503 and a
 * JSON-RPC error naming the store); the server logs it and does not retry.
 */
public interface SessionStore {
  /** Creates or replaces a session. */
  void save(SessionRecord session);

  /** The session with this id, or null when it is unknown, removed or expired. */
  SessionRecord find(String id);

  /**
   * Records that the session was used at {@code nowMillis}, and returns whether it still exists
   * (another instance may have removed it).
   */
  boolean touch(String id, long nowMillis);

  /** Removes a session; returns whether it existed. Idempotent. */
  boolean remove(String id);

  /**
   * Removes the session if it was not used (see {@link #touch}) since {@code cutoffMillis}, and
   * returns whether it did. A server instance calls it for a session that has been idle there:
   * with a store shared by several instances, another one may have served the session meanwhile,
   * and then it must stay. The default removes it regardless, which is right only for a store used
   * by one instance; a shared store overrides it with one conditional delete.
   */
  default boolean removeIfIdle(String id, long cutoffMillis) {
    return remove(id);
  }

  /**
   * Removes every session not used since {@code cutoffMillis} and returns their ids, so the server
   * can free what it holds for them. Called periodically by one thread.
   */
  List<String> removeIdle(long cutoffMillis);

  /** Sessions in this JVM's memory; the default. */
  static SessionStore inMemory() {
    return new InMemorySessionStore();
  }
}
