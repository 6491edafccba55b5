package dev.mcpkit.examples.platform;

import static dev.mcpkit.examples.platform.Html.esc;

import dev.mcpkit.policy.GeneralAccess;
import dev.mcpkit.policy.Page;
import dev.mcpkit.policy.PayloadPolicy;
import dev.mcpkit.policy.Principal;
import dev.mcpkit.policy.ServerRegistration;
import dev.mcpkit.policy.Sharing;
import java.net.URI;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The organization's MCP Servers tab: list, add, edit, remove, and the share dialog. */
final class ServersScreen {
  private final Platform p;

  ServersScreen(Platform p) {
    this.p = p;
  }

  void register(Map<String, WebConsole.Screen> routes) {
    routes.put("/servers", this::list);
    routes.put("/servers/edit", this::edit);
    routes.put("/servers/save", this::save);
    routes.put("/servers/remove", this::remove);
    routes.put("/servers/share", this::share);
    routes.put("/servers/refresh-tools", this::refresh);
  }

  private Response list(Request r) throws Exception {
    Page<ServerRegistration> page = p.gov.servers(r.user(), nullIfEmpty(r.param("cursor")), 50);
    boolean admin = r.user().organizationAdmin();
    StringBuilder rows = new StringBuilder();
    for (ServerRegistration s : page.items()) {
      rows.append("<tr id=\"server-").append(esc(s.id())).append("\"><td>").append(icon(s))
          .append("</td><td><strong>").append(esc(s.name())).append("</strong><br><span class=")
          .append("\"muted description\">").append(esc(s.description())).append("</span></td><td>")
          .append(esc(shown(s.url()))).append("</td><td>").append(s.transport() == ServerRegistration
              .Transport.SSE ? "SSE (legacy)" : "Streamable HTTP").append("</td><td>")
          .append(s.auth() == ServerRegistration.Auth.OAUTH ? "OAuth 2.0" : "API key")
          .append("</td>");
      if (admin) {
        rows.append("<td>").append(esc(describe(p.gov.sharing(r.user(), s.id()))))
            .append("</td><td><a href=\"/servers/edit?id=").append(esc(s.id()))
            .append("\" class=\"edit\">Edit</a> <a href=\"/servers/share?id=").append(esc(s.id()))
            .append("\" class=\"share\">Share</a> ")
            .append(Html.button(r, "/servers/refresh-tools", "Refresh tools", "refresh", "id",
                s.id()))
            .append(Html.button(r, "/servers/remove", "Remove", "remove", "id", s.id()))
            .append("</td>");
      }
      rows.append("</tr>");
    }
    String body = (admin ? "<p><a href=\"/servers/edit\" id=\"add-server\">+ Add MCP server</a>"
        + "</p>" : "<p class=\"muted\">The servers shared with you. Only admins register "
        + "servers.</p>")
        + "<table id=\"servers\"><tr><th></th><th>Name</th><th>URL</th><th>Transport</th>"
        + "<th>Authentication</th>" + (admin ? "<th>Shared with</th><th></th>" : "") + "</tr>"
        + rows + "</table>" + (page.hasMore() ? "<p><a href=\"/servers?cursor="
        + esc(page.nextCursor()) + "\">Next page</a></p>" : "");
    return Response.page("MCP Servers", body);
  }

  /**
   * A server URL as the list shows it: path segments that look like a capability token (20 or more
   * base64url characters) are masked, so a capability URL's secret is not on screen; the edit form
   * shows the whole URL to admins.
   */
  static String shown(URI url) {
    String path = url.getRawPath() == null ? "" : url.getRawPath();
    return url.getScheme() + "://" + url.getRawAuthority()
        + path.replaceAll("(?<=/)[A-Za-z0-9_-]{20,}(?=/|$)", "…");
  }

  static String icon(ServerRegistration s) {
    if (s.icon() != null && "data".equals(s.icon().getScheme())) {
      return "<img class=\"icon\" alt=\"\" src=\"" + esc(s.icon()) + "\">";
    }
    return "<span class=\"icon badge\">" + esc(s.name().substring(0, 1)) + "</span>";
  }

