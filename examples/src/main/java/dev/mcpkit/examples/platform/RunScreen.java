package dev.mcpkit.examples.platform;

import static dev.mcpkit.examples.platform.Html.esc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import dev.mcpkit.core.schema.Content;
import dev.mcpkit.policy.AgentTools;
import dev.mcpkit.policy.CallOutcome;
import dev.mcpkit.policy.GovernedTool;
import dev.mcpkit.policy.Page;
import dev.mcpkit.policy.ServerRegistration;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Map;

/**
 * The run panel, standing in for the chat: pick a tool, fill its arguments (a form built from its
 * input schema), and see what the governance engine answers: the result with its raw tool call, the
 * "Needs approval" card (Approve, Reject), the connect prompt (Connect, Skip for now), or a denial.
 */
final class RunScreen {
  private final Platform p;

  RunScreen(Platform p) {
    this.p = p;
  }

  void register(Map<String, WebConsole.Screen> routes) {
    routes.put("/run", this::show);
    routes.put("/run/call", this::call);
    routes.put("/run/skip", this::skip);
    routes.put("/run/approve", this::approve);
    routes.put("/run/reject", this::reject);
  }

  private Response show(Request r) throws Exception {
    AgentTools offer = p.gov.listTools(r.user(), Platform.AGENT);
    StringBuilder body = new StringBuilder();
    for (CallOutcome.ConnectionRequired needed : offer.connectionsNeeded()) {
      body.append(connectCard(r, needed));
    }
    offer.unavailable().forEach((server, why) -> body.append("<p class=\"error\">")
        .append(esc(server)).append(": ").append(esc(why)).append("</p>"));
    body.append("<div class=\"card\" id=\"tools\"><h3>Tools the agent may use</h3><ul>");
    GovernedTool chosen = null;
    for (GovernedTool t : offer.tools()) {
      boolean selected = t.serverId().equals(r.param("server"))
          && t.tool().name().equals(r.param("tool"));
      chosen = selected ? t : chosen;
      body.append("<li><a class=\"pick\" id=\"pick-").append(esc(t.tool().name()))
          .append("\" href=\"/run?server=").append(enc(t.serverId())).append("&amp;tool=")
          .append(enc(t.tool().name())).append("\">").append(esc(t.tool().name()))
          .append("</a> <span class=\"badge\">").append(esc(t.serverId())).append("</span> ")
          .append("<span class=\"badge\">").append(t.permission()).append("</span></li>");
    }
    body.append("</ul></div>");
    if (chosen != null) {
      body.append(argumentsForm(r, chosen));
    }
    return Response.page("Run a tool", body.toString());
  }

  private String connectCard(Request r, CallOutcome.ConnectionRequired needed) {
    String connect = needed.authorizationUrl() != null
        ? "<a class=\"connect\" id=\"connect-" + esc(needed.serverId()) + "\" href=\""
            + esc(p.expect(needed.authorizationUrl(), r.user().id(), needed.connectionId(),
                "/run")) + "\">Connect</a>"
        : "<a class=\"connect\" id=\"connect-" + esc(needed.serverId())
            + "\" href=\"/connections/apikey?id=" + enc(needed.connectionId()) + "&amp;server="
            + enc(needed.serverId()) + "&amp;back=/run\">Connect</a>";
    return "<div class=\"card connect-card\" id=\"needs-" + esc(needed.serverId()) + "\">"
        + "<strong>" + esc(needed.serverName()) + "</strong> needs your account. " + connect
        + " " + Html.button(r, "/run/skip", "Skip for now", "skip", "server", needed.serverId())
        + "</div>";
  }

  private String argumentsForm(Request r, GovernedTool t) {
    StringBuilder fields = new StringBuilder();
    JsonNode props = t.tool().inputSchema() == null ? null
        : t.tool().inputSchema().path("properties");
    if (props != null && props.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> it = props.fields();
      while (it.hasNext()) {
        Map.Entry<String, JsonNode> e = it.next();
        String type = e.getValue().path("type").asText("string");
        String name = "arg." + e.getKey();
        String label = e.getKey() + (e.getValue().has("description") ? " (" + e.getValue()
            .path("description").asText() + ")" : "");
        String input = switch (type) {
          case "boolean" -> "<input type=\"checkbox\" name=\"" + esc(name) + "\" value=\"true\">";
          case "integer", "number" -> "<input type=\"number\" step=\"any\" name=\"" + esc(name)
              + "\" id=\"" + esc(name) + "\">";
          case "string" -> "<input type=\"text\" name=\"" + esc(name) + "\" id=\"" + esc(name)
              + "\">";
          default -> "<textarea name=\"" + esc(name) + "\" id=\"" + esc(name)
              + "\" placeholder=\"JSON\"></textarea>";
        };
        fields.append("<label>").append(esc(label)).append(" ").append(input).append("</label>");
      }
    }
    return "<div class=\"card\" id=\"arguments\"><h3><code>" + esc(t.tool().name())
        + "</code></h3><p class=\"muted\">" + esc(t.tool().description()) + "</p>"
        + Html.form(r, "/run/call", "", Html.hidden("server", t.serverId())
            + Html.hidden("tool", t.tool().name()) + fields
            + "<button type=\"submit\" id=\"call\">Call</button>") + "</div>";
  }

