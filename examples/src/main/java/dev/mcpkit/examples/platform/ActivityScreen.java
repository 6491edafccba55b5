package dev.mcpkit.examples.platform;

import static dev.mcpkit.examples.platform.Html.esc;

import dev.mcpkit.policy.AuditEvent;
import dev.mcpkit.policy.AuditFilter;
import dev.mcpkit.policy.Page;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * The activity log: every call, denial, decision, connection and admin change this user may see
 * (everything for admins and auditors, one's own events as metadata otherwise), one call's events
 * with its raw input and result, and an export as JSON lines.
 */
final class ActivityScreen {
  private final Platform p;

  ActivityScreen(Platform p) {
    this.p = p;
  }

  void register(Map<String, WebConsole.Screen> routes) {
    routes.put("/activity", this::list);
    routes.put("/activity/call", this::call);
    routes.put("/activity/export", this::export);
  }

  private Response list(Request r) throws Exception {
    Page<AuditEvent> page = p.gov.activity(r.user(), AuditFilter.ALL,
        ServersScreen.nullIfEmpty(r.param("cursor")), 50);
    StringBuilder rows = new StringBuilder();
    for (AuditEvent e : page.items()) {
      rows.append("<tr class=\"event\"><td>").append(esc(e.time())).append("</td><td>")
          .append(e.type()).append("</td><td>").append(esc(e.outcome())).append("</td><td>")
          .append(esc(e.principalId())).append("</td><td>").append(esc(e.serverId()))
          .append(e.tool() == null ? "" : " / " + esc(e.tool())).append("</td><td>")
          .append(esc(e.detail() == null ? e.error() : e.detail())).append("</td><td>")
          .append(e.correlationId() == null ? "" : "<a class=\"details\" href=\"/activity/call?id="
              + RunScreen.enc(e.correlationId()) + "\">details</a>").append("</td></tr>");
    }
    return Response.page("Activity", "<p><a href=\"/activity/export\" id=\"export\">Export as "
        + "JSON lines</a></p><table id=\"activity\"><tr><th>Time</th><th>Type</th><th>Outcome"
        + "</th><th>Who</th><th>Server / tool</th><th>Detail</th><th></th></tr>" + rows
        + "</table>" + (page.hasMore() ? "<p><a href=\"/activity?cursor="
            + esc(page.nextCursor()) + "\">Older</a></p>" : ""));
  }

  private Response call(Request r) throws Exception {
    List<AuditEvent> events = p.gov.callEvents(r.user(), r.param("id"));
    StringBuilder body = new StringBuilder();
    for (AuditEvent e : events) {
      body.append("<div class=\"card call-event\"><p><strong>").append(e.type())
          .append("</strong> ").append(esc(e.outcome())).append(" · ").append(esc(e.time()))
          .append(" · ").append(esc(e.principalId())).append(e.duration() == null ? ""
              : " · " + e.duration().toMillis() + " ms").append("</p><p>")
          .append(esc(e.detail() == null ? "" : e.detail())).append("</p>");
      if (e.input() != null || e.result() != null) {
        body.append("<h4>Input</h4>").append(Html.json(e.input())).append("<h4>Result</h4>")
            .append(Html.json(e.result()));
      } else {
        body.append("<p class=\"muted metadata-only\">Metadata only: inputs and results are "
            + "shown to admins and auditors.</p>");
      }
      body.append("</div>");
    }
    if (events.isEmpty()) {
      body.append("<p class=\"muted\">No events you may see.</p>");
    }
    return Response.page("Call " + r.param("id"), body.toString());
  }

  private Response export(Request r) throws Exception {
    StringWriter out = new StringWriter();
    p.gov.exportActivity(r.user(), AuditFilter.ALL, out);
    return Response.download("application/x-ndjson; charset=utf-8", out.toString());
  }
}
