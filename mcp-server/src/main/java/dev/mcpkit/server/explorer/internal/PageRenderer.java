package dev.mcpkit.server.explorer.internal;

import dev.mcpkit.server.explorer.Snippet;
import static dev.mcpkit.server.explorer.internal.Html.escape;

import dev.mcpkit.server.explorer.AuthHint;
import dev.mcpkit.server.explorer.ExplorerModel;
import dev.mcpkit.server.explorer.ToolView;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the explorer page: the Tools, Run test and Connect sections rendered here (every model
 * string escaped), the forms and results left to the inlined script, which reads its data from a
 * JSON block that is never executed.
 */
public final class PageRenderer {
  private PageRenderer() {}

  /** The whole page; {@code nonce} is the one in this response's Content-Security-Policy. */
  public static String render(ExplorerModel model, String nonce) {
    Map<String, List<FormField>> forms = new LinkedHashMap<>();
    for (ToolView tool : model.tools()) {
      forms.putIfAbsent(tool.name(), FormFields.of(tool.inputSchema()));
    }
    List<Snippet> snippets = Snippets.of(model);
    String name = escape(model.serverName());
    String version = model.serverVersion() == null ? "" : escape(model.serverVersion());

    StringBuilder out = new StringBuilder(32 * 1024);
    out.append("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
        .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
        .append("<meta name=\"referrer\" content=\"no-referrer\">\n")
        .append("<title>").append(name).append(" \u00b7 MCP explorer</title>\n")
        .append("<link rel=\"icon\" href=\"data:,\">\n")
        .append("<style nonce=\"").append(nonce).append("\">\n").append(Assets.text("explorer.css"))
        .append("</style>\n</head>\n<body>\n");

    out.append("<header class=\"topbar\"><div class=\"wrap bar\">")
        .append("<div class=\"brand\"><span class=\"mark\">MCP</span><h1>").append(name)
        .append("</h1>");
    if (!version.isEmpty()) {
      out.append("<span class=\"version\">").append(version).append("</span>");
    }
    out.append("</div><nav><a href=\"#tools\">Tools <span class=\"count\">")
        .append(model.tools().size()).append("</span></a><a href=\"#run\">Run test</a>")
        .append("<a href=\"#connect\">Connect</a></nav></div></header>\n<main class=\"wrap\">\n");

    tools(model, forms, out);
    run(model, out);
    connect(model, snippets, out);

    out.append("</main>\n<footer class=\"wrap\">MCP explorer for <strong>").append(name)
        .append("</strong>").append(version.isEmpty() ? "" : " " + version)
        .append(" \u00b7 served by mcpkit from this server; nothing is loaded from elsewhere.")
        .append("</footer>\n");
    out.append("<script type=\"application/json\" id=\"explorer-data\">")
        .append(PageData.json(model, forms, snippets)).append("</script>\n");
    out.append("<script nonce=\"").append(nonce).append("\">\n").append(Assets.text("explorer.js"))
        .append("</script>\n</body>\n</html>\n");
    return out.toString();
  }

  private static void tools(ExplorerModel model, Map<String, List<FormField>> forms,
      StringBuilder out) {
    int count = model.tools().size();
    out.append("<section id=\"tools\">\n<div class=\"section-head\"><h2>Tools</h2><p>")
        .append(count == 1 ? "1 tool" : count + " tools").append(" exposed");
    if (!model.rejected().isEmpty()) {
      out.append(" \u00b7 <a href=\"#rejected\">").append(model.rejected().size())
          .append(" rejected</a>");
    }
    out.append("</p></div>\n");
    ToolCards.rejected(model.rejected(), out);
    if (count == 0) {
      out.append("<p class=\"card muted\">This server exposes no tools yet.</p>\n");
    }
    for (ToolView tool : model.tools()) {
      ToolCards.card(tool, forms.get(tool.name()), out);
    }
    out.append("</section>\n");
  }

  private static void run(ExplorerModel model, StringBuilder out) {
    out.append("<section id=\"run\">\n<div class=\"section-head\"><h2>Run test</h2>")
        .append("<p>Calls a tool through this endpoint, as a client would: <code>initialize</code>")
        .append(" once, then <code>tools/call</code>.</p></div>\n");
    if (model.tools().isEmpty()) {
      out.append("<p class=\"card muted\">Nothing to run: no tool is exposed.</p>\n</section>\n");
      return;
    }
    out.append("<div class=\"run-grid\">\n<form id=\"run-form\" class=\"card\" novalidate>\n")
        .append("<label class=\"field\"><span class=\"field-label\">Tool</span>")
        .append("<select id=\"run-tool\" name=\"tool\">");
    for (ToolView tool : model.tools()) {
      out.append("<option value=\"").append(escape(tool.name())).append("\">")
          .append(escape(tool.name())).append("</option>");
    }
    out.append("</select></label>\n");
    String header = credentialHeader(model.auth());
    if (header != null) {
      out.append("<label class=\"field\"><span class=\"field-label\">")
          .append(model.auth() instanceof AuthHint.Bearer ? "Bearer token" : "API key")
          .append(" <span class=\"type\">").append(escape(header)).append(" header</span></span>")
          .append("<input id=\"run-credential\" type=\"password\" autocomplete=\"off\">")
          .append("<span class=\"hint\">Kept in this page only; sent only to this endpoint."
              + " Leave empty if your browser session already authenticates.</span></label>\n");
    }
    out.append("<div id=\"run-fields\"></div>\n<div class=\"actions\">")
        .append("<button type=\"submit\" class=\"primary\" id=\"run-submit\">Run tool</button>")
        .append("<span id=\"run-status\" class=\"muted small\"></span></div>\n</form>\n")
        .append("<div id=\"run-result\" class=\"card result empty\" aria-live=\"polite\">")
        .append("<p class=\"muted\">The result appears here: text, images, structured content or")
        .append(" the error, with the time the call took.</p></div>\n</div>\n</section>\n");
  }

  private static void connect(ExplorerModel model, List<Snippet> snippets, StringBuilder out) {
    out.append("<section id=\"connect\">\n<div class=\"section-head\"><h2>Connect</h2>")
        .append("<p>Everything a client needs to reach this server.</p></div>\n")
        .append("<div class=\"card\">\n<div class=\"label\">Server URL</div>\n")
        .append("<div class=\"url-row\"><code id=\"endpoint-url\">")
        .append(escape(PageData.mask(model, model.endpointUrl()))).append("</code>");
    if (model.capabilityToken() != null) {
      out.append("<button type=\"button\" id=\"reveal\" aria-pressed=\"false\">Reveal</button>");
    }
    out.append("<button type=\"button\" class=\"copy\" data-copy=\"endpoint\">Copy</button>")
        .append("</div>\n<p class=\"hint\">").append(authNote(model)).append("</p>\n")
        .append("<div class=\"label\">Exposed tools</div><ul class=\"chips\">");
    for (ToolView tool : model.tools()) {
      out.append("<li><code>").append(escape(tool.name())).append("</code></li>");
    }
    if (model.tools().isEmpty()) {
      out.append("<li class=\"muted\">none</li>");
    }
    out.append("</ul>\n</div>\n<div class=\"card snippets\">\n")
        .append("<div class=\"tabs\" role=\"tablist\">");
    for (int i = 0; i < snippets.size(); i++) {
      Snippet s = snippets.get(i);
      out.append("<button type=\"button\" role=\"tab\" class=\"tab").append(i == 0 ? " active" : "")
          .append("\" data-tab=\"").append(s.id()).append("\" aria-selected=\"").append(i == 0)
          .append("\">").append(escape(s.title())).append("</button>");
    }
    out.append("</div>\n");
    for (int i = 0; i < snippets.size(); i++) {
      Snippet s = snippets.get(i);
      out.append("<div class=\"snippet\" role=\"tabpanel\" id=\"snippet-").append(s.id())
          .append("\"").append(i == 0 ? "" : " hidden").append("><div class=\"snippet-head\">")
          .append("<span class=\"where\">").append(escape(s.where())).append("</span>")
          .append("<button type=\"button\" class=\"copy\" data-copy=\"").append(s.id())
          .append("\">Copy</button></div><pre class=\"code lang-").append(s.language())
          .append("\"><code>").append(escape(PageData.mask(model, s.text())))
          .append("</code></pre></div>\n");
    }
    out.append("</div>\n</section>\n");
  }

  private static String authNote(ExplorerModel model) {
    if (model.auth() instanceof AuthHint.ApiKeyHeader apiKey) {
      return "Clients send an API key in the <code>" + escape(apiKey.headerName())
          + "</code> header. The snippets read it from the <code>" + Snippets.SECRET_VARIABLE
          + "</code> environment variable; it never goes in the URL.";
    }
    if (model.auth() instanceof AuthHint.Bearer) {
      return "Clients send a bearer token in the <code>Authorization</code> header. The snippets"
          + " read it from the <code>" + Snippets.SECRET_VARIABLE + "</code> environment variable.";
    }
    return model.capabilityToken() != null
        ? "The URL itself is the credential: anyone who has it can call these tools."
            + " Share it like a password."
        : "This endpoint asks for no credential.";
  }

  private static String credentialHeader(AuthHint auth) {
    if (auth instanceof AuthHint.ApiKeyHeader apiKey) {
      return apiKey.headerName();
    }
    return auth instanceof AuthHint.Bearer ? "Authorization" : null;
  }
}
