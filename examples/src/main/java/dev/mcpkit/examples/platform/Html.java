package dev.mcpkit.examples.platform;

import java.util.List;

/** Escaping and the small building blocks every screen uses. */
final class Html {
  private Html() {}

  /** Text for an element or an attribute value in double quotes. */
  static String esc(Object value) {
    if (value == null) {
      return "";
    }
    String s = value.toString();
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /** A POST form with the session's CSRF token; {@code body} is trusted markup. */
  static String form(Request req, String action, String attrs, String body) {
    return "<form method=\"post\" action=\"" + esc(action) + "\"" + (attrs.isEmpty() ? "" : " "
        + attrs) + "><input type=\"hidden\" name=\"csrf\" value=\"" + esc(req.session().csrf())
        + "\">" + body + "</form>";
  }

  /** A one-button POST form with hidden fields given as name, value pairs. */
  static String button(Request req, String action, String label, String cls, String... fields) {
    StringBuilder hidden = new StringBuilder();
    for (int i = 0; i + 1 < fields.length; i += 2) {
      hidden.append(hidden(fields[i], fields[i + 1]));
    }
    return form(req, action, "class=\"inline\"", hidden + "<button type=\"submit\" class=\""
        + esc(cls) + "\">" + esc(label) + "</button>");
  }

  static String hidden(String name, String value) {
    return "<input type=\"hidden\" name=\"" + esc(name) + "\" value=\"" + esc(value) + "\">";
  }

  static String option(String value, String label, boolean selected) {
    return "<option value=\"" + esc(value) + "\"" + (selected ? " selected" : "") + ">"
        + esc(label) + "</option>";
  }

  static String select(String name, String id, List<String[]> options, String selected) {
    StringBuilder b = new StringBuilder("<select name=\"" + esc(name) + "\" id=\"" + esc(id)
        + "\">");
    for (String[] o : options) {
      b.append(option(o[0], o[1], o[0].equals(selected)));
    }
    return b.append("</select>").toString();
  }

  /** A labelled text field. */
  static String field(String label, String name, String value, String extra) {
    return "<label>" + esc(label) + " <input type=\"text\" name=\"" + esc(name) + "\" id=\"f-"
        + esc(name) + "\" value=\"" + esc(value) + "\"" + (extra.isEmpty() ? "" : " " + extra)
        + "></label>";
  }

  /** JSON shown as preformatted text. */
  static String json(Object tree) {
    return "<pre class=\"json\">" + esc(tree == null ? "(none)"
        : dev.mcpkit.core.json.McpJson.mapper().valueToTree(tree).toPrettyString()) + "</pre>";
  }
}
