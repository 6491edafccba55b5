package dev.mcpkit.examples.toolserver;

/**
 * Makes text from a caller safe to print on an operator's terminal: control characters (escape
 * sequences, and carriage returns or newlines that would fake log lines), bidirectional overrides,
 * other invisible format characters and lone surrogates are shown as {@code \\uXXXX}, a backslash
 * as two, and long text is cut.
 */
public final class ConsoleText {
  private ConsoleText() {}

  /** {@code text} on one line, at most {@code max} code points of it, nothing left to interpret. */
  public static String escape(String text, int max) {
    if (text == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(Math.min(text.length(), max) + 16);
    int i = 0;
    for (int shown = 0; i < text.length() && shown < max; shown++) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      if (unsafe(cp)) {
        out.append(String.format("\\u%04X", cp));
      } else if (cp == '\\') {
        out.append("\\\\");
      } else {
        out.appendCodePoint(cp);
      }
    }
    if (i < text.length()) {
      out.append("... (").append(text.length()).append(" characters)");
    }
    return out.toString();
  }

  private static boolean unsafe(int cp) {
    int type = Character.getType(cp);
    return Character.isISOControl(cp) || type == Character.FORMAT
        || type == Character.LINE_SEPARATOR || type == Character.PARAGRAPH_SEPARATOR
        || type == Character.SURROGATE;
  }
}