  static String describe(Sharing s) {
    if (s.access() == GeneralAccess.TEAM) {
      return "Team (everyone)";
    }
    if (s.users().isEmpty() && s.groups().isEmpty()) {
      return "Restricted: nobody yet";
    }
    return "Restricted: " + String.join(", ", s.users().stream().sorted().toList())
        + (s.groups().isEmpty() ? "" : " groups " + String.join(", ",
            s.groups().stream().sorted().toList()));
  }

  private Response edit(Request r) throws Exception {
    ServerRegistration s = null;
    if (!r.param("id").isEmpty()) {
      s = p.gov.servers(r.user(), null, Page.MAX_LIMIT).items().stream()
          .filter(x -> x.id().equals(r.param("id"))).findFirst().orElse(null);
    }
    boolean oauth = s == null || s.auth() == ServerRegistration.Auth.OAUTH;
    ServerRegistration.OAuthClient c = s == null ? null : s.oauthClient();
    String body = Html.form(r, "/servers/save", "id=\"server-form\"",
        (s == null ? Html.field("Id", "id", "", "required pattern=\"[A-Za-z0-9_.-]{1,64}\"")
            : Html.hidden("id", s.id()) + "<p>Id <code>" + esc(s.id()) + "</code></p>")
        + "<label>Icon <input type=\"file\" id=\"icon-file\" accept=\"image/png,image/jpeg,"
        + "image/gif,image/webp\" data-target=\"icon\"></label>"
        + "<input type=\"hidden\" name=\"icon\" id=\"icon\" value=\""
        + esc(s == null || s.icon() == null ? "" : s.icon()) + "\">"
        + "<img id=\"icon-preview\" class=\"icon\" alt=\"\"" + (s != null && s.icon() != null
            && "data".equals(s.icon().getScheme()) ? " src=\"" + esc(s.icon()) + "\"" : " hidden")
        + ">"
        + Html.field("Name", "name", s == null ? "" : s.name(), "required")
        + "<label>Description <textarea name=\"description\" id=\"f-description\">"
        + esc(s == null ? "" : s.description()) + "</textarea></label>"
        + Html.field("URL", "url", s == null ? "" : s.url().toString(), "required")
        + "<label>Transport " + Html.select("transport", "f-transport", List.of(
            new String[] {"STREAMABLE_HTTP", "Streamable HTTP"},
            new String[] {"SSE", "SSE (legacy)"}), s == null ? "STREAMABLE_HTTP"
                : s.transport().name()) + "</label>"
        + "<label>Authentication " + Html.select("auth", "f-auth", List.of(
            new String[] {"OAUTH", "OAuth 2.0"}, new String[] {"API_KEY", "API key"}),
            oauth ? "OAUTH" : "API_KEY") + "</label>"
        + Html.field("API key header (API key only)", "apiKeyHeader",
            s == null || s.apiKeyHeader() == null ? "" : s.apiKeyHeader(), "")
        + "<label>Activity log keeps " + Html.select("payloadPolicy", "f-payload", List.of(
            new String[] {"FULL", "inputs and results"},
            new String[] {"REDACTED", "their shape only"},
            new String[] {"METADATA_ONLY", "metadata only"}), s == null ? "FULL"
                : s.payloadPolicy().name()) + "</label>"
        + "<details id=\"advanced\"" + (c != null ? " open" : "") + "><summary>Advanced "
        + "settings: custom OAuth client</summary>"
        + "<p>Redirect URL to register at the authorization server: <code id=\"redirect-url\">"
        + esc(p.callbackUrl) + "</code></p>"
        + Html.field("Client id", "clientId", c == null ? "" : c.clientId(), "")
        + "<label>Client secret <input type=\"password\" name=\"clientSecret\" "
        + "id=\"f-clientSecret\" autocomplete=\"off\" placeholder=\""
        + (c != null && c.hasClientSecret() ? "(stored; leave empty to keep)" : "") + "\"></label>"
        + Html.field("Scope", "scope", c == null || c.scope() == null ? "" : c.scope(), "")
        + Html.field("Redirect URL", "redirectUrl", c == null || c.redirectUrl() == null
            ? p.callbackUrl.toString() : c.redirectUrl().toString(), "")
        + "</details><p><button type=\"submit\" id=\"save-server\">Save</button> "
        + "<a href=\"/servers\">Cancel</a></p>");
    return Response.page(s == null ? "Add MCP server" : "Edit " + s.name(), body);
  }

