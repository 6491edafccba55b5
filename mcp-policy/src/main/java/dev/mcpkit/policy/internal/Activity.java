package dev.mcpkit.policy.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.policy.AuditEvent;
import dev.mcpkit.policy.AuditFilter;
import dev.mcpkit.policy.Page;
import dev.mcpkit.policy.PolicyDeniedException;
import dev.mcpkit.policy.Principal;
import dev.mcpkit.policy.spi.AuditQuery;
import java.io.IOException;
import java.io.Writer;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The activity log for people. Organization admins and auditors see every event with its payload;
 * anyone else sees only their own events, as metadata (no input, no result). Retention deletes
 * events older than the configured age; export writes JSON lines.
 */
public final class Activity {
  /** How many events one export reads from the query at a time. */
  private static final int EXPORT_BATCH = Page.MAX_LIMIT;

  private final Stores stores;
  private final AuditQuery query;
  private final String auditorGroup;
  private final Duration retention;
  private final Clock clock;

  public Activity(Stores stores, AuditQuery query, String auditorGroup, Duration retention,
      Clock clock) {
    this.stores = stores;
    this.query = query;
    this.auditorGroup = auditorGroup;
    this.retention = retention;
    this.clock = clock;
  }

  /** A page of events the viewer may see, newest first. */
  public Page<AuditEvent> page(String viewerId, AuditFilter filter, String cursor, int limit)
      throws IOException {
    Pager.checkLimit(limit);
    Principal p = known(viewerId);
    boolean payloads = seesAll(p);
    AuditFilter f = scoped(p, filter == null ? AuditFilter.ALL : filter, payloads);
    String after = cursor == null ? null : Pager.decode(cursor);
    List<AuditEvent> found = query.search(f, after, limit + 1);
    List<AuditEvent> out = new ArrayList<>();
    for (int i = 0; i < Math.min(limit, found.size()); i++) {
      out.add(payloads ? found.get(i) : metadata(found.get(i)));
    }
    String next = found.size() > limit ? Pager.encode(out.get(limit - 1).id()) : null;
    return new Page<>(out, next);
  }

  /** Every event of one call (or admin action), oldest first, as the viewer may see them. */
  public List<AuditEvent> call(String viewerId, String correlationId) throws IOException {
    if (correlationId == null || correlationId.isBlank() || correlationId.length() > 128) {
      throw new IllegalArgumentException("correlationId must be 1-128 characters");
    }
    Principal p = known(viewerId);
    boolean payloads = seesAll(p);
    List<AuditEvent> found = query.search(scoped(p, AuditFilter.correlation(correlationId),
        payloads), null, Page.MAX_LIMIT);
    List<AuditEvent> out = new ArrayList<>();
    for (int i = found.size() - 1; i >= 0; i--) {
      out.add(payloads ? found.get(i) : metadata(found.get(i)));
    }
    return out;
  }

  /** Writes the events the viewer may see as JSON lines, newest first; returns how many. */
  public long export(String viewerId, AuditFilter filter, Writer out) throws IOException {
    long written = 0;
    String cursor = null;
    do {
      Page<AuditEvent> page = page(viewerId, filter, cursor, EXPORT_BATCH);
      for (AuditEvent e : page.items()) {
        out.write(McpJson.write(json(e)));
        out.write('\n');
        written++;
      }
      cursor = page.nextCursor();
    } while (cursor != null);
    out.flush();
    return written;
  }

  /** Deletes events older than the retention; 0 when no retention was configured. */
  public int purge() throws IOException {
    if (retention == null) {
      return 0;
    }
    return query.purgeBefore(clock.instant().minus(retention));
  }

  /** One event as a JSON object (times in ISO-8601, the duration in milliseconds). */
  public static ObjectNode json(AuditEvent e) {
    ObjectNode o = McpJson.object();
    o.put("id", e.id()).put("time", e.time().toString()).put("type", e.type().name());
    o.put("principal", e.principalId()).put("agent", e.agentId()).put("server", e.serverId())
        .put("tool", e.tool());
    o.set("input", e.input());
    o.set("result", e.result());
    o.put("error", e.error());
    if (e.duration() != null) {
      o.put("durationMillis", e.duration().toMillis());
    }
    o.put("outcome", e.outcome()).put("correlationId", e.correlationId())
        .put("detail", e.detail());
    return o;
  }

  private boolean seesAll(Principal p) {
    return p.organizationAdmin() || (auditorGroup != null && p.inGroup(auditorGroup));
  }

  private static AuditFilter scoped(Principal p, AuditFilter f, boolean all) {
    if (all) {
      return f;
    }
    if (f.principalId() != null && !f.principalId().equals(p.id())) {
      throw new PolicyDeniedException("auditor", "'" + p.id() + "' may read only their own "
          + "activity; organization admins and auditors read everyone's");
    }
    return f.ownedBy(p.id());
  }

  private static AuditEvent metadata(AuditEvent e) {
    return new AuditEvent(e.id(), e.time(), e.type(), e.principalId(), e.agentId(), e.serverId(),
        e.tool(), null, null, e.error(), e.duration(), e.outcome(), e.correlationId(), e.detail());
  }

  private Principal known(String principalId) throws IOException {
    Principal p = stores.directory().find(principalId);
    if (p == null) {
      throw new PolicyDeniedException("directory", "user '" + principalId
          + "' is not in the directory");
    }
    return p;
  }
}
