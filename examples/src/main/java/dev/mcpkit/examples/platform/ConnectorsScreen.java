package dev.mcpkit.examples.platform;

import static dev.mcpkit.examples.platform.Html.esc;

import dev.mcpkit.policy.AgentConnector;
import dev.mcpkit.policy.Connection;
import dev.mcpkit.policy.ConnectionMethod;
import dev.mcpkit.policy.ConnectionShare;
import dev.mcpkit.policy.Page;
import dev.mcpkit.policy.Principal;
import dev.mcpkit.policy.ServerRegistration;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An agent's connectors: "+ Add Connector" from the servers this user may use, each user's own
 * connection or a shared one, and the connection menu (share, reconnect, rename, delete). Also the
 * OAuth callback and the API-key form that complete a connection.
 */
final class ConnectorsScreen {
  private final Platform p;

  ConnectorsScreen(Platform p) {
    this.p = p;
  }

  void register(Map<String, WebConsole.Screen> routes) {
    routes.put("/agent", this::list);
    routes.put("/connectors/add", this::add);
    routes.put("/connectors/remove", this::remove);
    routes.put("/connections/connect", this::connect);
    routes.put("/connections/reconnect", this::reconnect);
    routes.put("/connections/apikey", this::apiKey);
    routes.put("/connections/rename", this::rename);
    routes.put("/connections/share", this::share);
    routes.put("/connections/delete", this::delete);
    routes.put("/oauth/callback", this::callback);
  }

  ServerRegistration server(Principal viewer, String id) throws Exception {
    return p.gov.servers(viewer, null, Page.MAX_LIMIT).items().stream()
        .filter(s -> s.id().equals(id)).findFirst().orElseThrow(() ->
            new IllegalArgumentException("server '" + id + "' is not one you may use"));
  }

  private Response list(Request r) throws Exception {
    Principal u = r.user();
    List<ServerRegistration> usable = p.gov.servers(u, null, Page.MAX_LIMIT).items();
    List<String> attached = new ArrayList<>();
    StringBuilder cards = new StringBuilder();
    for (AgentConnector c : p.gov.connectors(u, Platform.AGENT, null, Page.MAX_LIMIT).items()) {
      attached.add(c.serverId());
      ServerRegistration s = usable.stream().filter(x -> x.id().equals(c.serverId())).findFirst()
          .orElse(null);
      String name = s == null ? c.serverId() : s.name();
      Connection conn = null;
      for (Connection x : p.gov.connections(u, c.serverId(), null, Page.MAX_LIMIT).items()) {
        boolean mine = c.method() == ConnectionMethod.PER_USER
            ? x.method() == ConnectionMethod.PER_USER && x.ownerId().equals(u.id())
            : x.id().equals(c.sharedConnectionId());
        if (mine) {
          conn = x;
        }
      }
      cards.append("<div class=\"card connector\" id=\"connector-").append(esc(c.serverId()))
          .append("\">").append(s == null ? "" : ServersScreen.icon(s)).append(" <strong>")
          .append(esc(name)).append("</strong> <span class=\"badge\">")
          .append(c.method() == ConnectionMethod.PER_USER ? "Each user connects"
              : "Shared connection").append("</span><p>");
      if (conn == null) {
        cards.append(c.method() == ConnectionMethod.PER_USER ? "You have not connected yet. "
            + Html.button(r, "/connections/connect", "Connect", "connect", "server", c.serverId())
            : "The shared connection is not shared with you.");
      } else {
        cards.append("Connection <strong class=\"connection-name\">").append(esc(conn.name()))
            .append("</strong> <span class=\"badge status\">").append(conn.status())
            .append("</span> ").append(menu(r, conn));
      }
      cards.append("</p>").append(Html.button(r, "/connectors/remove", "Remove connector",
          "detach", "server", c.serverId())).append("</div>");
    }
    StringBuilder options = new StringBuilder();
    for (ServerRegistration s : usable) {
      if (!attached.contains(s.id())) {
        options.append(Html.option(s.id(), s.name(), false));
      }
    }
    String add = options.length() == 0 ? "<p class=\"muted\">Every server you may use is "
        + "attached.</p>" : "<div class=\"card\" id=\"add-connector\"><h3>+ Add Connector</h3>"
        + Html.form(r, "/connectors/add", "", "<label>Server <select name=\"server\" "
            + "id=\"f-server\">" + options + "</select></label>"
            + "<label><input type=\"radio\" name=\"method\" value=\"PER_USER\" id=\"m-per-user\" "
            + "checked> Each user connects their own account (recommended)</label>"
            + (u.isAdmin() ? "<label><input type=\"radio\" name=\"method\" value=\"SHARED\" "
                + "id=\"m-shared\"> A shared connection (service account) named "
                + "<input type=\"text\" name=\"connectionName\" id=\"f-connectionName\"></label>"
                : "")
            + "<button type=\"submit\" id=\"add\">Add</button>") + "</div>";
    return Response.page("Agent '" + Platform.AGENT + "': connectors", cards + add);
  }

