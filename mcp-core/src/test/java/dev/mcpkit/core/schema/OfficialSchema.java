package dev.mcpkit.core.schema;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mcpkit.core.json.McpJson;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks messages against the official schema of a protocol version in its strict form (a
 * property the version does not define is a problem; see {@code Spec}), for tests of other modules
 * that want to know whether what they put on the wire is exactly what a version defines. Finds the
 * schemas as {@code mcp-core}'s own schema tests do (system property {@code mcp.spec.dir}, set by
 * the parent pom).
 */
public final class OfficialSchema {
  private OfficialSchema() {}

  /**
   * Problems of a result of {@code definition} (e.g. {@code "ListToolsResult"}), wrapped in its
   * response envelope where the version defines one; empty when it is valid.
   */
  public static Set<String> problemsInResult(ProtocolVersion version, String definition,
      JsonNode result) {
    String envelope = definition + "Response";
    if (Spec.hasDefinition(version, envelope)) {
      ObjectNode message = envelopeOf(version, envelope);
      message.set("result", result);
      return Spec.validate(version, envelope, message, true);
    }
    return Spec.validate(version, definition, result, true);
  }

  /**
   * Problems of a whole notification or request message ({@code method}, {@code params} and the
   * envelope fields): empty when one definition of its method in {@code version} accepts it; a
   * single problem when the version has no such method.
   */
  public static Set<String> problemsInMessage(ProtocolVersion version, JsonNode message) {
    String method = message.path("method").asText();
    List<String> definitions = Spec.definitionsForMethod(version, method);
    if (definitions.isEmpty()) {
      return Set.of(version + " defines no message " + method);
    }
    Set<String> problems = new TreeSet<>();
    for (String definition : definitions) {
      ObjectNode copy = envelopeOf(version, definition);
      copy.put("method", method);
      if (message.has("params")) {
        copy.set("params", message.get("params"));
      }
      Set<String> found = Spec.validate(version, definition, copy, true);
      if (found.isEmpty()) {
        return Set.of();
      }
      found.forEach(p -> problems.add(definition + ": " + p));
    }
    return problems;
  }

  /** Whether {@code version}'s schema has a definition of this name. */
  public static boolean defines(ProtocolVersion version, String definition) {
    return Spec.hasDefinition(version, definition);
  }

  private static ObjectNode envelopeOf(ProtocolVersion version, String definition) {
    Set<String> declared = Spec.properties(version, definition);
    ObjectNode message = McpJson.object();
    if (declared.contains("jsonrpc")) {
      message.put("jsonrpc", "2.0");
    }
    if (declared.contains("id")) {
      message.put("id", 1);
    }
    return message;
  }
}
