package dev.mcpkit.server.internal.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Tool parameters mirrored into {@code Mcp-Param-{Name}} headers ({@code x-mcp-header}, protocol
 * 2026-07-28): checked when a tool is defined, and against the headers of each call.
 */
public final class HeaderParams {
  private static final Pattern TOKEN = Pattern.compile("[!#$%&'*+.^_`|~0-9A-Za-z-]+");
  private static final BigDecimal MAX_SAFE = BigDecimal.valueOf(9007199254740991L);

  private HeaderParams() {}

  /**
   * One mirrored parameter.
   *
   * @param path the chain of {@code properties} keys from the schema root
   * @param header the name after {@code Mcp-Param-}
   * @param type {@code string}, {@code integer} or {@code boolean}
   */
  public record Param(List<String> path, String header, String type) {}

  /**
   * The mirrored parameters of an input schema.
   *
   * @throws IllegalArgumentException naming the property and the rule it breaks
   */
  public static List<Param> of(ObjectNode schema) {
    List<Param> params = new ArrayList<>();
    collect(schema, new ArrayList<>(), params, true);
    Set<String> seen = new HashSet<>();
    for (Param p : params) {
      if (!seen.add(p.header.toLowerCase(Locale.ROOT))) {
        throw new IllegalArgumentException("x-mcp-header '" + p.header + "' is used twice (names"
            + " are compared ignoring case)");
      }
    }
    return List.copyOf(params);
  }

  private static void collect(JsonNode schema, List<String> path, List<Param> out,
      boolean reachable) {
    if (!(schema instanceof ObjectNode o)) {
      return;
    }
    JsonNode header = o.get("x-mcp-header");
    if (header != null) {
      String where = path.isEmpty() ? "the schema root" : "property " + String.join(".", path);
      if (!reachable || path.isEmpty()) {
        throw new IllegalArgumentException("x-mcp-header on " + where + " is not reachable"
            + " through properties alone");
      }
      if (!header.isTextual() || !TOKEN.matcher(header.textValue()).matches()) {
        throw new IllegalArgumentException("x-mcp-header on " + where + " must be an HTTP token"
            + " (letters, digits, !#$%&'*+.^_`|~-), got " + header);
      }
      String type = o.path("type").asText("");
      if (!type.equals("string") && !type.equals("integer") && !type.equals("boolean")) {
        throw new IllegalArgumentException("x-mcp-header on " + where + " needs type string,"
            + " integer or boolean, got " + (type.isEmpty() ? "none" : type));
      }
      out.add(new Param(List.copyOf(path), header.textValue(), type));
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      if (e.getKey().equals("properties") && e.getValue() instanceof ObjectNode props) {
        for (Iterator<Map.Entry<String, JsonNode>> p = props.fields(); p.hasNext(); ) {
          Map.Entry<String, JsonNode> prop = p.next();
          path.add(prop.getKey());
          collect(prop.getValue(), path, out, reachable);
          path.remove(path.size() - 1);
        }
      } else if (e.getValue().isObject() || e.getValue().isArray()) {
        for (JsonNode child : e.getValue().isArray() ? e.getValue() : List.of(e.getValue())) {
          collectUnreachable(child, out);
        }
      }
    }
  }

  private static void collectUnreachable(JsonNode node, List<Param> out) {
    if (node instanceof ObjectNode o) {
      if (o.has("x-mcp-header")) {
        throw new IllegalArgumentException("x-mcp-header " + o.get("x-mcp-header") + " is inside"
            + " items, a composition, a condition or $defs; it must be reachable through"
            + " properties alone");
      }
      o.forEach(child -> collectUnreachable(child, out));
    } else if (node != null && node.isArray()) {
      node.forEach(child -> collectUnreachable(child, out));
    }
  }

  /**
   * Checks a call's {@code Mcp-Param-*} headers against its arguments; returns why they do not
   * match, or null.
   */
  public static String check(List<Param> params, JsonNode arguments,
      java.util.function.Function<String, String> headers) {
    for (Param p : params) {
      JsonNode value = arguments;
      for (String key : p.path) {
        value = value == null ? null : value.get(key);
      }
      String raw = headers.apply("Mcp-Param-" + p.header);
      if (value == null || value.isNull()) {
        continue;
      }
      if (raw == null) {
        return "the Mcp-Param-" + p.header + " header is missing; it must mirror argument "
            + String.join(".", p.path);
      }
      String decoded = decode(raw.trim());
      if (decoded == null) {
        return "Mcp-Param-" + p.header + " holds invalid base64 in its =?base64?...?= value";
      }
      if (!matches(p.type, value, decoded)) {
        return "Mcp-Param-" + p.header + " header '" + raw + "' does not match argument "
            + String.join(".", p.path) + " (" + value + ")";
      }
    }
    return null;
  }

  private static boolean matches(String type, JsonNode value, String header) {
    switch (type) {
      case "integer" -> {
        if (!value.isNumber()) {
          return false;
        }
        try {
          BigDecimal h = new BigDecimal(header);
          // compared as decimals: longValue() keeps only the low 64 bits, so 2^64 would pass as 0
          return h.abs().compareTo(MAX_SAFE) <= 0 && h.compareTo(value.decimalValue()) == 0;
        } catch (NumberFormatException e) {
          return false;
        }
      }
      case "boolean" -> {
        return value.isBoolean() && header.equals(Boolean.toString(value.booleanValue()));
      }
      default -> {
        return value.isTextual() && header.equals(value.textValue());
      }
    }
  }

  /** A header value with the {@code =?base64?...?=} sentinel decoded; null for invalid base64. */
  public static String decode(String value) {
    if (value.startsWith("=?base64?") && value.endsWith("?=") && value.length() >= 11) {
      String b64 = value.substring("=?base64?".length(), value.length() - 2);
      if (b64.length() % 4 != 0) {
        return null;
      }
      try {
        return new String(java.util.Base64.getDecoder().decode(b64),
            java.nio.charset.StandardCharsets.UTF_8);
      } catch (IllegalArgumentException e) {
        return null;
      }
    }
    return value;
  }
}
