package dev.mcpkit.examples.console;

import java.util.ArrayList;
import java.util.List;

/** Splits a console line into words: blanks separate, double quotes group, {@code #} starts a comment. */
final class Words {
  private Words() {}

  static List<String> split(String line) {
    List<String> words = new ArrayList<>();
    StringBuilder word = null;
    boolean quoted = false;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (quoted) {
        if (c == '"') {
          quoted = false;
        } else if (c == '\\' && i + 1 < line.length()) {
          word.append(line.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        word = word == null ? new StringBuilder() : word;
      } else if (Character.isWhitespace(c)) {
        if (word != null) {
          words.add(word.toString());
          word = null;
        }
      } else if (c == '#' && word == null) {
        break;
      } else {
        word = word == null ? new StringBuilder() : word;
        word.append(c);
      }
    }
    if (quoted) {
      throw new IllegalArgumentException("a quote is not closed");
    }
    if (word != null) {
      words.add(word.toString());
    }
    return words;
  }

  /** The text after the first {@code n} words of {@code line} (for JSON arguments), trimmed. */
  static String after(String line, int n) {
    int i = 0;
    for (int w = 0; w < n; w++) {
      while (i < line.length() && Character.isWhitespace(line.charAt(i))) {
        i++;
      }
      while (i < line.length() && !Character.isWhitespace(line.charAt(i))) {
        i++;
      }
    }
    return line.substring(i).trim();
  }
}
