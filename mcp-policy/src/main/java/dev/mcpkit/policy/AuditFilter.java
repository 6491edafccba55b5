package dev.mcpkit.policy;

/**
 * Which activity-log events a query wants; a null field matches every event.
 *
 * @param principalId events of this user
 * @param agentId events through this agent
 * @param serverId events about this server
 * @param correlationId the events of one call (or admin action)
 */
public record AuditFilter(String principalId, String agentId, String serverId,
    String correlationId) {
  /** Every event. */
  public static final AuditFilter ALL = new AuditFilter(null, null, null, null);

  public static AuditFilter principal(String principalId) {
    return new AuditFilter(principalId, null, null, null);
  }

  public static AuditFilter correlation(String correlationId) {
    return new AuditFilter(null, null, null, correlationId);
  }

  /** Whether {@code e} matches. */
  public boolean matches(AuditEvent e) {
    return (principalId == null || principalId.equals(e.principalId()))
        && (agentId == null || agentId.equals(e.agentId()))
        && (serverId == null || serverId.equals(e.serverId()))
        && (correlationId == null || correlationId.equals(e.correlationId()));
  }

  /** This filter restricted to {@code principalId}'s own events. */
  public AuditFilter ownedBy(String principal) {
    return new AuditFilter(principal, agentId, serverId, correlationId);
  }
}