  /** The connection menu: share (shared connections), reconnect, rename, delete. */
  private String menu(Request r, Connection c) {
    String id = c.id();
    return "<details class=\"menu\" id=\"menu-" + esc(id) + "\"><summary>⋯ Connection menu"
        + "</summary><div>"
        + (c.method() == ConnectionMethod.SHARED ? "<a href=\"/connections/share?id=" + esc(id)
            + "\" class=\"share-connection\">Share</a><br>" : "")
        + Html.button(r, "/connections/reconnect", "Reconnect", "reconnect", "id", id) + "<br>"
        + Html.form(r, "/connections/rename", "class=\"inline\"", Html.hidden("id", id)
            + "<input type=\"text\" name=\"name\" class=\"rename-name\" value=\""
            + esc(c.name()) + "\"><button type=\"submit\" class=\"rename\">Rename</button>")
        + "<br>" + Html.button(r, "/connections/delete", "Delete", "delete", "id", id)
        + "</div></details>";
  }

  private Response add(Request r) throws Exception {
    String server = r.param("server");
    if (r.param("method").equals("SHARED")) {
      String name = ServersScreen.nullIfEmpty(r.param("connectionName"));
      Connection shared = p.gov.openSharedConnection(r.user(), server,
          name == null ? server + " service account" : name, List.of());
      p.gov.attach(r.user(), AgentConnector.shared(Platform.AGENT, server, shared.id()));
      return start(r, shared, "/agent");
    }
    p.gov.attach(r.user(), AgentConnector.perUser(Platform.AGENT, server));
    r.session().flash("Attached '" + server + "'; each user connects their own account");
    return Response.redirect("/agent");
  }

  private Response remove(Request r) throws Exception {
    p.gov.detach(r.user(), Platform.AGENT, r.param("server"));
    return Response.redirect("/agent");
  }

  private Response connect(Request r) throws Exception {
    Connection c = p.gov.openConnection(r.user(), r.param("server"));
    return start(r, c, back(r, "/agent"));
  }

  private Response reconnect(Request r) throws Exception {
    Connection c = p.gov.connections(r.user(), serverOf(r, r.param("id")), null, Page.MAX_LIMIT)
        .items().stream().filter(x -> x.id().equals(r.param("id"))).findFirst().orElseThrow();
    return start(r, c, "/agent");
  }

  /** Sends the user to the authorization server (OAuth) or to the API-key form. */
  Response start(Request r, Connection c, String returnTo) throws Exception {
    ServerRegistration s = server(r.user(), c.serverId());
    if (s.auth() == ServerRegistration.Auth.API_KEY) {
      return Response.redirect("/connections/apikey?id=" + c.id() + "&server=" + s.id()
          + "&back=" + java.net.URLEncoder.encode(returnTo, java.nio.charset.StandardCharsets.UTF_8));
    }
    URI url = p.gov.authorize(r.user(), c.id());
    return Response.redirect(p.expect(url, r.user().id(), c.id(), returnTo).toString());
  }

