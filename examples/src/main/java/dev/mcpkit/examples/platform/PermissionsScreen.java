package dev.mcpkit.examples.platform;

import static dev.mcpkit.examples.platform.Html.esc;

import dev.mcpkit.policy.AgentConnector;
import dev.mcpkit.policy.Page;
import dev.mcpkit.policy.ToolCatalog;
import dev.mcpkit.policy.ToolPermission;
import dev.mcpkit.policy.ToolSetting;
import java.util.Map;

/**
 * "Set tool permissions": every tool of each attached server, from the server's tool catalogue
 * (so it works before any user connected), with an Always allow / Needs approval / Disabled toggle
 * and a drift warning with "Accept new definition".
 */
final class PermissionsScreen {
  private static final String[][] CHOICES = {
      {"ALWAYS_ALLOW", "Always allow"}, {"NEEDS_APPROVAL", "Needs approval"},
      {"DISABLED", "Disabled"}};
  private final Platform p;

  PermissionsScreen(Platform p) {
    this.p = p;
  }

  void register(Map<String, WebConsole.Screen> routes) {
    routes.put("/permissions", this::show);
    routes.put("/permissions/set", this::set);
    routes.put("/permissions/confirm", this::confirm);
  }

  private Response show(Request r) throws Exception {
    StringBuilder body = new StringBuilder();
    for (AgentConnector c : p.gov.connectors(r.user(), Platform.AGENT, null, Page.MAX_LIMIT)
        .items()) {
      ToolCatalog catalog = p.gov.toolCatalog(r.user(), c.serverId());
      body.append("<div class=\"card\" id=\"permissions-").append(esc(c.serverId()))
          .append("\"><h3>").append(esc(c.serverId())).append("</h3>");
      if (catalog == null) {
        body.append("<p class=\"muted\">The tools of this server have not been listed yet: "
            + "connect your own account or a shared connection, or ").append(Html.button(r,
                "/servers/refresh-tools", "Refresh tools", "refresh", "id", c.serverId()))
            .append("</p></div>");
        continue;
      }
      body.append("<p class=\"muted\">Listed ").append(esc(catalog.discoveredAt()))
          .append(" with ").append(esc(catalog.discoveredWith())).append("</p><table>");
      String cursor = null;
      do {
        Page<ToolSetting> page = p.gov.toolSettings(r.user(), Platform.AGENT, c.serverId(),
            cursor, Page.MAX_LIMIT);
        for (ToolSetting t : page.items()) {
          body.append(row(r, t));
        }
        cursor = page.nextCursor();
      } while (cursor != null);
      body.append("</table></div>");
    }
    if (body.length() == 0) {
      body.append("<p class=\"muted\">Attach a server to the agent first.</p>");
    }
    return Response.page("Tool permissions", body.toString());
  }

  private String row(Request r, ToolSetting t) {
    String name = t.tool().name();
    StringBuilder toggle = new StringBuilder();
    for (String[] choice : CHOICES) {
      boolean on = t.permission().name().equals(choice[0]);
      toggle.append(Html.button(r, "/permissions/set", choice[1], (on ? "on " : "")
          + "perm-" + choice[0], "server", t.serverId(), "tool", name, "permission", choice[0]));
    }
    return "<tr id=\"tool-" + esc(t.serverId()) + "-" + esc(name) + "\"><td><code>" + esc(name)
        + "</code><br><span class=\"muted\">" + esc(t.tool().description()) + "</span>"
        + (t.drifted() ? "<br><span class=\"badge drift\">Definition changed since the rule was "
            + "set</span> " + Html.button(r, "/permissions/confirm", "Accept new definition",
                "confirm", "server", t.serverId(), "tool", name) : "")
        + "</td><td>" + (t.rule() == null ? "<span class=\"muted\">default</span>" : "set by "
            + esc(t.rule().setBy())) + "</td><td class=\"toggle\" data-permission=\""
        + t.permission() + "\">" + toggle + "</td></tr>";
  }

  private Response set(Request r) throws Exception {
    p.gov.setPermission(r.user(), Platform.AGENT, r.param("server"), r.param("tool"),
        ToolPermission.valueOf(r.param("permission")));
    return Response.redirect("/permissions#tool-" + r.param("server") + "-" + r.param("tool"));
  }

  private Response confirm(Request r) throws Exception {
    p.gov.confirmDefinition(r.user(), Platform.AGENT, r.param("server"), r.param("tool"));
    return Response.redirect("/permissions");
  }
}