  private Response save(Request r) throws Exception {
    ServerRegistration.Builder b = ServerRegistration.builder(r.param("id"))
        .name(r.param("name")).description(r.param("description"))
        .url(URI.create(r.param("url").trim()))
        .transport(ServerRegistration.Transport.valueOf(r.param("transport")))
        .payloadPolicy(PayloadPolicy.valueOf(r.param("payloadPolicy")));
    if (!r.param("icon").isEmpty()) {
      b.icon(URI.create(r.param("icon")));
    }
    String secret = null;
    if (r.param("auth").equals("API_KEY")) {
      b.apiKey(nullIfEmpty(r.param("apiKeyHeader")));
    } else if (!r.param("clientId").isBlank()) {
      b.oauthClient(r.param("clientId").trim(), nullIfEmpty(r.param("scope")),
          r.param("redirectUrl").isBlank() ? null : URI.create(r.param("redirectUrl").trim()));
      secret = nullIfEmpty(r.param("clientSecret"));
    } else {
      b.oauth();
    }
    ServerRegistration saved = p.gov.registerServer(r.user(), b.build(), secret);
    r.session().flash("Saved server '" + saved.name() + "'");
    return Response.redirect("/servers");
  }

  private Response remove(Request r) throws Exception {
    p.gov.removeServer(r.user(), r.param("id"));
    r.session().flash("Removed server '" + r.param("id") + "'");
    return Response.redirect("/servers");
  }

  private Response refresh(Request r) throws Exception {
    int n = p.gov.refreshToolCatalog(r.user(), r.param("id")).tools().size();
    r.session().flash("Listed " + n + " tools of '" + r.param("id") + "'");
    return Response.redirect("/servers");
  }

  private Response share(Request r) throws Exception {
    String id = r.param("id");
    if (r.post()) {
      Set<String> users = new HashSet<>();
      Set<String> groups = new HashSet<>();
      r.form().forEach((k, v) -> {
        if (k.startsWith("user.")) {
          users.add(k.substring(5));
        } else if (k.startsWith("group.")) {
          groups.add(k.substring(6));
        }
      });
      p.gov.share(r.user(), id, new Sharing(users, groups,
          GeneralAccess.valueOf(r.param("access"))));
      r.session().flash("Updated who can use '" + id + "'");
      return Response.redirect("/servers");
    }
    Sharing s = p.gov.sharing(r.user(), id);
    StringBuilder people = new StringBuilder("<fieldset><legend>People</legend>");
    Set<String> allGroups = new java.util.TreeSet<>();
    for (Principal person : Platform.PEOPLE) {
      allGroups.addAll(person.groups());
      people.append(check("user." + person.id(), person.id(), s.users().contains(person.id())));
    }
    people.append("</fieldset><fieldset><legend>Groups</legend>");
    for (String g : allGroups) {
      people.append(check("group." + g, g, s.groups().contains(g)));
    }
    people.append("</fieldset><fieldset><legend>General access</legend>")
        .append(radio("RESTRICTED", "Restricted: only the people and groups above",
            s.access() == GeneralAccess.RESTRICTED))
        .append(radio("TEAM", "Team: everyone in the organization",
            s.access() == GeneralAccess.TEAM)).append("</fieldset>");
    return Response.page("Share '" + id + "'", "<div class=\"card\" id=\"share-dialog\">"
        + Html.form(r, "/servers/share", "", Html.hidden("id", id) + people
            + "<button type=\"submit\" id=\"save-share\">Save</button>") + "</div>");
  }

  private static String check(String name, String label, boolean on) {
    return "<label><input type=\"checkbox\" name=\"" + esc(name) + "\" id=\"" + esc(name)
        + "\" value=\"on\"" + (on ? " checked" : "") + "> " + esc(label) + "</label>";
  }

  private static String radio(String value, String label, boolean on) {
    return "<label><input type=\"radio\" name=\"access\" id=\"access-" + value + "\" value=\""
        + value + "\"" + (on ? " checked" : "") + "> " + esc(label) + "</label>";
  }

  static String nullIfEmpty(String s) {
    return s == null || s.isBlank() ? null : s.trim();
  }
}