  private Response apiKey(Request r) throws Exception {
    if (r.post()) {
      p.gov.saveApiKey(r.user(), r.param("id"), r.param("apiKey"));
      r.session().flash("Connected");
      return Response.redirect(back(r, "/agent"));
    }
    return Response.page("Connect with an API key", "<div class=\"card\">" + Html.form(r,
        "/connections/apikey", "", Html.hidden("id", r.param("id"))
            + Html.hidden("back", back(r, "/agent"))
            + "<label>API key for '" + esc(r.param("server")) + "' <input type=\"password\" "
            + "name=\"apiKey\" id=\"f-apiKey\" autocomplete=\"off\"></label>"
            + "<button type=\"submit\" id=\"save-key\">Connect</button>") + "</div>");
  }

  private Response rename(Request r) throws Exception {
    p.gov.renameConnection(r.user(), r.param("id"), r.param("name"));
    r.session().flash("Renamed the connection to '" + r.param("name") + "'");
    return Response.redirect("/agent");
  }

  private Response share(Request r) throws Exception {
    if (r.post()) {
      List<ConnectionShare> shares = new ArrayList<>();
      if (!r.param("team").isEmpty()) {
        shares.add(ConnectionShare.team(ConnectionShare.Permission.USE));
      }
      r.form().forEach((k, v) -> {
        if (k.startsWith("user.") && !v.isEmpty()) {
          shares.add(ConnectionShare.user(k.substring(5), ConnectionShare.Permission.valueOf(v)));
        }
      });
      p.gov.shareConnection(r.user(), r.param("id"), shares);
      r.session().flash("Shared the connection");
      return Response.redirect("/agent");
    }
    StringBuilder people = new StringBuilder();
    for (Principal person : Platform.PEOPLE) {
      people.append("<label>").append(esc(person.id())).append(" <select name=\"user.")
          .append(esc(person.id())).append("\" id=\"cs-").append(esc(person.id()))
          .append("\"><option value=\"\">no access</option><option value=\"USE\">can use"
              + "</option><option value=\"MANAGE\">can manage</option></select></label>");
    }
    return Response.page("Share the connection", "<div class=\"card\" id=\"connection-share\">"
        + Html.form(r, "/connections/share", "", Html.hidden("id", r.param("id"))
            + "<label><input type=\"checkbox\" name=\"team\" id=\"cs-team\" value=\"on\"> "
            + "Everyone in the team can use it</label>" + people
            + "<button type=\"submit\" id=\"save-connection-share\">Save</button>") + "</div>");
  }

  private Response delete(Request r) throws Exception {
    p.gov.deleteConnection(r.user(), r.param("id"));
    r.session().flash("Deleted the connection and revoked its credentials");
    return Response.redirect("/agent");
  }

  private Response callback(Request r) throws Exception {
    Platform.PendingOAuth flow = p.complete(r.query().get("state"));
    if (flow == null) {
      return Response.error(400, "this authorization is unknown or was already completed");
    }
    URI full = URI.create(p.callbackUrl + "?" + rawQuery(r));
    p.gov.completeAuthorization(p.person(flow.userId()), flow.connectionId(), full);
    r.session().flash("Connected");
    return Response.redirect(flow.returnTo());
  }

  private static String rawQuery(Request r) {
    StringBuilder q = new StringBuilder();
    r.query().forEach((k, v) -> q.append(q.length() == 0 ? "" : "&")
        .append(java.net.URLEncoder.encode(k, java.nio.charset.StandardCharsets.UTF_8)).append('=')
        .append(java.net.URLEncoder.encode(v, java.nio.charset.StandardCharsets.UTF_8)));
    return q.toString();
  }

  private String serverOf(Request r, String connectionId) throws Exception {
    for (ServerRegistration s : p.gov.servers(r.user(), null, Page.MAX_LIMIT).items()) {
      for (Connection c : p.gov.connections(r.user(), s.id(), null, Page.MAX_LIMIT).items()) {
        if (c.id().equals(connectionId)) {
          return s.id();
        }
      }
    }
    throw new IllegalArgumentException("no connection '" + connectionId + "' you may use");
  }

  static String back(Request r, String fallback) {
    String b = r.param("back");
    return b.startsWith("/") && !b.startsWith("//") ? b : fallback;
  }
}
