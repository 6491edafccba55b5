package dev.mcpkit.policy.spi;

import dev.mcpkit.policy.AuditEvent;
import java.io.IOException;

/**
 * Where the activity log goes. Events arrive with secrets already redacted.
 *
 * <p><b>Guarantees:</b> thread-safe; an event recorded without an exception is kept.
 * <b>Failure:</b> {@link #record} throws when the event cannot be kept; the engine then fails the call
 * closed: a call whose "allowed" event cannot be recorded does not run.
 */
@FunctionalInterface
public interface AuditSink {
  /** Keeps {@code event}. */
  void record(AuditEvent event) throws IOException;
}
