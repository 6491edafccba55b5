package dev.mcpkit.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The 2026-07-28 {@code x-mcp-header} annotations of the tools a server listed: which argument of
 * which tool is mirrored into which {@code Mcp-Param-*} header. Tools whose annotations break the
 * rules are dropped from the listing, with a warning naming the tool and the reason. Thread-safe.
 */
public final class ToolHeaders {
  private static final Logger LOG = LoggerFactory.getLogger(ToolHeaders.class);
  private static final long MAX_SAFE = (1L << 53) - 1;

  /** One mirrored argument: the header name part and the chain of property names to the value. */
  record Mapping(String header, List<String> path) {}

  private final Map<String, List<Mapping>> byTool = new ConcurrentHashMap<>();

  /**
   * Learns the annotations of a {@code tools/list} result and removes the tools whose annotations
   * are invalid from it (in place).
   */
  public void learn(JsonNode listResult) {
    if (!(listResult != null && listResult.get("tools") instanceof ArrayNode tools)) {
      return;
    }
    for (int i = tools.size() - 1; i >= 0; i--) {
      JsonNode tool = tools.get(i);
      String name = tool.path("name").asText(null);
      if (name == null) {
        continue;
      }
      List<Mapping> mappings = new ArrayList<>();
      String problem = collect(tool.get("inputSchema"), new ArrayList<>(), true, mappings);
      Set<String> seen = new HashSet<>();
      for (Mapping m : mappings) {
        if (problem == null && !seen.add(m.header().toLowerCase(Locale.ROOT))) {
          problem = "x-mcp-header '" + m.header() + "' is used twice";
        }
      }
      if (problem != null) {
        LOG.warn("ignoring tool '{}': {}", name, problem);
        tools.remove(i);
        byTool.remove(name);
      } else if (mappings.isEmpty()) {
        byTool.remove(name);
      } else {
        byTool.put(name, List.copyOf(mappings));
      }
    }
  }

  private static String collect(JsonNode schema, List<String> path, boolean reachable,
      List<Mapping> out) {
    if (!(schema instanceof ObjectNode o)) {
      return null;
    }
    JsonNode header = o.get("x-mcp-header");
    if (header != null) {
      if (!reachable || path.isEmpty()) {
        return "x-mcp-header at " + describe(path) + " is not reachable through properties alone";
      }
      if (!header.isTextual() || !HeaderValues.isToken(header.textValue())) {
        return "x-mcp-header " + header + " at " + describe(path) + " is not an HTTP token";
      }
      String type = o.path("type").asText("");
      if (!type.equals("string") && !type.equals("integer") && !type.equals("boolean")) {
        return "x-mcp-header at " + describe(path) + " is on a '" + type
            + "' property; only string, integer and boolean are allowed";
      }
      out.add(new Mapping(header.textValue(), List.copyOf(path)));
    }
    var fields = o.fields();
    while (fields.hasNext()) {
      var e = fields.next();
      String key = e.getKey();
      JsonNode value = e.getValue();
      if (key.equals("properties") && value instanceof ObjectNode props) {
        var it = props.fields();
        while (it.hasNext()) {
          var p = it.next();
          path.add(p.getKey());
          String problem = collect(p.getValue(), path, reachable, out);
          path.remove(path.size() - 1);
          if (problem != null) {
            return problem;
          }
        }
      } else if (value.isContainerNode() && !key.equals("x-mcp-header") && !key.equals("default")
          && !key.equals("const") && !key.equals("enum") && !key.equals("examples")) {
        String problem = value.isArray() ? collectArray(value, path, out)
            : collect(value, path, false, out);
        if (problem != null) {
          return problem;
        }
      }
    }
    return null;
  }

  private static String collectArray(JsonNode array, List<String> path, List<Mapping> out) {
    for (JsonNode item : array) {
      String problem = collect(item, path, false, out);
      if (problem != null) {
        return problem;
      }
    }
    return null;
  }

  private static String describe(List<String> path) {
    return path.isEmpty() ? "the schema root" : "'" + String.join(".", path) + "'";
  }

  /** The {@code Mcp-Param-*} headers (name to encoded value) for one {@code tools/call}. */
  public Map<String, String> headersFor(String tool, JsonNode arguments) {
    List<Mapping> mappings = tool == null ? null : byTool.get(tool);
    if (mappings == null || arguments == null) {
      return Map.of();
    }
    Map<String, String> headers = new java.util.LinkedHashMap<>();
    for (Mapping m : mappings) {
      JsonNode v = arguments;
      for (String step : m.path()) {
        v = v == null ? null : v.get(step);
      }
      String text = null;
      if (v == null || v.isNull()) {
        continue;
      } else if (v.isTextual()) {
        text = v.textValue();
      } else if (v.isBoolean()) {
        text = v.booleanValue() ? "true" : "false";
      } else if (v.isIntegralNumber() || (v.isNumber() && v.asDouble() == Math.rint(v.asDouble()))) {
        long l = v.asLong();
        if (Math.abs(l) <= MAX_SAFE) {
          text = Long.toString(l);
        }
      }
      if (text != null) {
        headers.put("Mcp-Param-" + m.header(), HeaderValues.encode(text));
      }
    }
    return headers;
  }
}
