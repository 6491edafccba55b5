package dev.mcpkit.auth.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads the auth-params ({@code name=token} or {@code name="quoted string"}) of an RFC 9110
 * {@code WWW-Authenticate} challenge. HTTP header syntax only; the OAuth meaning of the parameters is
 * left to Nimbus where Nimbus has it.
 */
final class AuthParams {
  private AuthParams() {}

  /** Splits a header value that may hold several challenges into one string per challenge. */
  static List<String> splitChallenges(String header) {
    List<String> out = new ArrayList<>();
    StringBuilder current = null;
    for (String segment : splitOutsideQuotes(header)) {
      String t = segment.trim();
      if (t.isEmpty()) {
        continue;
      }
      int eq = t.indexOf('=');
      int space = t.indexOf(' ');
      boolean startsChallenge = eq < 0 || (space > 0 && space < eq);
      if (startsChallenge || current == null) {
        if (current != null) {
          out.add(current.toString());
        }
        current = new StringBuilder(t);
      } else {
        current.append(", ").append(t);
      }
    }
    if (current != null) {
      out.add(current.toString());
    }
    return out;
  }

  private static List<String> splitOutsideQuotes(String s) {
    List<String> parts = new ArrayList<>();
    boolean quoted = false;
    int from = 0;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && quoted) {
        i++;
      } else if (c == '"') {
        quoted = !quoted;
      } else if (c == ',' && !quoted) {
        parts.add(s.substring(from, i));
        from = i + 1;
      }
    }
    parts.add(s.substring(from));
    return parts;
  }

  /** The parameters of one challenge ("Bearer a=b, c="d""), names lower-cased. */
  static Map<String, String> parse(String challenge) {
    Map<String, String> params = new LinkedHashMap<>();
    int i = challenge.indexOf(' ');
    if (i < 0) {
      return params;
    }
    int n = challenge.length();
    while (i < n) {
      while (i < n && (challenge.charAt(i) == ' ' || challenge.charAt(i) == ',')) {
        i++;
      }
      int nameStart = i;
      while (i < n && isTokenChar(challenge.charAt(i))) {
        i++;
      }
      String name = challenge.substring(nameStart, i).toLowerCase(Locale.ROOT);
      while (i < n && challenge.charAt(i) == ' ') {
        i++;
      }
      if (i >= n || challenge.charAt(i) != '=' || name.isEmpty()) {
        break;
      }
      i++;
      while (i < n && challenge.charAt(i) == ' ') {
        i++;
      }
      StringBuilder value = new StringBuilder();
      if (i < n && challenge.charAt(i) == '"') {
        i++;
        while (i < n && challenge.charAt(i) != '"') {
          char c = challenge.charAt(i);
          if (c == '\\' && i + 1 < n) {
            c = challenge.charAt(++i);
          }
          value.append(c);
          i++;
        }
        i++;
      } else {
        while (i < n && challenge.charAt(i) != ',' && challenge.charAt(i) != ' ') {
          value.append(challenge.charAt(i++));
        }
      }
      params.putIfAbsent(name, value.toString());
    }
    return params;
  }

  private static boolean isTokenChar(char c) {
    return c > 32 && c < 127 && "()<>@,;:\\\"/[]?={} \t".indexOf(c) < 0;
  }
}
