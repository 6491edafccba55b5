package dev.mcpkit.policy.spi;

import dev.mcpkit.policy.AuditEvent;
import dev.mcpkit.policy.AuditFilter;
import java.io.IOException;
import java.time.Instant;
import java.util.List;

/**
 * Reads the activity log back: a user's or an agent's history, newest first.
 *
 * <p><b>Guarantees:</b> thread-safe; an event appears once its {@link AuditSink#record} returned.
 * <b>Failure:</b> throws {@link IOException}.
 */
public interface AuditQuery {
  /** Up to {@code limit} events of {@code principalId}, newest first. */
  List<AuditEvent> byPrincipal(String principalId, int limit) throws IOException;

  /** Up to {@code limit} events of {@code agentId}, newest first. */
  List<AuditEvent> byAgent(String agentId, int limit) throws IOException;

  /**
   * Up to {@code limit} events matching {@code filter}, newest first, starting after the event with
   * id {@code afterId} (null: from the newest). An {@code afterId} the log no longer holds gives an
   * empty list. The default throws, so a query written before this method existed keeps working for
   * everything else.
   */
  default List<AuditEvent> search(AuditFilter filter, String afterId, int limit)
      throws IOException {
    throw new IOException(getClass().getName() + " does not search the activity log; implement "
        + "AuditQuery.search");
  }

  /**
   * Deletes every event older than {@code cutoff} (retention); returns how many. The default throws.
   */
  default int purgeBefore(Instant cutoff) throws IOException {
    throw new IOException(getClass().getName() + " does not purge the activity log; implement "
        + "AuditQuery.purgeBefore");
  }
}
