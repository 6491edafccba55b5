package dev.mcpkit.server.internal.protocol;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Matching URIs against RFC 6570 templates, as far as resource templates need: {@code {var}}
 * matches one path segment, {@code {+var}} and {@code {/var}} anything, {@code {?a,b}} a query.
 */
final class UriTemplates {
  private static final Map<String, Compiled> CACHE = new ConcurrentHashMap<>();

  private UriTemplates() {}

  private record Compiled(Pattern pattern, List<String> names) {}

  /** The variables {@code uri} fills into {@code template}, or null when it does not match. */
  static Map<String, String> match(String template, String uri) {
    Compiled c = CACHE.computeIfAbsent(template, UriTemplates::compile);
    Matcher m = c.pattern.matcher(uri);
    if (!m.matches()) {
      return null;
    }
    Map<String, String> vars = new LinkedHashMap<>();
    for (int i = 0; i < c.names.size(); i++) {
      String v = m.group(i + 1);
      if (v != null) {
        vars.put(c.names.get(i), URLDecoder.decode(v.replace("+", "%2B"), StandardCharsets.UTF_8));
      }
    }
    return vars;
  }

  private static Compiled compile(String template) {
    StringBuilder regex = new StringBuilder();
    List<String> names = new ArrayList<>();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      if (open < 0) {
        regex.append(Pattern.quote(template.substring(i)));
        break;
      }
      if (open > i) {
        regex.append(Pattern.quote(template.substring(i, open)));
      }
      int close = template.indexOf('}', open);
      if (close < 0) {
        regex.append(Pattern.quote(template.substring(open)));
        break;
      }
      String expr = template.substring(open + 1, close);
      char op = expr.isEmpty() ? ' ' : expr.charAt(0);
      switch (op) {
        case '+', '#' -> {
          names.add(expr.substring(1));
          regex.append(op == '#' ? "#?(.*)" : "(.*)");
        }
        case '/' -> {
          names.add(expr.substring(1));
          regex.append("/?(.*)");
        }
        case '?', '&' -> {
          for (String name : expr.substring(1).split(",")) {
            names.add(name);
            regex.append("(?:[?&]").append(Pattern.quote(name)).append("=([^&]*))?");
          }
        }
        default -> {
          String[] vars = expr.split(",");
          for (int k = 0; k < vars.length; k++) {
            if (k > 0) {
              regex.append(',');
            }
            names.add(vars[k]);
            regex.append("([^/?#,]+)");
          }
        }
      }
      i = close + 1;
    }
    return new Compiled(Pattern.compile(regex.toString()), names);
  }
}