  private Response call(Request r) throws Exception {
    ObjectNode args = McpJson.object();
    ObjectNode schema = p.gov.listTools(r.user(), Platform.AGENT).tools().stream()
        .filter(t -> t.serverId().equals(r.param("server"))
            && t.tool().name().equals(r.param("tool")))
        .map(t -> t.tool().inputSchema()).findFirst().orElse(McpJson.object());
    for (Map.Entry<String, String> f : r.form().entrySet()) {
      if (!f.getKey().startsWith("arg.") || f.getValue().isEmpty()) {
        continue;
      }
      String key = f.getKey().substring(4);
      String type = schema.path("properties").path(key).path("type").asText("string");
      switch (type) {
        case "boolean" -> args.put(key, Boolean.parseBoolean(f.getValue()));
        case "integer" -> args.put(key, Long.parseLong(f.getValue().trim()));
        case "number" -> args.put(key, Double.parseDouble(f.getValue().trim()));
        case "string" -> args.put(key, f.getValue());
        default -> args.set(key, McpJson.mapper().readTree(f.getValue()));
      }
    }
    CallOutcome outcome = p.gov.invoke(r.user(), Platform.AGENT, r.param("server"),
        r.param("tool"), args);
    return Response.page("Run a tool", outcome(r, outcome, r.param("tool"), args));
  }

  /** The engine's answer, as the chat would show it. */
  String outcome(Request r, CallOutcome outcome, String tool, ObjectNode args) {
    if (outcome instanceof CallOutcome.Completed c) {
      StringBuilder text = new StringBuilder();
      for (Content.ContentBlock block : c.result().content()) {
        if (block instanceof Content.Text t) {
          text.append(esc(t.text())).append("<br>");
        }
      }
      ObjectNode request = McpJson.object().put("method", "tools/call");
      request.putObject("params").put("name", tool).set("arguments", args);
      return "<div class=\"card\" id=\"result\"><h3>Result" + (Boolean.TRUE.equals(
          c.result().isError()) ? " (the tool reported an error)" : "") + "</h3><div id=\""
          + "result-text\">" + text + "</div><details id=\"raw-call\" open><summary>Raw tool call"
          + "</summary><h4>Request</h4>" + Html.json(request) + "<h4>Result</h4>"
          + Html.json(c.result()) + "<p class=\"muted\">" + c.duration().toMillis() + " ms · "
          + "<a href=\"/activity/call?id=" + enc(c.correlationId()) + "\" id=\"call-events\">"
          + "in the activity log</a></p></details></div>";
    }
    if (outcome instanceof CallOutcome.ApprovalRequired a) {
      boolean mayApprove;
      try {
        mayApprove = p.gov.approvals(r.user(), null, Page.MAX_LIMIT).items().stream()
            .anyMatch(x -> x.id().equals(a.approvalId()));
      } catch (java.io.IOException e) {
        mayApprove = false;
      }
      return "<div class=\"card approval\" id=\"approval\"><h3>Needs approval</h3><p><code>"
          + esc(a.tool()) + "</code> on <strong>" + esc(a.serverId()) + "</strong> waits for "
          + esc(a.approvers()) + " (until " + esc(a.expiresAt()) + ").</p>"
          + Html.json(a.arguments())
          + (mayApprove ? Html.button(r, "/run/approve", "Approve", "approve", "id",
              a.approvalId()) : "<p class=\"muted\" id=\"waiting\">Waiting for someone else "
              + "to approve it in their Approvals inbox.</p>")
          + Html.button(r, "/run/reject", "Reject", "reject", "id", a.approvalId()) + "</div>";
    }
    if (outcome instanceof CallOutcome.ConnectionRequired c) {
      return connectCard(r, c);
    }
    if (outcome instanceof CallOutcome.Denied d) {
      return "<p class=\"error\" id=\"denied\">Denied (" + esc(d.rule()) + "): "
          + esc(d.reason()) + "</p>";
    }
    CallOutcome.Failed f = (CallOutcome.Failed) outcome;
    return "<p class=\"error\" id=\"failed\">Failed: " + esc(f.reason()) + "</p>";
  }

  private Response skip(Request r) throws Exception {
    p.gov.skipConnection(r.user(), Platform.AGENT, r.param("server"));
    r.session().flash("Skipped for now; you will be asked again on the next call");
    return Response.redirect("/run");
  }

  private Response approve(Request r) throws Exception {
    var pending = p.gov.approvals(r.user(), null, Page.MAX_LIMIT).items().stream()
        .filter(x -> x.id().equals(r.param("id"))).findFirst();
    CallOutcome outcome = p.gov.approve(r.param("id"), r.user());
    return Response.page("Approved call", outcome(r, outcome,
        pending.map(x -> x.tool()).orElse("?"), pending.map(x -> x.arguments())
            .orElse(McpJson.object())));
  }

  private Response reject(Request r) throws Exception {
    p.gov.reject(r.param("id"), r.user(), ServersScreen.nullIfEmpty(r.param("reason")));
    r.session().flash("Rejected; the call did not run");
    return Response.redirect(ConnectorsScreen.back(r, "/approvals"));
  }

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  static String serverName(ServerRegistration s) {
    return s == null ? "" : s.name();
  }
}
