package dev.mcpkit.policy.spi;

import dev.mcpkit.policy.AuditEvent;
import java.io.IOException;
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
}
