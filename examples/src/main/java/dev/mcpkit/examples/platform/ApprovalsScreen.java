package dev.mcpkit.examples.platform;

import static dev.mcpkit.examples.platform.Html.esc;

import dev.mcpkit.policy.ApprovalRequest;
import dev.mcpkit.policy.Page;
import java.util.Map;

/** The approvals inbox: the calls waiting for this user's decision, with Approve and Reject. */
final class ApprovalsScreen {
  private final Platform p;

  ApprovalsScreen(Platform p) {
    this.p = p;
  }

  void register(Map<String, WebConsole.Screen> routes) {
    routes.put("/approvals", this::inbox);
  }

  private Response inbox(Request r) throws Exception {
    Page<ApprovalRequest> page = p.gov.approvals(r.user(), ServersScreen.nullIfEmpty(
        r.param("cursor")), 50);
    StringBuilder body = new StringBuilder();
    for (ApprovalRequest a : page.items()) {
      body.append("<div class=\"card approval\" id=\"approval-").append(esc(a.id()))
          .append("\"><p><strong>").append(esc(a.principalId())).append("</strong> asks to run "
              + "<code>").append(esc(a.tool())).append("</code> on <strong>")
          .append(esc(a.serverId())).append("</strong> through agent ").append(esc(a.agentId()))
          .append(" · expires ").append(esc(a.expiresAt())).append("</p>")
          .append(Html.json(a.arguments()))
          .append(Html.button(r, "/run/approve", "Approve", "approve", "id", a.id()))
          .append(Html.button(r, "/run/reject", "Reject", "reject", "id", a.id(), "back",
              "/approvals"))
          .append("</div>");
    }
    if (page.items().isEmpty()) {
      body.append("<p class=\"muted\" id=\"inbox-empty\">Nothing is waiting for you.</p>");
    }
    if (page.hasMore()) {
      body.append("<p><a href=\"/approvals?cursor=").append(esc(page.nextCursor()))
          .append("\">Next page</a></p>");
    }
    return Response.page("Approvals", body.toString());
  }
}
