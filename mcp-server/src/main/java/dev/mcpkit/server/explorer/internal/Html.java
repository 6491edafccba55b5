package dev.mcpkit.server.explorer.internal;

/** Escaping for text placed in HTML, and for JSON placed in a {@code <script>} data block. */
public final class Html {
  private Html() {}

  /** {@code text} escaped for an element's content or a quoted attribute value. */
  public static String escape(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(text.length() + 16);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> out.append(c);
      }
    }
    return out.toString();
  }

  /**
   * JSON text made safe inside {@code <script type="application/json">}: the characters that could
   * end the element or confuse an HTML parser ({@code <}, {@code >}, {@code &}, U+2028, U+2029) are
   * written as JSON unicode escapes, which leaves the JSON value unchanged. Outside strings JSON
   * text never holds them, so replacing them everywhere is safe.
   */
  public static String scriptJson(String json) {
    return json.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
        .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029");
  }
}
