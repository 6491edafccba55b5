package dev.mcpkit.postgres;

import dev.mcpkit.policy.spi.AuditQuery;
import dev.mcpkit.policy.spi.AuditSink;

/** The activity log in PostgreSQL: what is recorded through the sink is read back by the query. */
public interface AuditLog extends AuditSink, AuditQuery {}
