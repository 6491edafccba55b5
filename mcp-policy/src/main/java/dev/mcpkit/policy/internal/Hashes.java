package dev.mcpkit.policy.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mcpkit.core.schema.Tools.Tool;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/** SHA-256 of canonical JSON (object keys sorted), for argument hashes and tool definitions. */
public final class Hashes {
  private Hashes() {}

  /** SHA-256 (hex) of the canonical JSON of {@code node}. */
  public static String ofJson(JsonNode node) {
    StringBuilder sb = new StringBuilder();
    canonical(node, sb);
    return sha256(sb.toString());
  }

  /** SHA-256 (hex) of what a tool definition promises: its description and schemas. */
  public static String ofTool(Tool tool) {
    StringBuilder sb = new StringBuilder();
    sb.append(tool.description() == null ? "" : tool.description()).append('\n');
    canonical(tool.inputSchema(), sb);
    sb.append('\n');
    canonical(tool.outputSchema(), sb);
    return sha256(sb.toString());
  }

  public static String sha256(String text) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  static void canonical(JsonNode node, StringBuilder sb) {
    if (node == null || node.isMissingNode()) {
      sb.append("null");
    } else if (node.isObject()) {
      List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
      node.fields().forEachRemaining(fields::add);
      fields.sort(Map.Entry.comparingByKey());
      sb.append('{');
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        sb.append(quote(fields.get(i).getKey())).append(':');
        canonical(fields.get(i).getValue(), sb);
      }
      sb.append('}');
    } else if (node.isArray()) {
      sb.append('[');
      for (int i = 0; i < node.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        canonical(node.get(i), sb);
      }
      sb.append(']');
    } else if (node.isNumber()) {
      sb.append(node.decimalValue().stripTrailingZeros().toPlainString());
    } else {
      sb.append(node.toString());
    }
  }

  private static String quote(String s) {
    return com.fasterxml.jackson.databind.node.TextNode.valueOf(s).toString();
  }
}
