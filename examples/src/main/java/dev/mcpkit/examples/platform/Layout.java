package dev.mcpkit.examples.platform;

import static dev.mcpkit.examples.platform.Html.esc;

import dev.mcpkit.policy.Principal;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The frame of every page: navigation, the user switcher, the flash message, style and script. */
final class Layout {
  private static final String CSS = resource("console.css");
  private static final String JS = resource("console.js");

  private Layout() {}

  static String render(Platform p, Session session, Response r, String nonce) {
    Principal user = p.person(session.userId());
    StringBuilder switcher = new StringBuilder();
    for (Principal person : Platform.PEOPLE) {
      switcher.append(Html.option(person.id(), person.id() + roles(person),
          person.id().equals(user.id())));
    }
    String flash = session.takeFlash();
    return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        + "<title>" + esc(r.title()) + " · Agent platform</title>"
        + "<style nonce=\"" + nonce + "\">" + CSS + "</style></head><body>"
        + "<header><strong>Agent platform</strong><nav>"
        + link("/servers", "MCP Servers") + link("/agent", "Agent: " + Platform.AGENT)
        + (user.organizationAdmin() ? link("/permissions", "Tool permissions") : "")
        + link("/run", "Run") + link("/approvals", "Approvals") + link("/activity", "Activity")
        + "</nav><form method=\"post\" action=\"/switch-user\" id=\"switcher\">"
        + "<input type=\"hidden\" name=\"csrf\" value=\"" + esc(session.csrf()) + "\">"
        + "<label title=\"Not real sign-in: pick who is acting\">Acting as "
        + "<select name=\"user\" id=\"acting-user\">" + switcher + "</select></label>"
        + "<button type=\"submit\" id=\"switch\">Switch</button>"
        + "<small class=\"stand-in\">stand-in for real sign-in</small></form></header>"
        + "<main><h1>" + esc(r.title()) + "</h1>"
        + (flash == null ? "" : "<p class=\"flash\" id=\"flash\">" + esc(flash) + "</p>")
        + r.body() + "</main><script nonce=\"" + nonce + "\">" + JS + "</script></body></html>";
  }

  private static String roles(Principal p) {
    if (p.organizationAdmin()) {
      return " (organization admin)";
    }
    return p.groups().isEmpty() ? "" : " (" + String.join(", ", p.groups()) + ")";
  }

  private static String link(String href, String label) {
    return "<a href=\"" + href + "\">" + esc(label) + "</a>";
  }

  private static String resource(String name) {
    try (InputStream in = Layout.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
